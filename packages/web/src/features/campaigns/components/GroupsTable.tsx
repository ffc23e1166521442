import { useTranslation } from 'react-i18next'
import { formatMoney, formatNumber } from '../../../lib/format.ts'
import type { GroupStats } from '../api/campaign-types.ts'
import { points } from '../lib/lift-text.ts'

const COUNTS = ['recipients', 'sent', 'opened', 'clicked', 'unsubscribed', 'conversions'] as const

/** Treated against holdout side by side: counts, conversion rate and revenue per recipient. */
export function GroupsTable({ treated, holdout, id }: { treated: GroupStats; holdout: GroupStats; id: string }) {
  const { t, i18n } = useTranslation('campaigns')
  const lang = i18n.language
  const rate = (g: GroupStats) => (g.conversion_rate === null ? '—' : `${points(g.conversion_rate, lang)} %`)
  const rpr = (g: GroupStats) => (g.revenue_per_recipient === null ? '—' : formatMoney(g.revenue_per_recipient, lang))
  const groups: Array<['treated' | 'holdout', GroupStats]> = [['treated', treated], ['holdout', holdout]]
  return (
    <div className="table-scroll">
      <table className="simple-table" id={id}>
        <caption className="visually-hidden">{t('results.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.group')}</th>
            {COUNTS.map((c) => (
              <th key={c} scope="col" className="num">{t(`results.${c}`)}</th>
            ))}
            <th scope="col" className="num">{t('results.conversionRate')}</th>
            <th scope="col" className="num">{t('results.revenuePerRecipient')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map(([name, g]) => (
            <tr key={name} data-group={name}>
              <th scope="row">{t(`results.${name}`)}</th>
              {COUNTS.map((c) => (
                <td key={c} className="num" data-col={c} data-value={g[c] ?? 0}>{formatNumber(g[c] ?? 0, lang)}</td>
              ))}
              <td className="num">{rate(g)}</td>
              <td className="num">{rpr(g)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
