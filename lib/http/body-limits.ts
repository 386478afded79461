import { maxOpenApiBytes } from '../openapi/openapi-limits.mjs'

// How large a console form post may be. Forms carry small fields; anything bigger is refused at
// the front door with 413 problem+json before Next reads it (Next's own refusal surfaces as a 500).
export const SERVER_ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024

/**
 * The routes that take a contract of up to maxOpenApiBytes(): the version form's upload route and
 * the management API's version endpoint (which takes multipart too), and config diff and apply.
 */
const CONTRACT_UPLOAD_PATHS = [
  /^\/t\/[^/?#]+\/apis\/[^/?#]+\/contract-upload(?:[?#]|$)/,
  /^\/api\/v1\/teams\/[^/?#]+\/apis\/[^/?#]+\/versions(?:[?#]|$)/,
  // A declarative config file carries its versions' contracts.
  /^\/api\/v1\/teams\/[^/?#]+\/config\/(?:diff|apply)(?:[?#]|$)/,
]

/** Room for the form's other fields and the multipart boundaries around the document. */
export const CONTRACT_FORM_OVERHEAD_BYTES = 64 * 1024

/** The largest body a contract upload may have: the contract limit and the form around it. */
export function contractUploadBodyLimit(): number {
  return maxOpenApiBytes() + CONTRACT_FORM_OVERHEAD_BYTES
}

/** The body limit for a console form post to `url`. */
export function formBodyLimitFor(url: string): number {
  return CONTRACT_UPLOAD_PATHS.some((path) => path.test(url))
    ? contractUploadBodyLimit()
    : SERVER_ACTION_BODY_LIMIT_BYTES
}
