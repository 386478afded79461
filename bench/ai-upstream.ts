// The AI row's provider: the built-in demo AI provider (server/demo-ai-provider.ts) on its own
// process, so the gateway, the provider and the load generator each have their own event loop.
import { startDemoUpstream } from '../server/demo-upstream'

const demo = await startDemoUpstream(Number(process.env.PORT ?? 0))
console.log(`listening on port ${demo.port}`)
process.on('SIGTERM', () => void demo.close().then(() => process.exit(0)))
