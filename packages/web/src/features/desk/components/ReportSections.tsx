import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatNumber } from '../../../lib/format.ts'
import { Chart } from '../../insights/components/Chart.tsx'
import { HAND_OFF_REASONS, type DeskReport } from '../api/desk-admin.ts'
import { countBarsOption, sentimentOption, volumeDays, volumeOption } from '../lib/report-charts.ts'
import { durationText, shareText } from '../lib/report-format.ts'
import type { DayRange } from '../lib/report-range.ts'

/** How many intents the intent mix lists; the rest are summed as "other". */
const TOP_INTENTS = 10
const RATINGS = ['1', '2', '3', '4', '5'] as const

/**
 * One block of the report: its title, and either its numbers (a chart where one helps, always with a table or a
 * list of the same numbers) or a sentence saying the range has none. data-section / data-state are for the
 * browser tests.
 */
function Block({ id, title, empty, emptyText, children }: { id: string; title: string; empty: boolean; emptyText?: string; children: ReactNode }) {
  const { t } = useTranslation('deskAdmin')
  return (
    <section className="panel insight-section desk-report-block" id={`desk-report-${id}`} data-section={id} data-state={empty ? 'empty' : 'ready'} aria-labelledby={`desk-report-${id}-title`}>
      <div className="insight-section-head">
        <h2 id={`desk-report-${id}-title`}>{title}</h2>
      </div>
      {empty ? <p className="muted desk-report-empty">{emptyText ?? t('reports.emptyBlock')}</p> : children}
    </section>
  )
}

/** A list of named numbers; each dd carries its raw value for tests and copying. */
function Stats({ id, items }: { id: string; items: Array<{ key: string; label: string; text: string; value: number | null }> }) {
  return (
    <dl className="stats" id={id}>
      {items.map((i) => (
        <div key={i.key} data-stat={i.key}>
          <dt>{i.label}</dt>
          <dd data-value={i.value ?? ''}>{i.text}</dd>
        </div>
      ))}
    </dl>
  )
}

const dayText = (day: string, lang: string) => formatDate(`${day}T00:00:00`, lang)

export function ReportSections({ report, range }: { report: DeskReport; range: DayRange }) {
  return (
    <div className="desk-report-blocks">
      <VolumeBlock report={report} range={range} />
      <TimesBlock report={report} />
      <SlaBlock report={report} />
      <CsatBlock report={report} />
      <IntentsBlock report={report} />
      <SentimentBlock report={report} />
      <TriageBlock report={report} />
      <AssistantBlock report={report} />
    </div>
  )
}

function VolumeBlock({ report, range }: { report: DeskReport; range: DayRange }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const lang = i18n.language
  const days = useMemo(() => volumeDays(report, range), [report, range])
  const opened = report.volume.reduce((a, v) => a + v.opened, 0)
  const solved = report.volume.reduce((a, v) => a + v.solved, 0)
  const names = { opened: t('volume.opened'), solved: t('volume.solved') }
  return (
    <Block id="volume" title={t('volume.title')} empty={opened === 0} emptyText={t('volume.empty')}>
      <Stats
        id="desk-report-volume-totals"
        items={[
          { key: 'opened', label: names.opened, text: formatNumber(opened, lang), value: opened },
          { key: 'solved', label: names.solved, text: formatNumber(solved, lang), value: solved },
          { key: 'solved_share', label: t('volume.solvedShare'), text: shareText(opened ? solved / opened : null, lang), value: opened ? solved / opened : null },
        ]}
      />
      <Chart className="insight-chart insight-chart-wide" label={t('volume.chartLabel', { days: days.length, opened: formatNumber(opened, lang), solved: formatNumber(solved, lang) })} option={volumeOption(days, names)} />
      <details>
        <summary>{t('reports.numbers')}</summary>
        <div className="table-scroll">
          <table className="simple-table compact" id="desk-report-volume-table">
            <caption className="visually-hidden">{t('volume.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('volume.day')}</th>
                <th scope="col" className="num">{names.opened}</th>
                <th scope="col" className="num">{names.solved}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <td>{dayText(d.day, lang)}</td>
                  <td className="num">{formatNumber(d.opened, lang)}</td>
                  <td className="num">{formatNumber(d.solved, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Block>
  )
}

function TimesBlock({ report }: { report: DeskReport }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const lang = i18n.language
  const rows = [
    { key: 'first_response', label: t('times.firstResponse'), m: report.first_response_minutes },
    { key: 'resolution', label: t('times.resolution'), m: report.resolution_minutes },
  ]
  return (
    <Block id="times" title={t('times.title')} empty={rows.every((r) => r.m.count === 0)} emptyText={t('times.empty')}>
      <p className="muted">{t('times.hint')}</p>
      <table className="simple-table" id="desk-report-times-table">
        <caption className="visually-hidden">{t('times.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('times.measure')}</th>
            <th scope="col" className="num">{t('times.median')}</th>
            <th scope="col" className="num">{t('times.p90')}</th>
            <th scope="col" className="num">{t('times.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num" data-field="median" data-value={r.m.median ?? ''}>{durationText(r.m.median, t, lang)}</td>
              <td className="num" data-field="p90" data-value={r.m.p90 ?? ''}>{durationText(r.m.p90, t, lang)}</td>
              <td className="num" data-field="count" data-value={r.m.count}>{formatNumber(r.m.count, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Block>
  )
}

function SlaBlock({ report }: { report: DeskReport }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const lang = i18n.language
  const rows = [
    { key: 'first_response', label: t('times.firstResponse'), a: report.sla.first_response },
    { key: 'resolution', label: t('times.resolution'), a: report.sla.resolution },
  ]
  return (
    <Block id="sla" title={t('sla.title')} empty={rows.every((r) => r.a.due === 0)} emptyText={t('sla.empty')}>
      <p className="muted">{t('sla.hint')}</p>
      <table className="simple-table" id="desk-report-sla-table">
        <caption className="visually-hidden">{t('sla.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sla.target')}</th>
            <th scope="col" className="num">{t('sla.met')}</th>
            <th scope="col" className="num">{t('sla.due')}</th>
            <th scope="col" className="num">{t('sla.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num" data-field="met" data-value={r.a.met}>{formatNumber(r.a.met, lang)}</td>
              <td className="num" data-field="due" data-value={r.a.due}>{formatNumber(r.a.due, lang)}</td>
              <td className="num" data-field="share" data-value={r.a.share ?? ''}>{shareText(r.a.share, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Block>
  )
}

function CsatBlock({ report }: { report: DeskReport }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const lang = i18n.language
  const c = report.csat
  const counts = RATINGS.map((r) => c.by_rating[r] ?? 0)
  const responseRate = c.asked ? c.answered / c.asked : null
  return (
    <Block id="csat" title={t('csat.title')} empty={c.asked === 0} emptyText={t('csat.empty')}>
      <Stats
        id="desk-report-csat-stats"
        items={[
          { key: 'asked', label: t('csat.asked'), text: formatNumber(c.asked, lang), value: c.asked },
          { key: 'answered', label: t('csat.answered'), text: `${formatNumber(c.answered, lang)} (${shareText(responseRate, lang)})`, value: c.answered },
          { key: 'mean', label: t('csat.mean'), text: c.mean == null ? '—' : t('csat.meanValue', { mean: formatNumber(c.mean, lang, 2) }), value: c.mean },
          { key: 'satisfied_share', label: t('csat.satisfied'), text: shareText(c.satisfied_share, lang), value: c.satisfied_share },
        ]}
      />
      {c.answered > 0 && (
        <>
          <Chart label={t('csat.chartLabel', { answered: formatNumber(c.answered, lang) })} option={countBarsOption(RATINGS.map((r) => t('csat.rating', { rating: r })), counts, t('csat.ratings'))} />
          <table className="simple-table compact" id="desk-report-csat-table">
            <caption>{t('csat.distribution')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('csat.ratingColumn')}</th>
                <th scope="col" className="num">{t('csat.ratings')}</th>
                <th scope="col" className="num">{t('reports.share')}</th>
              </tr>
            </thead>
            <tbody>
              {RATINGS.map((r, i) => (
                <tr key={r} data-rating={r}>
                  <td>{t('csat.rating', { rating: r })}</td>
                  <td className="num" data-value={counts[i]}>{formatNumber(counts[i], lang)}</td>
                  <td className="num">{shareText((counts[i] ?? 0) / c.answered, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Block>
  )
}

/** An intent's label: the desk's translation for the known ones, the model's label for any other. */
function useIntentLabel() {
  const { t } = useTranslation('desk')
  return (intent: string) => t(`intents.${intent}`, { defaultValue: intent })
}

function IntentsBlock({ report }: { report: DeskReport }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const lang = i18n.language
  const label = useIntentLabel()
  const total = report.intents.reduce((a, i) => a + i.count, 0)
  const top = report.intents.slice(0, TOP_INTENTS)
  const rest = total - top.reduce((a, i) => a + i.count, 0)
  return (
    <Block id="intents" title={t('intents.title')} empty={total === 0} emptyText={t('intents.empty')}>
      <Chart className="insight-chart" label={t('intents.chartLabel', { n: top.length })} option={countBarsOption(top.map((i) => label(i.intent)), top.map((i) => i.count), t('intents.conversations'), { horizontal: true })} />
      <table className="simple-table compact" id="desk-report-intents-table">
        <caption className="visually-hidden">{t('intents.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intents.intent')}</th>
            <th scope="col" className="num">{t('intents.conversations')}</th>
            <th scope="col" className="num">{t('reports.share')}</th>
          </tr>
        </thead>
        <tbody>
          {top.map((i) => (
            <tr key={i.intent} data-intent={i.intent}>
              <td>{label(i.intent)}</td>
              <td className="num" data-value={i.count}>{formatNumber(i.count, lang)}</td>
              <td className="num">{shareText(i.count / total, lang)}</td>
            </tr>
          ))}
          {rest > 0 && (
            <tr data-intent="">
              <td>{t('intents.other', { n: report.intents.length - top.length })}</td>
              <td className="num" data-value={rest}>{formatNumber(rest, lang)}</td>
              <td className="num">{shareText(rest / total, lang)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </Block>
  )
}

function SentimentBlock({ report }: { report: DeskReport }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const { t: td } = useTranslation('desk')
  const lang = i18n.language
  const weeks = report.sentiment
  const names = { positive: td('sentiment.positive'), neutral: td('sentiment.neutral'), negative: td('sentiment.negative') }
  return (
    <Block id="sentiment" title={t('sentiment.title')} empty={weeks.length === 0} emptyText={t('sentiment.empty')}>
      <Chart className="insight-chart" label={t('sentiment.chartLabel', { weeks: weeks.length })} option={sentimentOption(weeks, names)} />
      <table className="simple-table compact" id="desk-report-sentiment-table">
        <caption className="visually-hidden">{t('sentiment.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sentiment.week')}</th>
            <th scope="col" className="num">{names.positive}</th>
            <th scope="col" className="num">{names.neutral}</th>
            <th scope="col" className="num">{names.negative}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week} data-week={w.week}>
              <td>{t('sentiment.weekOf', { day: dayText(w.week, lang) })}</td>
              <td className="num">{formatNumber(w.positive, lang)}</td>
              <td className="num">{formatNumber(w.neutral, lang)}</td>
              <td className="num">{formatNumber(w.negative, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Block>
  )
}

function TriageBlock({ report }: { report: DeskReport }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const lang = i18n.language
  const tr = report.triage
  const looked = tr.triaged + tr.needs_triage
  return (
    <Block id="triage" title={t('triage.title')} empty={looked === 0 && tr.corrected_by_agents === 0} emptyText={t('triage.empty')}>
      <Stats
        id="desk-report-triage-stats"
        items={[
          { key: 'triaged', label: t('triage.triaged'), text: formatNumber(tr.triaged, lang), value: tr.triaged },
          { key: 'needs_triage', label: t('triage.needsTriage'), text: `${formatNumber(tr.needs_triage, lang)} (${shareText(looked ? tr.needs_triage / looked : null, lang)})`, value: tr.needs_triage },
          { key: 'corrected_by_agents', label: t('triage.corrected'), text: formatNumber(tr.corrected_by_agents, lang), value: tr.corrected_by_agents },
        ]}
      />
      <p className="muted">{t('triage.hint')}</p>
    </Block>
  )
}

function AssistantBlock({ report }: { report: DeskReport }) {
  const { t, i18n } = useTranslation('deskAdmin')
  const lang = i18n.language
  const a = report.assistant
  // The known reasons in their order, then any other the server sent (shown as it is).
  const reasons = [...HAND_OFF_REASONS.filter((r) => (a.hand_off_reasons[r] ?? 0) > 0), ...Object.keys(a.hand_off_reasons).filter((r) => !(HAND_OFF_REASONS as readonly string[]).includes(r))]
  return (
    <Block id="assistant" title={t('assistant.title')} empty={a.chats === 0 && a.decisions === 0} emptyText={t('assistant.empty')}>
      <Stats
        id="desk-report-assistant-stats"
        items={[
          { key: 'chats', label: t('assistant.chats'), text: formatNumber(a.chats, lang), value: a.chats },
          { key: 'decisions', label: t('assistant.decisions'), text: formatNumber(a.decisions, lang), value: a.decisions },
          { key: 'answered', label: t('assistant.answered'), text: formatNumber(a.answered, lang), value: a.answered },
          { key: 'clarified', label: t('assistant.clarified'), text: formatNumber(a.clarified, lang), value: a.clarified },
          { key: 'handed_off', label: t('assistant.handedOff'), text: formatNumber(a.handed_off, lang), value: a.handed_off },
          { key: 'answer_rate', label: t('assistant.answerRate'), text: shareText(a.answer_rate, lang), value: a.answer_rate },
          { key: 'hand_off_rate', label: t('assistant.handOffRate'), text: shareText(a.hand_off_rate, lang), value: a.hand_off_rate },
        ]}
      />
      {reasons.length === 0 ? (
        <p className="muted" id="desk-report-hand-off-none">{t('assistant.noHandOffs')}</p>
      ) : (
        <table className="simple-table compact" id="desk-report-hand-off-table">
          <caption>{t('assistant.reasonsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assistant.reason')}</th>
              <th scope="col" className="num">{t('assistant.handOffs')}</th>
              <th scope="col" className="num">{t('reports.share')}</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr key={r} data-reason={r}>
                <td>{t(`assistant.reasons.${r}`, { defaultValue: r })}</td>
                <td className="num" data-value={a.hand_off_reasons[r]}>{formatNumber(a.hand_off_reasons[r], lang)}</td>
                <td className="num">{shareText(a.handed_off ? (a.hand_off_reasons[r] ?? 0) / a.handed_off : null, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Block>
  )
}
