import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import type { BreakdownRow } from '../api/campaign-types.ts'
import { liftText, points } from '../lib/lift-text.ts'

/** Results by RFM segment or persona: recipients, each group's conversion rate, and the lift with its interval. */
export function BreakdownTable({ rows, title, keyHeader, id }: { rows: BreakdownRow[]; title: string; keyHeader: string; id: string }) {
  const { t, i18n } = useTranslation('campaigns')
  const lang = i18n.language
  const rate = (v: number | null) => (v === null ? '—' : `${points(v, lang)} %`)
  return (
    <div className="table-scroll">
      <table className="simple-table compact" id={id}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col" className="num">{t('results.recipients')}</th>
            <th scope="col" className="num">{t('results.treated')}</th>
            <th scope="col" className="num">{t('results.holdout')}</th>
            <th scope="col">{t('results.lift')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.key}</td>
              <td className="num">{formatNumber(r.recipients, lang)}</td>
              <td className="num">{rate(r.treated.conversion_rate)}</td>
              <td className="num">{rate(r.holdout.conversion_rate)}</td>
              <td>{liftText(t, r.lift.conversion, 'points', lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
