// The one error type route handlers, server actions and the gateway throw.
// `code` is stable and machine-readable; clients branch on it, never on `message`.
export class AppError extends Error {
  readonly code: string
  readonly status: number
  readonly extra: Record<string, unknown>
  readonly fieldErrors?: Record<string, string[]>

  constructor(options: {
    code: string
    status: number
    message: string
    extra?: Record<string, unknown>
    fieldErrors?: Record<string, string[]>
  }) {
    super(options.message)
    this.name = 'AppError'
    this.code = options.code
    this.status = options.status
    this.extra = options.extra ?? {}
    this.fieldErrors = options.fieldErrors
  }
}

export const notFound = (what = 'Resource') =>
  new AppError({ code: 'not_found', status: 404, message: `${what} not found` })

export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError({ code: 'forbidden', status: 403, message })

export const conflict = (message: string, code = 'conflict') => new AppError({ code, status: 409, message })

export const invalid = (message: string, fieldErrors?: Record<string, string[]>, code = 'invalid_request') =>
  new AppError({ code, status: 422, message, fieldErrors })
