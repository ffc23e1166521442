import { ApiError } from '../../../lib/api/api-error.ts'

/**
 * What a failed submit means for a form: the server's field errors go next to their fields, anything
 * else (a conflict, a refusal) is a message for the whole form.
 */
export function submitFailure(err: unknown): { fields: Record<string, string>; general: unknown } {
  const fields = err instanceof ApiError ? err.fieldIssues() : {}
  return { fields, general: Object.keys(fields).length > 0 ? null : err }
}
