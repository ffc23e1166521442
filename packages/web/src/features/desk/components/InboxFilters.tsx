import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { FilterForm } from '../../../components/FilterForm.tsx'
import { CHANNELS, LANGUAGES, STATUSES } from '../api/desk-types.ts'

export type InboxFormFilters = { status?: string | undefined; language?: string | undefined; channel?: string | undefined; q?: string | undefined }

/** Status, language, channel and text; applied together on submit (Enter or Apply). */
export function InboxFilters({ value, onChange }: { value: InboxFormFilters; onChange: (f: InboxFormFilters) => void }) {
  const { t } = useTranslation('desk')
  return (
    <FilterForm value={value} onChange={onChange} label={t('filters.label')} normalise={(d) => ({ ...d, q: d.q?.trim() })}>
      {(bind) => (
        <>
          <Field label={t('filters.search')}>
            <input type="search" data-filter="q" {...bind('q')} maxLength={200} placeholder={t('filters.searchPlaceholder')} />
          </Field>
          <Field label={t('fields.status')}>
            <select data-filter="status" {...bind('status')}>
              <option value="">{t('filters.unfinished')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fields.language')}>
            <select data-filter="language" {...bind('language')}>
              <option value="">{t('filters.any')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fields.channel')}>
            <select data-filter="channel" {...bind('channel')}>
              <option value="">{t('filters.any')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
    </FilterForm>
  )
}
