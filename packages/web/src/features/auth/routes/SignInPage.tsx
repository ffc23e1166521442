import { useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { ApiError } from '../../../lib/api/api-error.ts'
import { checkBody } from '../../../lib/form-rules.ts'
import { signIn } from '../api/auth-calls.ts'
import { useSessionChanged } from '../api/session.ts'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { applyAccountLanguage } from '../api/language.ts'

/** Sign in, then back to the page that asked for it (a `next` inside this app only). */
export default function SignInPage() {
  const { t } = useTranslation('auth')
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const sessionChanged = useSessionChanged()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const next = safeNext(params.get('next'))

  async function submit(e: FormEvent) {
    e.preventDefault()
    setFailure(null)
    const body = { email: email.trim(), password }
    const problems = checkBody('POST /api/v1/auth/login', body)
    setFieldErrors(problems)
    if (Object.keys(problems).length > 0) return
    setBusy(true)
    try {
      const s = await signIn(body.email, body.password)
      sessionChanged(s)
      await applyAccountLanguage(s.user?.locale)
      await navigate(next, { replace: true })
    } catch (err) {
      setFailure(signInFailure(err, t))
      if (err instanceof ApiError) setFieldErrors(err.fieldIssues())
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="sign-in">
      <main className="sign-in-card" id="main">
        <h1>{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
        {params.get('expired') === '1' && !failure && (
          <p className="notice" role="status">
            {t('expired')}
          </p>
        )}
        {failure && (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field label={t('email')} error={fieldErrors.email}>
            <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </Field>
          <Field label={t('password')} error={fieldErrors.password}>
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('signingIn') : t('signIn')}
          </button>
        </form>
        <LanguageSwitch />
      </main>
    </div>
  )
}

/**
 * The server answers a wrong e-mail, a wrong password and a locked address alike (it reveals nothing),
 * and 429 when one address tries too often.
 */
function signInFailure(err: unknown, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return t('failed')
    if (err.status === 429) return t('tooMany', { seconds: err.retryAfter ?? 60 })
    if (err.status === 403) return t('noWorkspace')
    if (err.status === 400) return t('invalid')
    return err.message
  }
  return t('common:errors.network')
}

/** Only a path of this app: `next=https://evil.example` must not send anyone away. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/'
  return next
}
