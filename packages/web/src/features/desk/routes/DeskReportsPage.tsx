import { Link, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { formatDate } from '../../../lib/format.ts'
import { useDeskReport, type DeskReport } from '../api/desk-admin.ts'
import { ReportRangePicker } from '../components/ReportRangePicker.tsx'
import { ReportSections } from '../components/ReportSections.tsx'
import { addDays, apiRange, dayOf, DEFAULT_DAYS, rangeOf, type DayRange } from '../lib/report-range.ts'

/** Nothing at all happened in the range: no conversation opened and no chat with the assistant. */
/** The days a report covers (while the next range loads, the previous report is still shown: its own days). */
const daysOf = (r: DeskReport): DayRange => ({ from: dayOf(new Date(r.from)), to: addDays(dayOf(new Date(r.to)), -1) })

const isEmpty = (r: DeskReport) => r.volume.every((v) => v.opened === 0) && r.csat.asked === 0 && r.assistant.chats === 0 && r.assistant.decisions === 0

/**
 * `desk/reports`: how the service desk did over a range of days (the last 30 by default) — volume, response and
 * resolution times, service levels, satisfaction, intents, sentiment, the triage and the chat assistant. Every
 * chart has its numbers beside it as a table or a list.
 */
export default function DeskReportsPage() {
  const { t, i18n } = useTranslation('deskAdmin')
  const [params, setParams] = useSearchParams()
  const range = rangeOf(params)
  const asked = apiRange(range)
  const report = useDeskReport(asked.from, asked.to)
  const lang = i18n.language
  return (
    <section className="page desk-reports-page" id="desk-reports" data-from={range.from} data-to={range.to} data-loading={report.isFetching} aria-busy={report.isFetching}>
      <p>
        <Link to="/desk">← {t('back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('reports.title')}</h1>
      </header>
      <p className="page-intro">{t('reports.intro')}</p>
      <ReportRangePicker
        range={range}
        preset={range.preset}
        onPreset={(d) => setParams(d === DEFAULT_DAYS ? {} : { days: String(d) }, { replace: true })}
        onRange={(r) => setParams({ from: r.from, to: r.to }, { replace: true })}
      />
      <p id="desk-report-period" aria-live="polite">
        {t('reports.period', { from: formatDate(`${range.from}T00:00:00`, lang), to: formatDate(`${range.to}T00:00:00`, lang) })}
      </p>
      {report.isPending ? (
        <Loading />
      ) : report.error ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          {isEmpty(report.data) && (
            <p className="notice" id="desk-reports-empty">
              {t('reports.empty')}
            </p>
          )}
          <ReportSections report={report.data} range={daysOf(report.data)} />
        </>
      )}
    </section>
  )
}
