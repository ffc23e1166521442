import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../../components/States.tsx'
import { formatNumber } from '../../../lib/format.ts'
import type { ConfirmationStatus } from '../api/campaign-types.ts'
import type { UseQueryResult } from '@tanstack/react-query'

/** Double opt-in's state on a channel: grants confirmed, not confirmed, and of those asked in the last week. */
export function ConfirmationCounts({ id, query }: { id: string; query: UseQueryResult<ConfirmationStatus> }) {
  const { t, i18n } = useTranslation('campaignSettings')
  if (query.isPending) return <Loading />
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const c = query.data
  const rows: Array<[key: 'confirmed' | 'unconfirmed' | 'requested_recently', label: string]> = [
    ['confirmed', t('doubleOptIn.confirmed')],
    ['unconfirmed', t('doubleOptIn.unconfirmed')],
    ['requested_recently', t('doubleOptIn.askedRecently')],
  ]
  return (
    <dl className="stats" id={id}>
      {rows.map(([key, label]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-count={key} data-value={c[key]}>{formatNumber(c[key], i18n.language)}</dd>
        </div>
      ))}
    </dl>
  )
}
