import { useTranslation } from 'react-i18next'
import type { CampaignStatus } from '../api/campaign-types.ts'

/** A campaign's status in words. */
export function StatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation('campaigns')
  return (
    <span className={`badge campaign-status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  )
}
