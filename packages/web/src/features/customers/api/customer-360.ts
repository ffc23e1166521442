import { useQuery } from '@tanstack/react-query'
import { api, data } from '../../../lib/api/client.ts'
import type { Answer } from '../../../lib/api/types.ts'

export type Customer360 = Answer<'/api/v1/customers/{id}/360', 'get'>
export type Consent = Customer360['consents']['history'][number]
export type RecentOrder = Customer360['recent_orders'][number]
export type OrderSummary = Customer360['order_summary']

export const fetchCustomer360 = (id: string) => data(api.GET('/api/v1/customers/{id}/360', { params: { path: { id } } }))

/** The whole 360° view in one request; a missing customer is not retried (it will not appear). */
export function useCustomer360(id: string) {
  return useQuery({ queryKey: ['customer360', id], queryFn: () => fetchCustomer360(id), retry: false })
}
