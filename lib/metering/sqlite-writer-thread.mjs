// The metering writer thread's entry point. Node 20 cannot start a worker from a .ts file, so this
// stub registers tsx (a dependency) and loads the typed driver, sqlite-writer-loop.ts. It works the
// same under `npm start` (tsx), vitest and plain node.
import { register } from 'tsx/esm/api'

register()
await import('./sqlite-writer-loop.ts')
