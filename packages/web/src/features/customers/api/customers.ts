import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'
import type { DrillFilters } from './drill-filters.ts'

export type CustomerPage = Answer<'/api/v1/customers/', 'get'>
export type Customer = CustomerPage['data'][number]
type ListQuery = NonNullable<paths['/api/v1/customers/']['get']['parameters']['query']>
/** The form's filters, and the drill-down filters charts link with (drill-filters.ts). */
export type CustomerFilters = Pick<ListQuery, 'q' | 'city' | 'country' | 'tag' | 'signed_up_from' | 'signed_up_to' | 'has_orders'> & DrillFilters
export type CustomerSort = NonNullable<ListQuery['sort']>

/** Drops empty filters, so the URL and the cache key only hold what the person set. */
export function cleanFilters(f: CustomerFilters): CustomerFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as CustomerFilters
}

export const listCustomers = (q: CustomerFilters & { sort: string; limit: number; cursor?: string }) =>
  // The drill-down values come from the URL as text; the server validates them (a wrong band is a 400 with a message).
  data(api.GET('/api/v1/customers/', { params: { query: { ...q, sort: q.sort as CustomerSort, limit: String(q.limit) } as ListQuery } }))

/** The export URL of the current filter: a plain link, so the browser streams the file to disk. */
export function exportUrl(f: CustomerFilters): string {
  const qs = new URLSearchParams(Object.entries(cleanFilters(f)).map(([k, v]) => [k, String(v)]))
  const s = qs.toString()
  return `/api/v1/customers/export${s ? `?${s}` : ''}`
}
