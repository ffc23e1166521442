import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../components/States.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'

const TRANSLATED = new Set(['rate_limited', 'unavailable', 'internal'])

/**
 * A failed request's message: the dashboard's own sentence for the codes it translates, otherwise the
 * server's words, marked as English (the API writes its messages in English).
 */
export function ServerError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const text = errorMessage(error, t)
  const serverWords = error instanceof ApiError ? !TRANSLATED.has(error.code) : !(error instanceof TypeError)
  return serverWords ? <span lang="en">{text}</span> : <span>{text}</span>
}
