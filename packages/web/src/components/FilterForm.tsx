import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type Draft = Record<string, string | undefined>
/** Binds a control to one filter of the draft: `<input {...bind('city')} />`. */
export type Bind<F> = (key: keyof F & string) => { value: string; onChange: (e: { target: { value: string } }) => void }

/**
 * A list's filter bar: the fields are edited as a draft and applied together on submit (Enter or Apply),
 * so typing does not send a request per key; Clear empties them all. Each list supplies only its fields.
 */
export function FilterForm<F extends Draft>({ value, onChange, label, normalise, children }: {
  value: F
  onChange: (f: F) => void
  /** Accessible name of the search region. */
  label: string
  /** Tidies the draft before it is applied (upper-case a country code, trim an id). */
  normalise?: (f: F) => F
  children: (bind: Bind<F>, draft: F) => ReactNode
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<F>(value)
  const bind: Bind<F> = (key) => ({ value: draft[key] ?? '', onChange: (e) => setDraft((d) => ({ ...d, [key]: e.target.value })) })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onChange(normalise ? normalise(draft) : draft)
  }
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={label}>
      {children(bind, draft)}
      <div className="filters-actions">
        <button type="submit" className="btn btn-primary">
          {t('filters.apply')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setDraft({} as F)
            onChange({} as F)
          }}
        >
          {t('filters.clear')}
        </button>
      </div>
    </form>
  )
}
