import { useEffect } from 'react'
import { useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import { useToast } from '../../../components/Toasts.tsx'
import { errorMessage } from '../../../components/States.tsx'
import { saveLanguage, signOut } from '../api/auth-calls.ts'
import { applyAccountLanguage } from '../api/language.ts'
import { useSessionChanged, useSignedIn } from '../api/session.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'

/** Who is signed in, with which role; the language switch (saved to the account); sign out. */
export function UserMenu() {
  const { t } = useTranslation()
  const s = useSignedIn()
  const toast = useToast()
  const navigate = useNavigate()
  const sessionChanged = useSessionChanged()
  const locale = s.user?.locale

  useEffect(() => {
    void applyAccountLanguage(locale)
  }, [locale])

  return (
    <div className="user-menu">
      <span className="user-name">
        <span data-i18n-skip>{s.user?.name ?? s.actor}</span> <span className="badge">{t(`roles.${s.role}`)}</span>
      </span>
      <LanguageSwitch
        onChosen={(lang) => {
          if (s.user) saveLanguage(lang).catch((err: unknown) => toast(errorMessage(err, t), 'error'))
        }}
      />
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          void signOut()
            .catch(() => undefined)
            .then(async () => {
              sessionChanged(null)
              await navigate('/sign-in', { replace: true })
            })
        }}
      >
        {t('actions.signOut')}
      </button>
    </div>
  )
}
