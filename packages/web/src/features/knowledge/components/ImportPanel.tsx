import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../../components/Field.tsx'
import { formatNumber } from '../../../lib/format.ts'
import { ServerError } from '../../segments/components/ServerError.tsx'
import { importArticlesCsv } from '../api/knowledge.ts'
import type { ImportSummary } from '../api/kb-types.ts'
import { importIssues, type ImportIssue } from '../lib/import-issues.ts'

type Outcome = { summary: ImportSummary } | { error: unknown }

/**
 * Import a CSV file of questions and answers. The file is small (the server takes up to 10 MiB) and the import
 * all or nothing, so it is sent whole as text/csv and answered at once: the counts, or every refused line.
 */
export function ImportPanel({ onImported }: { onImported: (s: ImportSummary) => void }) {
  const { t } = useTranslation('knowledge')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()

  const send = async () => {
    if (!file) return
    setBusy(true)
    setOutcome(undefined)
    try {
      const summary = await importArticlesCsv(await file.text(), file.name.slice(0, 200))
      setOutcome({ summary })
      onImported(summary)
    } catch (error) {
      setOutcome({ error })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="panel form-stack"
      id="kb-import"
      noValidate
      aria-labelledby="kb-import-title"
      onSubmit={(e) => {
        e.preventDefault()
        void send()
      }}
    >
      <h2 id="kb-import-title">{t('import.title')}</h2>
      <p className="muted">
        {t('import.columns')} <code>question,answer,language</code>; {t('import.optional')} <code>category,external_id,status</code>. {t('import.how')}
      </p>
      <Field label={t('import.file')}>
        <input
          type="file"
          accept=".csv,text/csv"
          data-control="kb-import-file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null)
            setOutcome(undefined)
          }}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" id="kb-import-submit" disabled={!file || busy}>
          {busy ? t('import.importing') : t('import.submit')}
        </button>
      </div>
      {outcome && 'summary' in outcome && <ImportCounts summary={outcome.summary} />}
      {outcome && 'error' in outcome && <ImportRefusal error={outcome.error} />}
    </form>
  )
}

function ImportCounts({ summary }: { summary: ImportSummary }) {
  const { t, i18n } = useTranslation('knowledge')
  const n = (v: number) => formatNumber(v, i18n.language)
  return (
    <div className="notice notice-success" role="status" id="kb-import-counts">
      <p>
        {t('import.done')} <code>{summary.file}</code>
      </p>
      <ul>
        {(['read', 'inserted', 'updated', 'unchanged'] as const).map((k) => (
          <li key={k} data-count={k} data-value={summary[k]}>
            {t(`import.counts.${k}`, { n: n(summary[k]) })}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The lines the server refused (nothing was imported), or its one message when it names no line. */
function ImportRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation('knowledge')
  const issues = importIssues(error)
  return (
    <div className="notice notice-error" role="alert" id="kb-import-errors">
      <p>{issues.length > 0 ? t('import.refused', { n: issues.length }) : t('import.failed')}</p>
      {issues.length > 0 ? (
        <ul className="import-problems">
          {issues.map((issue, i) => (
            <IssueItem key={i} issue={issue} />
          ))}
        </ul>
      ) : (
        <p>
          <ServerError error={error} />
        </p>
      )}
    </div>
  )
}

function IssueItem({ issue }: { issue: ImportIssue }) {
  const { t } = useTranslation('knowledge')
  return (
    <li data-line={issue.line ?? undefined} data-column={issue.column ?? undefined}>
      {issue.line === null ? <code>{issue.file}</code> : t('import.line', { line: issue.line })}
      {issue.column !== null && (
        <>
          {', '}
          <code>{issue.column}</code>
        </>
      )}
      {': '}
      <span lang="en">{issue.message}</span>
    </li>
  )
}
