import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { useCan } from '../../auth/api/session.ts'
import { formatDate } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useUrlState } from '../../../lib/use-url-state.ts'
import { cleanFilters, exportUrl, listCustomers, type Customer, type CustomerFilters } from '../api/customers.ts'
import { CustomerFiltersForm } from '../components/CustomerFiltersForm.tsx'
import { DrillChips } from '../components/DrillChips.tsx'
import { DRILL_KEYS, type DrillFilters } from '../api/drill-filters.ts'

const FORM_KEYS = ['q', 'city', 'country', 'tag', 'signed_up_from', 'signed_up_to', 'has_orders'] as const
// The form's filters and the drill-down ones charts link with: all kept in the URL, all sent to the API.
const FILTER_KEYS = [...FORM_KEYS, ...DRILL_KEYS] as const

/** Customers of the workspace: search, filters, sort and paging on the server; export of what is shown. */
export default function CustomersPage() {
  const { t, i18n } = useTranslation('customers')
  const can = useCan()
  const { filters, sort, setFilters, setSort } = useUrlState<Record<(typeof FILTER_KEYS)[number], string | undefined>>(FILTER_KEYS, 'id')
  const active = cleanFilters(filters as CustomerFilters)
  const formPart = Object.fromEntries(FORM_KEYS.map((k) => [k, active[k]])) as CustomerFilters
  const drillPart = Object.fromEntries(DRILL_KEYS.map((k) => [k, active[k]])) as DrillFilters
  const list = useCursorPages({ key: ['customers'], filters: active, sort, fetchPage: listCustomers })
  const lang = i18n.language

  const columns: Column<Customer>[] = [
    { key: 'external_id', header: t('fields.externalId'), sortKey: 'external_id', render: (c) => <Link to={`/customers/${c.id}`}>{c.external_id}</Link> },
    { key: 'name', header: t('fields.name'), sortKey: 'name', render: (c) => c.name ?? '' },
    { key: 'email', header: t('fields.email'), render: (c) => c.email ?? '' },
    { key: 'phone', header: t('fields.phone'), render: (c) => c.phone ?? '', hiddenByDefault: true },
    { key: 'city', header: t('fields.city'), render: (c) => c.city ?? '' },
    { key: 'country', header: t('fields.country'), render: (c) => c.country ?? '' },
    { key: 'tags', header: t('fields.tags'), render: (c) => c.tags.join(', ') },
    { key: 'signup_at', header: t('fields.signupAt'), sortKey: 'signup_at', render: (c) => formatDate(c.signup_at, lang) },
    { key: 'gender', header: t('fields.gender'), render: (c) => (c.gender ? t(`gender.${c.gender}`) : ''), hiddenByDefault: true },
  ]

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        {can('export') && (
          <a className="btn" href={exportUrl(active)} download="customers.csv">
            {t('export')}
          </a>
        )}
      </header>
      <CustomerFiltersForm value={cleanFilters(formPart)} onChange={(f) => setFilters({ ...drillPart, ...f } as Record<string, string | undefined>)} />
      <DrillChips value={cleanFilters(drillPart)} onChange={(d) => setFilters({ ...formPart, ...d } as Record<string, string | undefined>)} />
      <DataTable
        id="customers"
        caption={t('title')}
        columns={columns}
        rows={list.rows}
        rowKey={(c) => c.id}
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
