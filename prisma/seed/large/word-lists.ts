// Word lists for the large seed. Names are combined deterministically, so every run builds the
// same 10,000 APIs and the catalog's search, facets and paging have realistic variety to chew on.

export const COMPANY_FIRST = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Wingtip',
  'Adatum',
  'Litware',
  'Proseware',
  'Lucerne',
  'Woodgrove',
]
export const COMPANY_SECOND = ['Logistics', 'Health', 'Bank', 'Retail', 'Energy']

export const QUALIFIERS = [
  'Realtime',
  'Batch',
  'Partner',
  'Internal',
  'Public',
  'Regional',
  'Legacy',
  'Smart',
  'Unified',
  'Secure',
  'Mobile',
  'Global',
]

export const DOMAINS: Array<{ word: string; tags: string[] }> = [
  { word: 'Customer', tags: ['crm', 'customers'] },
  { word: 'Fleet', tags: ['logistics', 'iot'] },
  { word: 'Loyalty', tags: ['marketing', 'rewards'] },
  { word: 'Pricing', tags: ['commerce', 'pricing'] },
  { word: 'Claims', tags: ['insurance'] },
  { word: 'Patient', tags: ['health', 'fhir'] },
  { word: 'Meter', tags: ['energy', 'iot'] },
  { word: 'Ledger', tags: ['finance', 'accounting'] },
  { word: 'Catalog', tags: ['commerce', 'products'] },
  { word: 'Warehouse', tags: ['logistics', 'inventory'] },
  { word: 'Payroll', tags: ['hr', 'finance'] },
  { word: 'Recruiting', tags: ['hr'] },
  { word: 'Booking', tags: ['travel', 'reservations'] },
  { word: 'Content', tags: ['cms', 'media'] },
  { word: 'Search', tags: ['search'] },
  { word: 'Identity', tags: ['auth', 'security'] },
  { word: 'Fraud', tags: ['risk', 'security'] },
  { word: 'Tax', tags: ['finance', 'compliance'] },
  { word: 'Shipment', tags: ['logistics', 'shipping'] },
  { word: 'Subscription', tags: ['billing'] },
  { word: 'Telemetry', tags: ['observability', 'iot'] },
  { word: 'Translation', tags: ['ai', 'language'] },
  { word: 'Document', tags: ['documents', 'storage'] },
  { word: 'Survey', tags: ['feedback'] },
  { word: 'Appointment', tags: ['scheduling'] },
]

export const NOUNS = [
  'Profile',
  'Events',
  'Lookup',
  'Sync',
  'Reports',
  'Notifications',
  'Export',
  'Import',
  'Scoring',
  'Directory',
  'Status',
  'Insights',
  'Gateway',
  'Registry',
  'Feed',
]

export const DESCRIPTION_TEMPLATES = [
  (subject: string) => `Read and update ${subject} records with cursor pagination and webhooks on change.`,
  (subject: string) => `Streams ${subject} changes to subscribers; replay from any point in the last 7 days.`,
  (subject: string) => `Search and filter ${subject} data across regions, with field-level access control.`,
  (subject: string) => `Nightly and on-demand ${subject} exports as CSV or Parquet.`,
  (subject: string) => `Validates and enriches ${subject} data before it reaches downstream systems.`,
]
