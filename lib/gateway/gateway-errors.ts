// Every error the gateway itself answers, with its stable `code` (clients branch on the code,
// never on the wording) and HTTP status (RFC 9110 §15).
export const GATEWAY_ERRORS = {
  ambiguous_credentials: {
    status: 400,
    message:
      'Send one API key: this request carries several Authorization or X-Api-Key headers, or two different keys.',
  },
  route_not_found: { status: 404, message: 'No published API version answers at this address.' },
  missing_key: {
    status: 401,
    message: 'Send your API key as "Authorization: Bearer tg_..." or in the X-Api-Key header.',
  },
  invalid_key: { status: 401, message: 'This API key is not recognised.' },
  key_expired: { status: 401, message: 'This API key has expired.' },
  key_revoked: { status: 401, message: 'This API key has been revoked.' },
  not_subscribed: { status: 403, message: 'Your team has no active subscription to this API that this key may use.' },
  version_retired: { status: 410, message: 'This API version has been retired.' },
  payload_too_large: { status: 413, message: 'The request body is larger than this gateway accepts.' },
  rate_limited: { status: 429, message: "Too many requests for this key on this plan's rate limit." },
  upstream_unreachable: { status: 502, message: 'The upstream service could not be reached or failed mid-response.' },
  upstream_timeout: { status: 504, message: 'The upstream service did not answer in time.' },
  internal_error: { status: 500, message: 'Something went wrong in the gateway.' },
} as const

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS

/** nginx's convention for "client closed the connection before the answer": metered, never sent. */
export const CLIENT_CLOSED_STATUS = 499
