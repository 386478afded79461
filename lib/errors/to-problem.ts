import { fieldErrorsOf } from './field-errors'
import { ZodError } from 'zod'
import { AppError } from './app-error'

// RFC 9457 problem details. One mapper for every transport: a ZodError becomes 422, a missing
// Prisma row (P2025) 404, a unique-constraint clash (P2002) 409, anything unknown a generic 500.
export type Problem = {
  type: string
  title: string
  status: number
  code: string
  detail: string
  requestId?: string
  errors?: Record<string, string[]>
  [extra: string]: unknown
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  408: 'Request timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length required',
  413: 'Payload too large',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  502: 'Bad gateway',
  504: 'Gateway timeout',
}

export function problemTitle(status: number): string {
  return TITLES[status] ?? 'Error'
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof ZodError) {
    return new AppError({
      code: 'validation_failed',
      status: 422,
      message: 'The request did not validate',
      fieldErrors: fieldErrorsOf(error),
    })
  }
  const prismaCode = (error as { code?: unknown } | null)?.code
  if (prismaCode === 'P2025') return new AppError({ code: 'not_found', status: 404, message: 'Resource not found' })
  if (prismaCode === 'P2002') return new AppError({ code: 'conflict', status: 409, message: 'That already exists' })
  return new AppError({ code: 'internal_error', status: 500, message: 'Something went wrong on our side' })
}

export function toProblem(error: unknown, requestId?: string): Problem {
  const appError = toAppError(error)
  if (appError.status >= 500 && !(error instanceof AppError)) console.error(`[${requestId ?? '-'}]`, error)
  return {
    type: `/docs/errors/${appError.code.replaceAll('_', '-')}`,
    title: problemTitle(appError.status),
    status: appError.status,
    code: appError.code,
    detail: appError.message,
    ...(appError.fieldErrors ? { errors: appError.fieldErrors } : {}),
    ...appError.extra,
    ...(requestId ? { requestId } : {}),
  }
}
