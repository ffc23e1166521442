import type { ErrorCode } from './codes.ts'

/** A failing input field: where (`body.email`, `query.limit`, `items.3.customer_id`, `file.csv:12: email`) and why. */
export interface FieldIssue {
  path: string
  message: string
}

export interface RapportErrorOptions {
  /** Field-level problems (validation_failed); row errors of an import travel here as data. */
  details?: FieldIssue[] | undefined
  /** Seconds after which a retry may succeed (rate_limited, unavailable). */
  retryAfter?: number | undefined
  cause?: unknown
}

/**
 * The one error type of Rapport: a code from the fixed list and a message a user can act on. Services, io
 * and jobs throw it; the API turns it into `{ error: { code, message, details? } }` with the status of
 * its code, the CLI into an exit code. Anything else that is thrown is a bug and reported as `internal`.
 */
export class RapportError extends Error {
  readonly code: ErrorCode
  readonly details: FieldIssue[] | undefined
  readonly retryAfter: number | undefined

  constructor(code: ErrorCode, message: string, opts: RapportErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'RapportError'
    this.code = code
    this.details = opts.details
    this.retryAfter = opts.retryAfter
  }

  toBody(): { error: { code: ErrorCode; message: string; details?: FieldIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } }
  }
}

/** Bad input: a file, line, column or field and the reason (CLI exit 1, HTTP 400). */
export class InputError extends RapportError {
  constructor(message: string, details?: FieldIssue[]) {
    super('validation_failed', message, { details })
    this.name = 'InputError'
  }
}

/** A command or option used wrongly (CLI exit 2, HTTP 400). */
export class UsageError extends RapportError {
  constructor(message: string) {
    super('usage', message)
    this.name = 'UsageError'
  }
}

export const notFound = (what: string): RapportError => new RapportError('not_found', `${what} not found`)

export const invalid = (issues: FieldIssue[], message = 'the request is not valid'): RapportError =>
  new RapportError('validation_failed', message, { details: issues })

export const forbidden = (permission: string): RapportError =>
  new RapportError('forbidden', `this needs the "${permission}" permission, which your role does not have`)

/** Formats a location the way every Rapport error names it: `file:line: column: reason`. */
export function at(file: string, line: number, column: string | undefined, reason: string): string {
  return column === undefined ? `${file}:${line}: ${reason}` : `${file}:${line}: ${column}: ${reason}`
}
