export const KIND_LABELS: Record<string, string> = {
  REST: 'REST',
  AI_CHAT: 'AI chat',
  AI_PROMPT: 'AI prompt',
}

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind
}

// Dates are shown in UTC so a sunset date reads the same for every viewer and in the gateway's Sunset header.
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

export function formatDate(date: Date): string {
  return DATE.format(date)
}
