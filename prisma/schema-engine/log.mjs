// stderr in the shape the native engine uses: one JSON object per line, {level, fields, target}.
// WHY: the Prisma CLI parses these lines; it collects `fields.message` for its error reports, and in
// one-off `cli` commands it looks for the ERROR line from `schema_engine::logger` to read the error
// code (P1003 "database does not exist" is what makes `migrate deploy` create the database).

export function logLine(level, message, extraFields = {}) {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extraFields },
    target: 'schema_engine::logger',
  })
}

export function logError(message, errorCode) {
  process.stderr.write(logLine('ERROR', message, errorCode ? { error_code: errorCode } : {}) + '\n')
}

/** The wasm engine's own log lines are already JSON in that shape; pass them through. */
export function forwardEngineLog(line) {
  const text = String(line).trim()
  if (text) process.stderr.write(text + '\n')
}
