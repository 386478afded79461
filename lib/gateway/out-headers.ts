/** The headers of an answer the gateway writes (lower-case names), its own or an upstream's. */
export type OutHeaders = Record<string, string | string[] | number>
