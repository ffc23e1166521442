import { useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'
import { ApiError } from '../lib/api/api-error.ts'

/** What a panel shows while it loads, when it has nothing, and when its request failed. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('states.loading')}
    </div>
  )
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  return <div className="state state-empty">{children ?? t('states.empty')}</div>
}

/** The server's message (it is written for people), with the code for support; never a blank page. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="state state-error" role="alert">
      <strong>{t('states.error')}</strong> <span>{errorMessage(error, t)}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      )}
    </div>
  )
}

/** A readable message for any thrown value; known codes get a translated sentence, others the server's. */
export function errorMessage(error: unknown, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'forbidden':
        return `${t('errors.forbidden')} (${error.message})`
      case 'rate_limited':
        return t('errors.rateLimited', { seconds: error.retryAfter ?? 60 })
      case 'unavailable':
        return t('errors.unavailable')
      case 'internal':
        return t('errors.internal')
      default:
        return error.message
    }
  }
  if (error instanceof TypeError) return t('errors.network')
  return error instanceof Error ? error.message : String(error)
}
