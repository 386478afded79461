// @ts-check
import { createRequire } from 'node:module'

// Swagger 2.0 → OpenAPI 3.0 with swagger2openapi (the converter Mermade maintains for the OpenAPI
// Initiative's tooling), in the validation worker. External references are refused before this
// runs (check-openapi-document.mjs) and resolution is off, so converting never reads a file or
// the network. Plain .mjs: it runs in the worker.

const require = createRequire(import.meta.url)

/** @typedef {{ ok: true, document: Record<string, unknown> } | { ok: false, message: string }} ConversionResult */

/**
 * @param {Record<string, unknown>} swagger
 * @returns {Promise<ConversionResult>}
 */
export async function convertSwagger2(swagger) {
  /** @type {{ convertObj: (doc: unknown, options: Record<string, unknown>) => Promise<{ openapi: Record<string, unknown> }> }} */
  const converter = require('swagger2openapi')
  try {
    // patch: repair the small mistakes real documents carry (the converter's documented default
    // for tooling); warnOnly: report, rather than throw on, what it cannot repair.
    const { openapi } = await converter.convertObj(structuredClone(swagger), {
      patch: true,
      warnOnly: true,
      resolve: false,
      resolveInternal: false,
    })
    return { ok: true, document: openapi }
  } catch (error) {
    return {
      ok: false,
      message: `The Swagger 2.0 document could not be converted: ${/** @type {Error} */ (error).message}`,
    }
  }
}
