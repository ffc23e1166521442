import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type ProductPage = Answer<'/api/v1/products/', 'get'>
export type Product = ProductPage['data'][number]
type ListQuery = NonNullable<paths['/api/v1/products/']['get']['parameters']['query']>
export type ProductFilters = Pick<ListQuery, 'q' | 'category' | 'brand' | 'price_min' | 'price_max'>
export type ProductSort = NonNullable<ListQuery['sort']>
export const PRODUCT_FILTER_KEYS = ['q', 'category', 'brand', 'price_min', 'price_max'] as const

/** Drops empty filters, so the URL and the cache key only hold what the person set. */
export function cleanProductFilters(f: Record<string, string | undefined>): ProductFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as ProductFilters
}

export const listProducts = (q: ProductFilters & { sort: string; limit: number; cursor?: string }) =>
  data(api.GET('/api/v1/products/', { params: { query: { ...q, sort: q.sort as ProductSort, limit: String(q.limit) } } }))
