import { useTranslation } from 'react-i18next'
import type { ArticleStatus } from '../api/kb-types.ts'

/** Draft or published, in words; only published articles feed suggestions and the assistant. */
export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation('knowledge')
  return (
    <span className={`badge kb-status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  )
}
