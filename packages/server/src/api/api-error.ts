/**
 * The one error type the API answers with. Every failure, whatever threw it, ends up as
 * `{ error: { code, message, details? } }` with the status that `statusOf(code)` gives: the codes are a fixed
 * list so clients can switch on them, and the mapping to HTTP lives only here.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'internal'

/** A failing input field: where (`body.email`, `query.limit`, `items.3.customer_id`) and why. */
export interface FieldIssue {
  path: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  get status(): number {
    return statusOf(this.code)
  }

  toBody(): { error: { code: ErrorCode; message: string; details?: FieldIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } }
  }
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 400
    case 'not_found':
      return 404
    case 'conflict':
      return 409
    case 'payload_too_large':
      return 413
    case 'unsupported_media_type':
      return 415
    case 'unavailable':
      return 503
    case 'internal':
      return 500
    default: {
      const never: never = code
      return never
    }
  }
}

export const notFound = (what: string): ApiError => new ApiError('not_found', `${what} not found`)

export const invalid = (issues: FieldIssue[], message = 'the request is not valid'): ApiError =>
  new ApiError('validation_failed', message, issues)
