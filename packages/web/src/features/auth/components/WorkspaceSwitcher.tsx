import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import { useToast } from '../../../components/Toasts.tsx'
import { errorMessage } from '../../../components/States.tsx'
import { switchWorkspace } from '../api/auth-calls.ts'
import { useSessionChanged, useSignedIn } from '../api/session.ts'

/** The current workspace; a menu to change it for people who belong to more than one. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation()
  const s = useSignedIn()
  const toast = useToast()
  const navigate = useNavigate()
  const sessionChanged = useSessionChanged()
  const [busy, setBusy] = useState(false)
  if (s.workspaces.length < 2) {
    return (
      <span className="workspace-name" data-i18n-skip>
        {s.workspace.name || s.workspace.slug}
      </span>
    )
  }
  return (
    <label className="workspace-switcher">
      <span className="visually-hidden">{t('workspace')}</span>
      <select
        value={s.workspace.slug}
        disabled={busy}
        onChange={(e) => {
          setBusy(true)
          switchWorkspace(e.target.value)
            .then(async (next) => {
              sessionChanged(next)
              await navigate('/customers')
            })
            .catch((err: unknown) => toast(errorMessage(err, t), 'error'))
            .finally(() => setBusy(false))
        }}
      >
        {s.workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name || w.slug}
          </option>
        ))}
      </select>
    </label>
  )
}
