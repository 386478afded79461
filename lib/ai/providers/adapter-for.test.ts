import { expect, test } from 'vitest'
import { AiProviderKind } from '@/generated/sqlite/enums'
import { adapterFor } from './adapter-for'

test.each(Object.values(AiProviderKind))('adapterFor(%s) is that kind of adapter', (kind) => {
  expect(adapterFor(kind).kind).toBe(kind)
})
