/** The server's one error shape, `{ error: { code, message, details? } }`, as a thrown value. */
export interface FieldIssue {
  path: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfter?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Field errors of a validation_failed answer, keyed by the field's name (`body.email` → `email`). */
  fieldIssues(): Record<string, string> {
    const out: Record<string, string> = {}
    if (!Array.isArray(this.details)) return out
    for (const d of this.details as unknown[]) {
      if (d === null || typeof d !== 'object') continue
      const { path, message } = d as { path?: unknown; message?: unknown }
      if (typeof message !== 'string') continue
      const field = (Array.isArray(path) ? path.map(String).join('.') : String(path ?? '')).replace(/^body\.?/, '')
      if (field !== '' && !(field in out)) out[field] = message
    }
    return out
  }
}

/** Turns a failed response's body into an ApiError (a body that is not the error shape still gives one). */
export function toApiError(status: number, body: unknown, retryAfter?: string | null): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error
  const code = typeof e?.code === 'string' ? e.code : status >= 500 ? 'internal' : 'unknown'
  const message = typeof e?.message === 'string' ? e.message : `HTTP ${status}`
  const retry = retryAfter != null && retryAfter !== '' ? Number(retryAfter) : undefined
  return new ApiError(status, code, message, e?.details, Number.isFinite(retry) ? retry : undefined)
}
