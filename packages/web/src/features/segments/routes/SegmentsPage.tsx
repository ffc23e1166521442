import { useState } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { formatDateTime, formatNumber } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useCan } from '../../auth/api/session.ts'
import { listSegments, SEGMENTS_KEY } from '../api/segments.ts'
import type { Segment } from '../api/segment-types.ts'
import { Sparkline } from '../components/Sparkline.tsx'

/** The workspace's segments: size, when they were last refreshed and how they grew; new ones for segments:write. */
export default function SegmentsPage() {
  const { t, i18n } = useTranslation('segments')
  const lang = i18n.language
  const can = useCan()
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const list = useCursorPages({
    key: [...SEGMENTS_KEY, 'list'],
    filters: search === '' ? {} : { q: search },
    sort: 'name',
    fetchPage: (p) => listSegments(p),
  })
  const columns: Column<Segment>[] = [
    { key: 'name', header: t('list.name'), render: (s) => <Link to={`/segments/${s.id}`}>{s.name}</Link> },
    { key: 'kind', header: t('list.kind'), render: (s) => t(`kinds.${s.kind}`) },
    { key: 'member_count', header: t('list.members'), align: 'end', render: (s) => (s.member_count === null ? t('list.notRefreshed') : formatNumber(s.member_count, lang)) },
    { key: 'refreshed_at', header: t('list.refreshedAt'), render: (s) => (s.refreshed_at ? formatDateTime(s.refreshed_at, lang) : t('list.never')) },
    { key: 'growth', header: t('list.growth'), render: (s) => <Sparkline growth={s.growth} /> },
    { key: 'description', header: t('list.description'), render: (s) => s.description ?? '', hiddenByDefault: true },
  ]
  return (
    <section className="page segments-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        {can('segments:write') && (
          <Link className="btn btn-primary" to="/segments/new" id="new-segment">
            {t('list.new')}
          </Link>
        )}
      </header>
      <p className="page-intro">{t('intro')}</p>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          setSearch(q.trim())
        }}
      >
        <label>
          {t('list.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <div className="filters-actions">
          <button type="submit" className="btn">
            {t('list.searchButton')}
          </button>
        </div>
      </form>
      <DataTable
        id="segments"
        caption={t('title')}
        columns={columns}
        rows={list.rows}
        rowKey={(s) => s.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        paging={list.paging}
        empty={t('list.empty')}
      />
    </section>
  )
}
