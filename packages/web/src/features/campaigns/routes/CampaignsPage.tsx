import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useCan } from '../../auth/api/session.ts'
import { CAMPAIGNS_KEY, listCampaigns } from '../api/campaigns.ts'
import type { Campaign } from '../api/campaign-types.ts'
import { StatusBadge } from '../components/StatusBadge.tsx'
import { progressShare } from '../lib/progress.ts'

/** The workspace's campaigns, newest first: status, audience split and send progress; "New campaign" for campaigns:send. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation('campaigns')
  const lang = i18n.language
  const can = useCan()
  const list = useCursorPages({ key: [...CAMPAIGNS_KEY, 'list'], filters: {}, sort: '-created_at', fetchPage: (p) => listCampaigns(p) })
  const n = (v: number) => formatNumber(v, lang)
  const columns: Column<Campaign>[] = [
    { key: 'name', header: t('list.name'), render: (c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
    { key: 'channel', header: t('list.channel'), render: (c) => t(`channels.${c.channel}`) },
    { key: 'status', header: t('list.status'), render: (c) => <StatusBadge status={c.status} /> },
    { key: 'groups', header: t('list.groups'), align: 'end', render: (c) => (c.plan ? `${n(c.plan.treated)} / ${n(c.plan.holdout)}` : t('list.notPlanned')) },
    {
      key: 'progress', header: t('list.progress'), align: 'end',
      render: (c) => {
        const p = progressShare(c.progress)
        return c.progress ? `${n(p.done)} / ${n(p.total)}` : '—'
      },
    },
    { key: 'created', header: t('list.created'), render: (c) => formatDateTime(c.created_at, lang) },
  ]
  return (
    <section className="page campaigns-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        {can('campaigns:send') && (
          <Link className="btn btn-primary" to="/campaigns/new" id="new-campaign">
            {t('list.new')}
          </Link>
        )}
      </header>
      <p className="page-intro">{t('intro')}</p>
      <DataTable
        id="campaigns"
        caption={t('title')}
        columns={columns}
        rows={list.rows}
        rowKey={(c) => c.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        paging={list.paging}
        empty={t('list.empty')}
      />
    </section>
  )
}
