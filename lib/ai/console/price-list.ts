import { z } from 'zod'
import priceListJson from '@/lib/ai/price-list.json'
import { AI_PROVIDER_KINDS } from './kinds'

// The shipped price list (lib/ai/price-list.json): what the model form offers under "fill from
// price list". Parsed once against this schema so a bad edit to the file fails loudly in tests.

const decimal = z.string().regex(/^\d+(\.\d{1,6})?$/)

export const priceListSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
  unit: z.literal('per 1M tokens'),
  notes: z.string().min(1),
  models: z
    .array(
      z.object({
        provider: z.string().min(1),
        kind: z.enum(AI_PROVIDER_KINDS),
        model: z.string().min(1),
        input: decimal,
        output: decimal,
        cachedInput: decimal.nullable(),
        contextWindow: z.number().int().positive(),
        maxOutputTokens: z.number().int().positive(),
      }),
    )
    .min(1),
})

export type PriceList = z.infer<typeof priceListSchema>
export type PriceListEntry = PriceList['models'][number]

export const PRICE_LIST: PriceList = priceListSchema.parse(priceListJson)
