import { useState } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { listMembers, SEGMENTS_KEY } from '../api/segments.ts'
import type { Member } from '../api/segment-types.ts'

const percent = (v: number | null, lang: string) => (v === null ? '' : `${formatNumber(v * 100, lang, 1)} %`)

/** The segment's current members, sorted and paged by the server; each row can ask why it is a member. */
export function MembersTable({ segmentId, onWhy }: { segmentId: string; onWhy: (m: Member) => void }) {
  const { t, i18n } = useTranslation('segments')
  const lang = i18n.language
  const [sort, setSort] = useState('-entered_at')
  const list = useCursorPages({
    key: [...SEGMENTS_KEY, 'members', segmentId],
    filters: {},
    sort,
    fetchPage: (p) => listMembers(segmentId, p),
  })
  const columns: Column<Member>[] = [
    { key: 'external_id', header: t('columns.externalId'), render: (m) => <Link to={`/customers/${m.id}`}>{m.external_id}</Link> },
    { key: 'name', header: t('columns.name'), render: (m) => m.name ?? '' },
    { key: 'email', header: t('columns.email'), render: (m) => m.email ?? '', hiddenByDefault: true },
    { key: 'city', header: t('columns.city'), render: (m) => m.city ?? '' },
    { key: 'entered_at', header: t('columns.enteredAt'), sortKey: 'entered_at', render: (m) => formatDateTime(m.entered_at, lang) },
    { key: 'churn_score', header: t('columns.churnScore'), sortKey: 'churn_score', align: 'end', render: (m) => percent(m.churn_score, lang) },
    { key: 'churn_band', header: t('columns.churnBand'), render: (m) => (m.churn_band ? t(`bands.${m.churn_band}`) : '') },
    { key: 'clv', header: t('columns.clv'), sortKey: 'clv_value', align: 'end', render: (m) => formatMoney(m.clv, lang) },
    { key: 'p_alive', header: t('columns.pAlive'), sortKey: 'p_alive', align: 'end', render: (m) => percent(m.p_alive, lang) },
    {
      key: 'why',
      header: t('columns.why'),
      render: (m) => (
        <button type="button" className="btn btn-small" data-why={m.id} aria-label={t('why.askFor', { customer: m.external_id })} onClick={() => onWhy(m)}>
          {t('why.ask')}
        </button>
      ),
    },
  ]
  return (
    <section className="panel" aria-labelledby="members-title" id="members">
      <h2 id="members-title">{t('members.title')}</h2>
      <DataTable
        id="segment-members"
        caption={t('members.title')}
        columns={columns}
        rows={list.rows}
        rowKey={(m) => m.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        sort={sort}
        onSort={setSort}
        paging={list.paging}
        empty={t('members.empty')}
      />
    </section>
  )
}
