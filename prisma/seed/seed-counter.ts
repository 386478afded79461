// Counts what a seed run wrote, so the CLI can report it and a second run can prove it wrote nothing.
export class SeedCounter {
  readonly counts = new Map<string, number>()

  changed(kind: string, by = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + by)
  }

  get total(): number {
    let sum = 0
    for (const value of this.counts.values()) sum += value
    return sum
  }

  /** Find-or-create on a natural key. Existing rows are left exactly as they are. */
  async upsert<T>(kind: string, find: () => Promise<T | null>, create: () => Promise<T>): Promise<T> {
    const existing = await find()
    if (existing) return existing
    const created = await create()
    this.changed(kind)
    return created
  }

  summary(): string {
    if (this.total === 0) return 'nothing to do, the demo data is already there'
    return [...this.counts.entries()].map(([kind, n]) => `${n} ${n === 1 ? kind : plural(kind)}`).join(', ')
  }
}

function plural(kind: string): string {
  return kind.endsWith('y') && !kind.endsWith('key') ? `${kind.slice(0, -1)}ies` : `${kind}s`
}
