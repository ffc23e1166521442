import { useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { paths } from '../../../lib/api/schema.gen.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type OrderPage = Answer<'/api/v1/orders/', 'get'>
export type Order = OrderPage['data'][number]
export type OrderWithLines = Answer<'/api/v1/orders/{id}', 'get'>
type ListQuery = NonNullable<paths['/api/v1/orders/']['get']['parameters']['query']>
export type OrderFilters = Pick<ListQuery, 'status' | 'channel' | 'customer_id' | 'customer_internal_id' | 'from' | 'to'>
export type OrderSort = NonNullable<ListQuery['sort']>

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const satisfies readonly Order['status'][]
export const ORDER_CHANNELS = ['web', 'app', 'store', 'marketplace', 'phone'] as const satisfies readonly NonNullable<Order['channel']>[]

/** Drops empty filters, so the URL and the cache key only hold what the person set. */
export function cleanOrderFilters(f: Record<string, string | undefined>): OrderFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as OrderFilters
}

export const listOrders = (q: OrderFilters & { sort: string; limit: number; cursor?: string }) =>
  data(api.GET('/api/v1/orders/', { params: { query: { ...q, sort: q.sort as OrderSort, limit: String(q.limit) } } }))

export const fetchOrder = (id: string) => data(api.GET('/api/v1/orders/{id}', { params: { path: { id } } }))

/** One order with its lines; a missing order is not retried. */
export function useOrder(id: string) {
  return useQuery({ queryKey: ['order', id], queryFn: () => fetchOrder(id), retry: false })
}

/** A line's total: quantity × unit price, rounded to cents so float sums print as money. */
export const lineTotal = (l: { quantity: number; unit_price: number }): number => Math.round(l.quantity * l.unit_price * 100) / 100
