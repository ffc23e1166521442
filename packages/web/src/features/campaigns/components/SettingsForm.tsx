import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ServerError } from '../../segments/components/ServerError.tsx'

/**
 * A section of the campaign settings page: a panel with its title and what the rule does, its fields, a
 * failure that belongs to no field, and Save. Without settings:write there is no Save (the fields are
 * disabled by the section).
 */
export function SettingsForm(p: { id: string; title: string; intro: ReactNode; editable: boolean; busy: boolean; general: unknown; onSubmit: () => void; submitLabel?: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <form
      className="panel form-stack"
      id={p.id}
      noValidate
      aria-labelledby={`${p.id}-title`}
      onSubmit={(e) => {
        e.preventDefault()
        if (p.editable) p.onSubmit()
      }}
    >
      <h2 id={`${p.id}-title`}>{p.title}</h2>
      <p className="muted">{p.intro}</p>
      {p.children}
      {p.general !== null && (
        <p className="notice notice-error" role="alert">
          <ServerError error={p.general} />
        </p>
      )}
      {p.editable && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" id={`${p.id}-save`} disabled={p.busy}>
            {p.submitLabel ?? t('actions.save')}
          </button>
        </div>
      )}
    </form>
  )
}
