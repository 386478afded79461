// Generates the Prisma client for both providers from prisma/schema.prisma.
// Runs on postinstall, so a fresh clone needs no manual step.
import { existsSync } from 'node:fs'
if (!existsSync(new URL('../prisma/schema.prisma', import.meta.url))) process.exit(0)
await import('./lib/prisma-cli.mjs').then((m) => m.generateClients())
