import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../lib/format.ts'
import { EXCLUSION_REASONS, type Audience } from '../api/campaign-types.ts'

/** Who a start sends to: treated, holdout, per variant, and everyone left out, by reason in words. */
export function AudienceCounts({ audience: a, id }: { audience: Audience; id: string }) {
  const { t, i18n } = useTranslation('campaigns')
  const n = (v: number) => formatNumber(v, i18n.language)
  const excluded = EXCLUSION_REASONS.filter((r) => a.excluded[r] > 0)
  return (
    <div id={id} data-treated={a.treated} data-holdout={a.holdout}>
      <dl className="model-facts">
        <div>
          <dt>{t('audience.members')}</dt>
          <dd>{n(a.audience)}</dd>
        </div>
        <div>
          <dt>{t('audience.treated')}</dt>
          <dd data-count="treated">{n(a.treated)}</dd>
        </div>
        <div>
          <dt>{t('audience.holdout')}</dt>
          <dd data-count="holdout">{n(a.holdout)}</dd>
        </div>
        {Object.entries(a.variants).map(([name, count]) => (
          <div key={name}>
            <dt>{t('audience.byVariant', { name })}</dt>
            <dd>{n(count)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('audience.excluded')}</h3>
      {excluded.length === 0 ? (
        <p className="muted">{t('audience.none')}</p>
      ) : (
        <table className="simple-table compact">
          <caption className="visually-hidden">{t('audience.excluded')}</caption>
          <tbody>
            {excluded.map((r) => (
              <tr key={r} data-reason={r}>
                <th scope="row">{t(`reasons.${r}`)}</th>
                <td className="num">{n(a.excluded[r])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
