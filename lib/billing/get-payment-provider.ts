import type { PaymentProvider } from './payment-provider'
import { createSandboxPaymentProvider } from './sandbox-payment-provider'

// Which PaymentProvider (lib/billing/payment-provider.ts) the console talks to. A new provider
// (docs/payment-providers.md) is registered here, and nowhere else.

export const PAYMENT_PROVIDERS = ['sandbox'] as const

let cached: PaymentProvider | undefined

/** The configured provider (env PAYMENT_PROVIDER, default "sandbox"): the one place it is chosen. */
export function getPaymentProvider(): PaymentProvider {
  if (cached) return cached
  const name = process.env.PAYMENT_PROVIDER || 'sandbox'
  switch (name) {
    case 'sandbox':
      cached = createSandboxPaymentProvider()
      return cached
    default:
      // Fail loudly: silently falling back to the sandbox would hand out free money in production.
      throw new Error(`Unknown PAYMENT_PROVIDER "${name}"; supported: ${PAYMENT_PROVIDERS.join(', ')}`)
  }
}
