import { useTranslation } from 'react-i18next'
import { DataTable, type Column } from '../../../components/DataTable.tsx'
import { formatDate, formatMoney } from '../../../lib/format.ts'
import { useCursorPages } from '../../../lib/use-cursor-pages.ts'
import { useUrlState } from '../../../lib/use-url-state.ts'
import { cleanProductFilters, listProducts, PRODUCT_FILTER_KEYS, type Product, type ProductFilters } from '../api/products.ts'
import { ProductFiltersForm } from '../components/ProductFiltersForm.tsx'

/** The catalogue: search by name, filter by category, brand and price, sorted and paged on the server. */
export default function ProductsPage() {
  const { t, i18n } = useTranslation('products')
  const { filters, sort, setFilters, setSort } = useUrlState<Record<(typeof PRODUCT_FILTER_KEYS)[number], string | undefined>>(PRODUCT_FILTER_KEYS, 'sku')
  const active = cleanProductFilters(filters)
  const list = useCursorPages({ key: ['products'], filters: active, sort, fetchPage: listProducts })
  const lang = i18n.language

  const columns: Column<Product>[] = [
    { key: 'sku', header: t('fields.sku'), sortKey: 'sku', render: (p) => p.sku },
    { key: 'name', header: t('fields.name'), sortKey: 'name', render: (p) => p.name },
    { key: 'category', header: t('fields.category'), render: (p) => p.category ?? '' },
    { key: 'brand', header: t('fields.brand'), render: (p) => p.brand ?? '' },
    { key: 'price', header: t('fields.price'), sortKey: 'price', align: 'end', render: (p) => formatMoney(p.price, lang) },
    { key: 'description', header: t('fields.description'), render: (p) => p.description ?? '', hiddenByDefault: true },
    { key: 'created_at', header: t('fields.createdAt'), sortKey: 'created_at', render: (p) => formatDate(p.created_at, lang), hiddenByDefault: true },
  ]

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      <ProductFiltersForm value={active} onChange={(f) => setFilters(f as Record<string, string | undefined>)} />
      <DataTable
        id="products"
        caption={t('title')}
        columns={columns}
        rows={list.rows}
        rowKey={(p) => p.id}
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
