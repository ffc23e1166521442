import { useState } from 'react'
import { ApiError } from './api/api-error.ts'
import { checkBody, type BodyKey } from './form-rules.ts'

/**
 * What a failed submit means for a form: the server's field errors go next to their fields, anything
 * else (a conflict, a refusal) is a message for the whole form.
 */
export function submitFailure(err: unknown): { fields: Record<string, string>; general: unknown } {
  const fields = err instanceof ApiError ? err.fieldIssues() : {}
  return { fields, general: Object.keys(fields).length > 0 ? null : err }
}

/**
 * A form's submit: the body is checked with the server's own rules for `key` first (nothing is sent when
 * it breaks them), then sent; field errors of either end up in `errors`, any other failure in `general`.
 */
export function useCheckedSubmit<B, R>(key: BodyKey, send: (body: B) => Promise<R>, onDone: (r: R) => void) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [general, setGeneral] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (body: B): Promise<void> => {
    const invalid = checkBody(key, body)
    setErrors(invalid)
    setGeneral(null)
    if (Object.keys(invalid).length > 0) return
    setBusy(true)
    try {
      onDone(await send(body))
    } catch (err) {
      const f = submitFailure(err)
      setErrors(f.fields)
      setGeneral(f.general)
    } finally {
      setBusy(false)
    }
  }
  return { errors, general, busy, submit }
}
