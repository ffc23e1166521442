import { useTranslation } from 'react-i18next'
import { Loading } from '../../../components/States.tsx'
import { useMergeFields } from '../api/campaigns.ts'

/** The merge fields a template may use; a click inserts one where the cursor was (descriptions are the API's, in English). */
export function MergeFieldList({ onInsert }: { onInsert: (path: string) => void }) {
  const { t } = useTranslation('campaigns')
  const fields = useMergeFields()
  return (
    <section className="panel" aria-labelledby="merge-fields-title" id="merge-fields">
      <h2 id="merge-fields-title">{t('edit.mergeFields')}</h2>
      <p className="muted">{t('edit.mergeFieldsHint')}</p>
      {fields.isPending && <Loading />}
      <ul className="campaign-merge-fields" style={{ listStyle: 'none', padding: 0 }}>
        {(fields.data ?? []).filter((f) => !f.path.includes('[]')).map((f) => (
          <li key={f.path} style={{ marginBottom: '0.35rem' }}>
            <button type="button" className="btn btn-small" data-merge-field={f.path} aria-label={t('edit.insert', { field: f.path })} onClick={() => onInsert(f.path)}>
              <code>{f.path}</code>
            </button>{' '}
            <span className="muted" lang="en">{f.description}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
