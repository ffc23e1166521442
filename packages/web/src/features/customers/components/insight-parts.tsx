import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format.ts'
import type { StoredScore } from '../api/intelligence.ts'

export const percent = (v: number, lang: string, digits = 0): string => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(v)

/** Which model version produced the result and when, linking to its page. */
export function InsightFooter({ score }: { score: StoredScore }) {
  const { t, i18n } = useTranslation('intelligence')
  const { t: tm } = useTranslation('models')
  const mv = score.model_version
  return (
    <p className="insight-source muted">
      <Link to={`/models/${mv.id}`}>{tm('version', { version: mv.version })}</Link>
      {mv.scored_at && ` · ${t('scoredOn', { date: formatDate(mv.scored_at, i18n.language) })}`}
    </p>
  )
}
