import { ApiError } from '../../../lib/api/api-error.ts'

/** One refused cell or row of an import, from the server's `file:line: column` detail path. */
export interface ImportIssue {
  file: string
  line: number | null
  column: string | null
  message: string
}

const WHERE = /^(.*?):(\d+)(?::\s*(.*))?$/

/**
 * The rows a refused import names (400 validation_failed, one detail per problem); empty for any other
 * failure, which the panel shows as one message instead.
 */
export function importIssues(err: unknown): ImportIssue[] {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed' || !Array.isArray(err.details)) return []
  return (err.details as unknown[]).flatMap((d): ImportIssue[] => {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown }
    if (typeof path !== 'string' || typeof message !== 'string') return []
    const m = WHERE.exec(path)
    if (!m) return [{ file: path, line: null, column: null, message }]
    return [{ file: m[1] ?? '', line: Number(m[2]), column: m[3] ? m[3] : null, message }]
  })
}
