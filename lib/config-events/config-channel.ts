// The PostgreSQL channel that carries config changes between processes (LISTEN/NOTIFY). The
// payload is the new config version. SQLite has no such thing; there the version row's poll is
// the only way across processes.

export const CONFIG_CHANNEL = 'tollgate_config'

/** A Prisma client or transaction is on PostgreSQL (both generated clients carry their provider). */
export function isPostgresClient(client: object): boolean {
  return (client as { _activeProvider?: string })._activeProvider === 'postgresql'
}
