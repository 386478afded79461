// How large a console form post may be. A version form carries its OpenAPI document (2 MB at most,
// MAX_OPENAPI_BYTES) as text, plus multipart overhead; anything bigger is refused at the front door
// with 413 problem+json before Next reads it (Next's own refusal surfaces as a 500).
export const SERVER_ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024
