/** The label a new draft gets by default: one major above the highest existing one. */
export function nextVersionLabel(existingMajors: number[]): string {
  return `v${Math.max(0, ...existingMajors) + 1}`
}
