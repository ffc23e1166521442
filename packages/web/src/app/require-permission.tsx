import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSignedIn } from '../features/auth/api/session.ts'
import type { Permission } from '../lib/api/types.ts'

/** A page the role cannot use says so plainly (a typed-in URL; the navigation never offers it). */
export function RequirePermission({ permission, children }: { permission: Permission | undefined; children: ReactNode }) {
  const { t } = useTranslation()
  const s = useSignedIn()
  if (permission && !s.permissions.includes(permission)) {
    return (
      <section className="page">
        <h1>{t('forbidden.title')}</h1>
        <p role="alert">{t('forbidden.body', { role: t(`roles.${s.role}`), permission })}</p>
      </section>
    )
  }
  return children
}
