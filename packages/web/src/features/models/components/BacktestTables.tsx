import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import { formatMetric } from '../lib/headline-metric.ts'
import type { CalibrationBin, LiftRow } from '../lib/report-parts.ts'

/** The decile lift table (model, and baseline when there is one) and the reliability bins, as numbers. */
export function BacktestTables({ lift, baselineLift, calibration }: { lift?: LiftRow[]; baselineLift?: LiftRow[]; calibration?: CalibrationBin[] }) {
  const { t, i18n } = useTranslation('models')
  const lang = i18n.language
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v))
  const liftTable = (rows: LiftRow[], caption: string, id: string) => (
    <div className="table-scroll">
      <table className="model-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('backtest.bucket')}</th>
            <th scope="col" className="num">{t('backtest.rows')}</th>
            <th scope="col" className="num">{t('backtest.positives')}</th>
            <th scope="col" className="num">{t('backtest.rate')}</th>
            <th scope="col" className="num">{t('backtest.lift')}</th>
            <th scope="col" className="num">{t('backtest.cumulativeGain')}</th>
            <th scope="col" className="num">{t('backtest.minScore')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.bucket}>
              <td className="num">{formatNumber(r.bucket, lang)}</td>
              <td className="num">{formatNumber(r.rows, lang)}</td>
              <td className="num">{formatNumber(r.positives, lang)}</td>
              <td className="num">{pct(r.rate)}</td>
              <td className="num">{formatMetric(r.lift, lang)}</td>
              <td className="num">{pct(r.cumulativeGain)}</td>
              <td className="num">{formatMetric(r.minScore, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
  return (
    <section className="panel" aria-labelledby="backtest-title" id="backtest">
      <h2 id="backtest-title">{t('backtest.title')}</h2>
      {lift && liftTable(lift, t('backtest.liftModel'), 'lift-table')}
      {baselineLift && liftTable(baselineLift, t('backtest.liftBaseline'), 'baseline-lift-table')}
      {calibration && (
        <div className="table-scroll">
          <table className="model-table" id="calibration-table">
            <caption>{t('backtest.calibration')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backtest.bin')}</th>
                <th scope="col" className="num">{t('backtest.rows')}</th>
                <th scope="col" className="num">{t('backtest.meanPredicted')}</th>
                <th scope="col" className="num">{t('backtest.observedRate')}</th>
              </tr>
            </thead>
            <tbody>
              {calibration.map((b) => (
                <tr key={b.from}>
                  <td>
                    {formatMetric(b.from, lang)}–{formatMetric(b.to, lang)}
                  </td>
                  <td className="num">{formatNumber(b.rows, lang)}</td>
                  <td className="num">{pct(b.meanPredicted)}</td>
                  <td className="num">{pct(b.observedRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
