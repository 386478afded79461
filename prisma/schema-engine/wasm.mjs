// Loads @prisma/schema-engine-wasm by hand.
//
// WHY: the package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, an ES
// module import of a .wasm file. Node 20 only allows that behind --experimental-wasm-modules, so we
// compile the .wasm ourselves and hand its exports to the generated bindings, which is exactly what
// the entry point would have done.
import { readFile } from 'node:fs/promises'

let loaded

/** @returns {Promise<typeof import('@prisma/schema-engine-wasm')>} */
export function loadSchemaEngineWasm() {
  loaded ??= (async () => {
    // `./schema_engine_bg` is the one sub-path the package exports; the .wasm sits next to it.
    const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const bindings = await import(bindingsUrl)
    const bytes = await readFile(new URL('schema_engine_bg.wasm', bindingsUrl))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings })
    bindings.__wbg_set_wasm(instance.exports)
    instance.exports.__wbindgen_start()
    return bindings
  })()
  return loaded
}
