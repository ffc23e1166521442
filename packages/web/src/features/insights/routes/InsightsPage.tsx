import { useState, type ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { formatMoney, formatNumber } from '../../../lib/format.ts'
import { customersUrl } from '../../customers/api/drill-filters.ts'
import { cohortCells, definingRows, keywordTexts, personaName, rfmCells, ruleProducts, segmentBars } from '../api/chart-data.ts'
import { barsOption, COLORS, heatmapOption } from '../api/chart-options.ts'
import { useClusters, useClv, useCohorts, useRfm, useRules } from '../api/insights.ts'
import type { RuleSort } from '../api/insights-types.ts'
import { Chart } from '../components/Chart.tsx'
import { DrillList } from '../components/DrillList.tsx'
import { Section } from '../components/Section.tsx'

const SECTIONS = ['rfm-grid', 'cluster-cards', 'rules', 'cohorts', 'clv-channels'] as const

/** What the models found, one section each: RFM grid, personas, basket rules, cohort retention, CLV by channel. */
export default function InsightsPage() {
  const { t } = useTranslation('insights')
  return (
    <section className="page insights-page">
      <header className="page-header">
        <h1>{t('insightsPage.title')}</h1>
      </header>
      <nav className="section-links" aria-label={t('insightsPage.sections')}>
        {SECTIONS.map((s) => (
          <a key={s} href={`#${s}`}>
            {t(`insightsPage.${s}`)}
          </a>
        ))}
      </nav>
      <RfmGrid />
      <ClusterCards />
      <RulesTable />
      <CohortHeatmap />
      <ClvByChannel />
    </section>
  )
}

/** A query's loading and error states; children once it has an answer. */
function Answered<T>({ q, children }: { q: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown }; children: (d: T) => ReactNode }) {
  if (q.isPending) return <Loading />
  if (q.error || q.data === undefined) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  return <>{children(q.data)}</>
}

const pct = (v: number, lang: string) => `${formatNumber(v * 100, lang, 1)}%`

function RfmGrid() {
  const { t, i18n } = useTranslation('insights')
  const lang = i18n.language
  const q = useRfm()
  return (
    <Answered q={q}>
      {(d) => {
        const grid = rfmCells(d.cells)
        const labels = grid.scores.map(String)
        const segs = segmentBars(d.segments, (s) => t(`segments.${s}`, { defaultValue: s }))
        return (
          <Section id="rfm-grid" kind="rfm" title={t('insightsPage.rfm-grid')} ready={d.model_version !== null && d.cells.length > 0}>
            <p className="muted">{t('rfm.hint')}</p>
            <Chart className="insight-chart insight-chart-square" label={t('rfm.label')} option={heatmapOption(labels, labels, grid.data, { name: t('common.customers'), max: grid.max, xName: t('rfm.f'), yName: t('rfm.r') })} />
            <table className="simple-table" id="rfm-segment-table">
              <caption>{t('rfm.segments')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rfm.segment')}</th>
                  <th scope="col" className="num">{t('common.customers')}</th>
                  <th scope="col" className="num">{t('common.share')}</th>
                  <th scope="col" className="num">{t('common.revenue')}</th>
                </tr>
              </thead>
              <tbody>
                {d.segments.map((s, i) => (
                  <tr key={s.segment} data-segment={s.segment}>
                    <td>
                      <Link to={customersUrl(segs.drills[i] ?? {})}>{segs.labels[i]}</Link>
                    </td>
                    <td className="num" data-count={s.customers}>{formatNumber(s.customers, lang)}</td>
                    <td className="num">{pct(s.share, lang)}</td>
                    <td className="num">{formatMoney(s.revenue, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        )
      }}
    </Answered>
  )
}

function ClusterCards() {
  const { t, i18n } = useTranslation('insights')
  const lang = i18n.language
  const q = useClusters()
  return (
    <Answered q={q}>
      {(d) => (
        <Section id="cluster-cards" kind="clusters" title={t('insightsPage.cluster-cards')} ready={d.model_version !== null && d.clusters.length > 0}>
          <p className="muted">{t('clusters.meta', { k: d.k ?? d.clusters.length, silhouette: d.silhouette === null ? '—' : formatNumber(d.silhouette, lang, 2) })}</p>
          <div className="cluster-cards">
            {d.clusters.map((c) => {
              const keywords = keywordTexts(c.keywords)
              const defining = definingRows(c.defining)
              return (
              <article key={c.cluster} className="cluster-card" data-cluster={c.cluster} aria-labelledby={`cluster-${c.cluster}-name`}>
                <h3 id={`cluster-${c.cluster}-name`}>{personaName(c.persona, lang)}</h3>
                <p>
                  <Link to={customersUrl({ cluster: String(c.cluster) })}>{t('clusters.customers', { count: c.customers, n: formatNumber(c.customers, lang), share: pct(c.share, lang) })}</Link>
                </p>
                {keywords.length > 0 && (
                  <ul className="keywords" aria-label={t('clusters.keywords')} data-i18n-skip>
                    {keywords.map((k) => (
                      <li key={k} className="badge">{k}</li>
                    ))}
                  </ul>
                )}
                {defining.length > 0 && (
                  <table className="simple-table compact">
                    <caption>{t('clusters.defining')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('clusters.feature')}</th>
                        <th scope="col" className="num">{t('clusters.mean')}</th>
                        <th scope="col" className="num">{t('clusters.overall')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {defining.map((f) => (
                        <tr key={f.feature}>
                          <td>{featureLabel(f.feature, t)} {f.z >= 0 ? '↑' : '↓'}</td>
                          <td className="num">{f.mean === null ? '—' : formatNumber(f.mean, lang, 2)}</td>
                          <td className="num">{f.overall_mean === null ? '—' : formatNumber(f.overall_mean, lang, 2)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </article>
              )
            })}
          </div>
        </Section>
      )}
    </Answered>
  )
}

/** A model feature's name for people: per-category and per-channel shares name their category or channel. */
function featureLabel(f: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (f.startsWith('category_share_')) return t('features.categoryShare', { category: f.slice('category_share_'.length) })
  if (f.startsWith('channel_share_')) {
    const c = f.slice('channel_share_'.length)
    return t('features.channelShare', { channel: t(`channels.${c}`, { defaultValue: c }) })
  }
  return t(`features.${f}`, { defaultValue: f })
}

const RULE_SORTS: RuleSort[] = ['lift', 'confidence', 'support']

function RulesTable() {
  const { t, i18n } = useTranslation('insights')
  const lang = i18n.language
  const [sort, setSort] = useState<RuleSort>('lift')
  const q = useRules(sort)
  const names = (ps: Array<{ name: string }>) => ps.map((p) => p.name).join(' + ')
  return (
    <Answered q={q}>
      {(d) => (
        <Section id="rules" kind="basket_rules" title={t('insightsPage.rules')} ready={d.model_version !== null && d.rules.length > 0}>
          <p className="muted">{t('rules.hint')}</p>
          <table className="simple-table" id="rules-table">
            <caption className="visually-hidden">{t('insightsPage.rules')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rules.antecedent')}</th>
                <th scope="col">{t('rules.consequent')}</th>
                {RULE_SORTS.map((s) => (
                  <th key={s} scope="col" className="num" aria-sort={sort === s ? 'descending' : undefined}>
                    <button type="button" className="sort-button" data-sort={s} onClick={() => setSort(s)}>
                      {t(`rules.${s}`)}
                      {sort === s ? ' ↓' : ''}
                    </button>
                  </th>
                ))}
                <th scope="col" className="num">{t('common.customers')}</th>
              </tr>
            </thead>
            <tbody>
              {d.rules.map((r) => {
                const drill = ruleProducts(r)
                return (
                  <tr key={`${drill.bought_products}-${r.antecedent.map((p) => p.id).join(',')}`} data-products={drill.bought_products}>
                    <td>{names(r.antecedent)}</td>
                    <td>{names(r.consequent)}</td>
                    <td className="num" data-metric="lift">{formatNumber(r.lift, lang, 2)}</td>
                    <td className="num" data-metric="confidence">{pct(r.confidence, lang)}</td>
                    <td className="num" data-metric="support">{pct(r.support, lang)}</td>
                    <td className="num">
                      <Link to={customersUrl(drill)} data-count={r.customers}>
                        {formatNumber(r.customers, lang)}
                        <span className="visually-hidden"> {t('rules.whoBought', { products: names([...r.antecedent, ...r.consequent]) })}</span>
                      </Link>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </Section>
      )}
    </Answered>
  )
}

function CohortHeatmap() {
  const { t, i18n } = useTranslation('insights')
  const lang = i18n.language
  const navigate = useNavigate()
  const q = useCohorts(12)
  return (
    <Answered q={q}>
      {(d) => {
        const c = cohortCells(d.cohorts)
        const columns = Array.from({ length: c.columns }, (_, i) => String(i))
        return (
          <Section id="cohorts" title={t('insightsPage.cohorts')} ready={d.cohorts.length > 0}>
            <p className="muted">{t('cohorts.hint')}</p>
            <Chart
              className="insight-chart insight-chart-tall"
              label={t('cohorts.label', { cohorts: c.rows.length })}
              option={heatmapOption(columns, c.rows, c.data, { name: t('cohorts.retention'), max: 100, xName: t('cohorts.monthsSince'), suffix: '%' })}
              onClick={(e) => {
                const cell = c.data[e.dataIndex]
                const cohort = cell ? c.rows[cell[1]] : undefined
                if (cohort) void navigate(customersUrl({ cohort }))
              }}
            />
            <DrillList
              id="cohort-list"
              items={[...d.cohorts].sort((a, b) => a.cohort.localeCompare(b.cohort)).map((x) => ({ key: x.cohort, label: x.cohort, n: x.customers, count: formatNumber(x.customers, lang), drill: { cohort: x.cohort } }))}
            />
          </Section>
        )
      }}
    </Answered>
  )
}

function ClvByChannel() {
  const { t, i18n } = useTranslation('insights')
  const lang = i18n.language
  const q = useClv()
  return (
    <Answered q={q}>
      {(d) => {
        const channel = (c: string | null) => (c === null ? t('channels.unknown') : t(`channels.${c}`, { defaultValue: c }))
        const bars = { labels: d.by_channel.map((c) => channel(c.channel)), values: d.by_channel.map((c) => Math.round(c.mean_value * 100) / 100), drills: [] }
        return (
          <Section id="clv-channels" kind="clv" title={t('insightsPage.clv-channels')} ready={d.model_version !== null && d.by_channel.length > 0}>
            <Chart label={t('clvChannels.label')} option={barsOption(bars, t('clvChannels.mean'), { color: COLORS.GREEN })} />
            <table className="simple-table" id="clv-channel-table">
              <caption className="visually-hidden">{t('insightsPage.clv-channels')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('clvChannels.channel')}</th>
                  <th scope="col" className="num">{t('common.customers')}</th>
                  <th scope="col" className="num">{t('clvChannels.total')}</th>
                  <th scope="col" className="num">{t('clvChannels.mean')}</th>
                  <th scope="col" className="num">{t('clvChannels.pAlive')}</th>
                </tr>
              </thead>
              <tbody>
                {d.by_channel.map((c) => (
                  <tr key={c.channel ?? ''} data-channel={c.channel ?? ''}>
                    {/* No drill-down link: the customers list has no acquisition-channel filter (yet). */}
                    <td>{channel(c.channel)}</td>
                    <td className="num" data-count={c.customers}>{formatNumber(c.customers, lang)}</td>
                    <td className="num">{formatMoney(c.total_value, lang)}</td>
                    <td className="num">{formatMoney(c.mean_value, lang)}</td>
                    <td className="num">{c.mean_p_alive === null ? '—' : pct(c.mean_p_alive, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        )
      }}
    </Answered>
  )
}
