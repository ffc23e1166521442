import { useTranslation } from 'react-i18next'
import { LANGS, STATUSES } from '../api/kb-types.ts'

/** The list's filters as typed; the page debounces the text ones before asking the server. */
export interface FilterDraft {
  lang: string
  status: string
  category: string
  q: string
}

export const NO_FILTERS: FilterDraft = { lang: '', status: '', category: '', q: '' }

/** Language, status, category and text: each applies as it changes (the text ones once typing pauses). */
export function ArticleFilters({ value, onChange }: { value: FilterDraft; onChange: (f: FilterDraft) => void }) {
  const { t } = useTranslation('knowledge')
  const set = (k: keyof FilterDraft) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value })
  return (
    <form className="filters" role="search" aria-label={t('filters.label')} id="kb-filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('filters.search')}
        <input type="search" data-filter="q" value={value.q} maxLength={200} placeholder={t('filters.searchPlaceholder')} onChange={set('q')} />
      </label>
      <label>
        {t('fields.lang')}
        <select data-filter="lang" value={value.lang} onChange={set('lang')}>
          <option value="">{t('filters.any')}</option>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`langs.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fields.status')}
        <select data-filter="status" value={value.status} onChange={set('status')}>
          <option value="">{t('filters.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fields.category')}
        <input type="text" data-filter="category" value={value.category} maxLength={120} onChange={set('category')} />
      </label>
      <div className="filters-actions">
        <button type="button" className="btn btn-ghost" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  )
}
