import { useState } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { CAMPAIGNS_KEY, listOutbox, useCampaignNames } from '../api/campaigns.ts'
import type { CaughtMail } from '../api/campaign-types.ts'

/** Mail the built-in catcher took instead of delivering: who to, the subject, the campaign; a search over them. */
export default function OutboxPage() {
  const { t, i18n } = useTranslation('campaigns')
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const names = useCampaignNames()
  const list = useCursorPages({ key: [...CAMPAIGNS_KEY, 'outbox'], filters: search === '' ? {} : { q: search }, sort: '-id', fetchPage: (p) => listOutbox(p) })
  const columns: Column<CaughtMail>[] = [
    { key: 'to', header: t('outbox.to'), render: (m) => <Link to={`/outbox/${m.id}`}>{m.to}</Link> },
    { key: 'subject', header: t('outbox.subject'), render: (m) => m.subject ?? '' },
    { key: 'campaign', header: t('outbox.campaign'), render: (m) => (m.campaign_id === null ? '—' : <Link to={`/campaigns/${m.campaign_id}`}>{names.data?.get(m.campaign_id) ?? `#${m.campaign_id}`}</Link>) },
    { key: 'received', header: t('outbox.received'), render: (m) => formatDateTime(m.received_at, i18n.language) },
  ]
  return (
    <section className="page outbox-page">
      <header className="page-header">
        <h1>{t('outbox.title')}</h1>
      </header>
      <p className="page-intro">{t('outbox.intro')}</p>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          setSearch(q.trim())
        }}
      >
        <label>
          {t('outbox.search')}
          <input type="search" id="outbox-search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <div className="filters-actions">
          <button type="submit" className="btn" id="outbox-search-submit">
            {t('outbox.searchButton')}
          </button>
        </div>
      </form>
      <DataTable id="outbox" caption={t('outbox.title')} columns={columns} rows={list.rows} rowKey={(m) => m.id} loading={list.isFetching} error={list.error} onRetry={() => void list.refetch()} paging={list.paging} empty={t('outbox.empty')} />
    </section>
  )
}
