import { parseDocument, stringify } from 'yaml'
import { AppError } from '@/lib/errors/app-error'
import { fieldErrorsOf } from '@/lib/errors/field-errors'
import { configFileSchema, type ConfigDocument, type ConfigFile } from './schemas'

// The config file as text. JSON is YAML too, so a script may post either.

// No folding: a contract's long lines stay as they were written, which keeps files diffable.
export function configToYaml(config: ConfigDocument): string {
  return stringify(config, { lineWidth: 0, blockQuote: 'literal' })
}

const invalidConfig = (message: string, fieldErrors?: Record<string, string[]>) =>
  new AppError({ code: 'invalid_config', status: 400, message, fieldErrors })

/** The file, validated by the console's schemas; 400 problem+json with each problem at its path. */
export function parseConfigFile(text: string): ConfigFile {
  if (text.trim() === '') throw invalidConfig('Send the config file (YAML or JSON) as the body')
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  if (document.errors.length) {
    throw invalidConfig('The file is not valid YAML', { _: document.errors.slice(0, 5).map((e) => e.message) })
  }
  const parsed = configFileSchema.safeParse(document.toJS({ maxAliasCount: 100 }))
  if (!parsed.success) throw invalidConfig('The config file did not validate', fieldErrorsOf(parsed.error))
  return parsed.data
}
