import type { ApprovalMode, RateWindow, VersionState, Visibility } from '@/generated/sqlite/enums'
import type { DemoTeamSlug } from './seed-teams'

// The demo catalog: a dozen APIs across the three teams, covering every lifecycle state.
// Times are days before the seed runs, so the history always looks a few weeks old.

export type DemoVersion = {
  version: string
  state: VersionState
  openapiFile: string
  /** Path on the built-in demo upstream (it serves /weather/v1, /weather/v2 and /orders/..., echoes the rest). */
  upstreamPath: string
  createdDaysAgo: number
  publishedDaysAgo?: number
  deprecatedDaysAgo?: number
  /** Negative: the sunset is still ahead. */
  sunsetDaysAgo?: number
  retiredDaysAgo?: number
  successor?: string
  deprecateReason?: string
  retireReason?: string
}

export type DemoPlan = {
  name: string
  description: string
  approval: ApprovalMode
  paid: boolean
  pricePerCallMicros?: number
  freeCallsPerMonth?: number
  rateLimit?: number
  rateWindow?: RateWindow
  archived?: boolean
}

export type DemoApi = {
  team: DemoTeamSlug
  slug: string
  name: string
  description: string
  tags: string[]
  visibility?: Visibility
  versions: DemoVersion[]
  plans: DemoPlan[]
}

const FREE: DemoPlan = {
  name: 'Free',
  description: 'For trying things out and hobby projects.',
  approval: 'AUTO',
  paid: false,
  rateLimit: 60,
  rateWindow: 'MINUTE',
}
const PAYG = (pricePerCallMicros: number, freeCallsPerMonth: number): DemoPlan => ({
  name: 'Pay as you go',
  description: `First ${freeCallsPerMonth.toLocaleString('en-US')} calls each month free, then billed per call.`,
  approval: 'AUTO',
  paid: true,
  pricePerCallMicros,
  freeCallsPerMonth,
  rateLimit: 600,
  rateWindow: 'MINUTE',
})

export const DEMO_APIS: DemoApi[] = [
  {
    team: 'acme',
    slug: 'weather',
    name: 'Weather',
    description: 'Current conditions, hourly and daily forecasts and severe-weather alerts for any point on Earth.',
    tags: ['weather', 'forecast', 'geo'],
    versions: [
      {
        version: 'v1',
        state: 'DEPRECATED',
        openapiFile: 'weather-v1.yaml',
        upstreamPath: '/weather/v1',
        createdDaysAgo: 120,
        publishedDaysAgo: 118,
        deprecatedDaysAgo: 12,
        sunsetDaysAgo: -60,
        successor: 'v2',
        deprecateReason: 'City-name lookups are ambiguous; v2 takes coordinates and adds hourly forecasts and alerts.',
      },
      {
        version: 'v2',
        state: 'PUBLISHED',
        openapiFile: 'weather-v2.yaml',
        upstreamPath: '/weather/v2',
        createdDaysAgo: 30,
        publishedDaysAgo: 14,
      },
    ],
    plans: [
      { ...FREE, description: '60 calls a minute, no card needed.' },
      // 0.002 USD a call after 1,000 free calls a month: the plan globex and initech pay for.
      PAYG(2_000, 1_000),
      {
        name: 'Enterprise',
        description: 'High rate limits, volume pricing and a 99.95% SLA. Approved by the Acme platform team.',
        approval: 'MANUAL',
        paid: true,
        pricePerCallMicros: 300,
        freeCallsPerMonth: 100_000,
        rateLimit: 50,
        rateWindow: 'SECOND',
      },
    ],
  },
  {
    team: 'acme',
    slug: 'legacy-orders',
    name: 'Orders (legacy)',
    description: 'The 2019 storefront order API. Retired: use Acme Orders instead.',
    tags: ['orders', 'commerce', 'legacy'],
    versions: [
      {
        version: 'v1',
        state: 'RETIRED',
        openapiFile: 'legacy-orders-v1.yaml',
        upstreamPath: '/orders',
        createdDaysAgo: 400,
        publishedDaysAgo: 395,
        deprecatedDaysAgo: 45,
        sunsetDaysAgo: 10,
        retiredDaysAgo: 9,
        deprecateReason: 'Replaced by acme/orders v1 (idempotency keys, integer money, cursor pagination).',
        retireReason: 'Sunset date reached; all consumers moved to acme/orders.',
      },
    ],
    plans: [{ ...FREE, archived: true }],
  },
  {
    team: 'acme',
    slug: 'orders',
    name: 'Orders',
    description: 'Create, list and cancel storefront orders with idempotent writes and integer money.',
    tags: ['orders', 'commerce'],
    versions: [
      {
        version: 'v1',
        state: 'PUBLISHED',
        openapiFile: 'orders-v1.yaml',
        upstreamPath: '/orders',
        createdDaysAgo: 70,
        publishedDaysAgo: 60,
      },
    ],
    plans: [FREE, PAYG(1_000, 5_000)],
  },
  {
    team: 'acme',
    slug: 'geocoding',
    name: 'Geocoding',
    description: 'Forward and reverse geocoding: addresses to coordinates and back, from OpenStreetMap data.',
    tags: ['geo', 'maps', 'addresses'],
    versions: [
      {
        version: 'v1',
        state: 'PUBLISHED',
        openapiFile: 'geocoding-v1.yaml',
        upstreamPath: '/geocoding',
        createdDaysAgo: 50,
        publishedDaysAgo: 41,
      },
    ],
    plans: [FREE, PAYG(500, 2_000)],
  },
  {
    team: 'acme',
    slug: 'shipping-rates',
    name: 'Shipping Rates',
    description: 'Compare UPS, FedEx, USPS and DHL rates for a parcel and buy the label.',
    tags: ['shipping', 'logistics'],
    versions: [
      {
        version: 'v1',
        state: 'DRAFT',
        openapiFile: 'shipping-rates-v1.yaml',
        upstreamPath: '/shipping',
        createdDaysAgo: 3,
      },
    ],
    plans: [],
  },
  {
    team: 'globex',
    slug: 'payments',
    name: 'Payments',
    description: 'Charge cards and bank accounts and issue refunds; v2 (draft) adds payment intents with 3-D Secure.',
    tags: ['payments', 'fintech', 'cards'],
    versions: [
      {
        version: 'v1',
        state: 'PUBLISHED',
        openapiFile: 'payments-v1.yaml',
        upstreamPath: '/payments',
        createdDaysAgo: 200,
        publishedDaysAgo: 190,
      },
      { version: 'v2', state: 'DRAFT', openapiFile: 'payments-v2.yaml', upstreamPath: '/payments', createdDaysAgo: 6 },
    ],
    plans: [
      PAYG(2_000, 1_000),
      {
        name: 'Business',
        description: 'Reviewed by Globex risk before activation.',
        approval: 'MANUAL',
        paid: true,
        pricePerCallMicros: 1_200,
        freeCallsPerMonth: 10_000,
        rateLimit: 100,
        rateWindow: 'SECOND',
      },
    ],
  },
  {
    team: 'globex',
    slug: 'fx-rates',
    name: 'FX Rates',
    description: 'Mid-market exchange rates for 160 currencies, refreshed every minute, with history back to 1999.',
    tags: ['fx', 'currency', 'fintech'],
    versions: [
      {
        version: 'v1',
        state: 'PUBLISHED',
        openapiFile: 'fx-rates-v1.yaml',
        upstreamPath: '/fx',
        createdDaysAgo: 150,
        publishedDaysAgo: 140,
      },
    ],
    plans: [FREE, PAYG(400, 1_000)],
  },
  {
    team: 'globex',
    slug: 'invoices',
    name: 'Invoices',
    description: 'Issue, send and track invoices. Deprecated with no successor: export your data before the sunset.',
    tags: ['billing', 'invoices', 'finance'],
    versions: [
      {
        version: 'v1',
        state: 'DEPRECATED',
        openapiFile: 'invoices-v1.yaml',
        upstreamPath: '/invoices',
        createdDaysAgo: 300,
        publishedDaysAgo: 290,
        deprecatedDaysAgo: 20,
        sunsetDaysAgo: -45,
        deprecateReason: 'Invoicing moves into the Globex billing suite, which has no public API.',
      },
    ],
    plans: [FREE],
  },
  {
    team: 'globex',
    slug: 'identity-verification',
    name: 'Identity Verification',
    visibility: 'PRIVATE',
    description: 'KYC checks (documents, sanctions, PEP) for Globex onboarding. Private to Globex.',
    tags: ['kyc', 'compliance', 'risk'],
    versions: [
      {
        version: 'v1',
        state: 'PUBLISHED',
        openapiFile: 'identity-verification-v1.yaml',
        upstreamPath: '/kyc',
        createdDaysAgo: 35,
        publishedDaysAgo: 28,
      },
    ],
    plans: [{ ...FREE, name: 'Internal', description: 'Globex teams only.' }],
  },
  {
    team: 'initech',
    slug: 'inventory',
    name: 'Inventory',
    description: 'Stock levels, reservations and adjustments across every Initech warehouse.',
    tags: ['inventory', 'warehouse', 'logistics'],
    versions: [
      {
        version: 'v1',
        state: 'PUBLISHED',
        openapiFile: 'inventory-v1.yaml',
        upstreamPath: '/inventory',
        createdDaysAgo: 80,
        publishedDaysAgo: 75,
      },
    ],
    plans: [FREE, PAYG(600, 5_000)],
  },
  {
    team: 'initech',
    slug: 'notifications',
    name: 'Notifications',
    description: 'Transactional email, SMS and push from templates, with delivery tracking.',
    tags: ['email', 'sms', 'messaging'],
    versions: [
      {
        version: 'v1',
        state: 'PUBLISHED',
        openapiFile: 'notifications-v1.yaml',
        upstreamPath: '/notifications',
        createdDaysAgo: 65,
        publishedDaysAgo: 58,
      },
    ],
    plans: [FREE, PAYG(3_000, 500)],
  },
  {
    team: 'initech',
    slug: 'support-tickets',
    name: 'Support Tickets',
    description: 'Open customer support tickets and follow them to resolution.',
    tags: ['support', 'helpdesk'],
    versions: [
      {
        version: 'v1',
        state: 'DRAFT',
        openapiFile: 'support-tickets-v1.yaml',
        upstreamPath: '/tickets',
        createdDaysAgo: 8,
      },
    ],
    plans: [],
  },
]

/**
 * Who subscribes to what, for demo traffic, approvals and billing: globex and initech pay acme
 * per weather call (the billing history in seed-billing-history.ts starts with these dates).
 */
export const DEMO_SUBSCRIPTIONS: Array<{
  consumer: DemoTeamSlug
  api: string
  plan: string
  state: 'ACTIVE' | 'PENDING'
  daysAgo: number
}> = [
  { consumer: 'globex', api: 'acme/weather', plan: 'Pay as you go', state: 'ACTIVE', daysAgo: 30 },
  { consumer: 'globex', api: 'acme/geocoding', plan: 'Pay as you go', state: 'ACTIVE', daysAgo: 21 },
  { consumer: 'initech', api: 'acme/weather', plan: 'Pay as you go', state: 'ACTIVE', daysAgo: 20 },
  { consumer: 'initech', api: 'globex/fx-rates', plan: 'Pay as you go', state: 'ACTIVE', daysAgo: 17 },
  { consumer: 'acme', api: 'initech/notifications', plan: 'Free', state: 'ACTIVE', daysAgo: 40 },
  { consumer: 'acme', api: 'globex/payments', plan: 'Business', state: 'PENDING', daysAgo: 2 },
]
