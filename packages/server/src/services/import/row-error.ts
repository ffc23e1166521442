import type { z } from 'zod'

/** A problem with one input row: where, which column (if one), why. */
export interface RowError {
  line: number
  column?: string | undefined
  reason: string
}

/** `file:line: column: reason`, the one format every import error is reported in. */
export function formatRowError(file: string, e: RowError): string {
  return e.column ? `${file}:${e.line}: ${e.column}: ${e.reason}` : `${file}:${e.line}: ${e.reason}`
}

/** Zod issues as row errors, with "is required" for absent fields instead of zod's type message. */
export function zodRowErrors(line: number, record: Record<string, unknown>, error: z.ZodError): RowError[] {
  return error.issues.map((issue) => {
    const column = issue.path.map(String).join('.') || undefined
    const top = issue.path[0]
    const absent = top !== undefined && record[String(top)] === undefined
    const reason = issue.code === 'invalid_type' && absent ? 'is required' : issue.message
    return { line, column, reason }
  })
}
