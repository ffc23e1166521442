import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Results } from '../api/campaign-types.ts'
import { rateBars } from '../lib/chart-bars.ts'
import { pValueText, points } from '../lib/lift-text.ts'

/**
 * Conversion rate per variant and for the holdout with 95 % whiskers (ECharts, loaded on first render as
 * the segments' GrowthChart does), the winner in words, and the same numbers in a table.
 */
export function VariantChart({ results }: { results: Results }) {
  const { t, i18n } = useTranslation('campaigns')
  const lang = i18n.language
  const zh = lang === 'zh-CN'
  const box = useRef<HTMLDivElement>(null)
  const bars = useMemo(() => rateBars(results, t('results.holdout')), [results, t])

  useEffect(() => {
    const el = box.current
    if (!el) return
    let disposed = false
    let chart: { dispose(): void } | undefined
    void import('./variant-chart-echarts.ts').then(({ drawVariantRates }) => {
      if (!disposed) chart = drawVariantRates(el, bars, { rate: t('results.conversionRate'), zh })
    })
    return () => {
      disposed = true
      chart?.dispose()
    }
  }, [bars, zh, t])

  const w = results.winner
  const pct = (v: number | null) => (v === null ? '—' : `${points(v, lang)} %`)
  return (
    <section className="panel" aria-labelledby="variants-result-title" id="variant-results">
      <h2 id="variants-result-title">{t('results.variants')}</h2>
      {w && (
        <p id="variant-winner" data-winner={w.winner} data-significant={String(w.significant)}>
          {t(w.significant ? 'results.winnerSignificant' : 'results.winnerNotSignificant', { name: w.winner, p: pValueText(w.p_value, lang) })}
        </p>
      )}
      <div ref={box} className="seg-growth-chart" id="variant-chart" role="img" aria-label={t('results.chartLabel')} />
      <details>
        <summary>{t('results.numbers')}</summary>
        <table className="simple-table compact" id="variant-table">
          <caption className="visually-hidden">{t('results.chartLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.group')}</th>
              <th scope="col" className="num">{t('results.recipients')}</th>
              <th scope="col" className="num">{t('results.rate')}</th>
              <th scope="col">{t('results.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.name}>
                <td>{b.name}</td>
                <td className="num">{b.recipients}</td>
                <td className="num">{pct(b.rate)}</td>
                <td>{b.low === null ? '—' : `${pct(b.low)} – ${pct(b.high)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  )
}
