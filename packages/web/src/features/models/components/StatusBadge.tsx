import { useTranslation } from 'react-i18next'
import type { ModelStatus } from '../api/models.ts'

/** A version's status in words, coloured by what it means for the stored results. */
export function StatusBadge({ status }: { status: ModelStatus }) {
  const { t } = useTranslation('models')
  return <span className={`badge model-status model-status-${status}`}>{t(`status.${status}`)}</span>
}
