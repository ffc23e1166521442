import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { formatDateTime, formatMoney } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useUrlState } from '../../../lib/use-url-state.ts'
import { cleanOrderFilters, listOrders, type Order } from '../api/orders.ts'
import { OrderFiltersForm } from '../components/OrderFiltersForm.tsx'

const FILTER_KEYS = ['status', 'channel', 'customer_id', 'from', 'to'] as const

/** Orders of the workspace: filters by status, channel, customer and date, sorted and paged on the server. */
export default function OrdersPage() {
  const { t, i18n } = useTranslation('orders')
  const { filters, sort, setFilters, setSort } = useUrlState<Record<(typeof FILTER_KEYS)[number], string | undefined>>(FILTER_KEYS, '-ordered_at')
  const active = cleanOrderFilters(filters)
  const list = useCursorPages({ key: ['orders'], filters: active, sort, fetchPage: listOrders })
  const lang = i18n.language

  const columns: Column<Order>[] = [
    { key: 'external_id', header: t('fields.externalId'), render: (o) => <Link to={`/orders/${o.id}`}>{o.external_id}</Link> },
    { key: 'customer', header: t('fields.customer'), render: (o) => <Link to={`/customers/${o.customer_internal_id}`}>{o.customer_id}</Link> },
    { key: 'ordered_at', header: t('fields.orderedAt'), sortKey: 'ordered_at', render: (o) => formatDateTime(o.ordered_at, lang) },
    { key: 'status', header: t('fields.status'), render: (o) => <span data-status={o.status}>{t(`status.${o.status}`)}</span> },
    { key: 'channel', header: t('fields.channel'), render: (o) => t(`channel.${o.channel ?? 'none'}`) },
    { key: 'total', header: t('fields.total'), sortKey: 'total', align: 'end', render: (o) => formatMoney(o.total, lang, o.currency ?? 'CNY') },
    { key: 'updated_at', header: t('fields.updatedAt'), render: (o) => formatDateTime(o.updated_at, lang), hiddenByDefault: true },
  ]

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      <OrderFiltersForm value={active} onChange={(f) => setFilters(f as Record<string, string | undefined>)} />
      <DataTable
        id="orders"
        caption={t('title')}
        columns={columns}
        rows={list.rows}
        rowKey={(o) => o.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        sort={sort}
        onSort={setSort}
        paging={list.paging}
        empty={t('empty')}
      />
    </section>
  )
}
