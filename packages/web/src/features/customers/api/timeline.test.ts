import { describe, expect, it } from 'vitest'
import { buildTimeline } from './timeline.ts'
import type { Customer360 } from './customer-360.ts'

const order = (id: number, at: string) => ({ id, external_id: `O${id}`, customer_id: 'C1', customer_internal_id: 1, ordered_at: at, status: 'paid' as const, channel: 'web' as const, total: 10, currency: 'CNY', created_at: at, updated_at: at, items: [] })
const event = (id: number, at: string) => ({ id, external_id: `E${id}`, customer_id: 'C1', customer_internal_id: 1, type: 'view' as const, sku: null, product_internal_id: null, occurred_at: at, properties: {} })
const review = (id: number, at: string) => ({ id, external_id: `R${id}`, customer_id: 'C1', customer_internal_id: 1, sku: 'S', product_internal_id: 1, rating: 4, text: null, language: null, reviewed_at: at })
const ticket = (id: number, at: string) => ({ id, external_id: `T${id}`, customer_id: 'C1', customer_internal_id: 1, channel: 'email' as const, subject: 's', body: null, status: 'open' as const, priority: 'low' as const, opened_at: at, updated_at: at })

describe('buildTimeline', () => {
  it('merges the four lists newest first, whatever time zone offset each timestamp carries', () => {
    const v: Pick<Customer360, 'recent_orders' | 'recent_events' | 'reviews' | 'tickets'> = {
      recent_orders: [order(1, '2025-03-01T10:00:00.000Z'), order(2, '2024-01-01T00:00:00.000Z')],
      recent_events: [event(7, '2025-03-01T12:00:00+02:00')], // 10:00Z: ties with order 1
      reviews: [review(3, '2025-04-01T00:00:00.000Z')],
      tickets: [ticket(4, '2024-06-01T00:00:00.000Z')],
    }
    expect(buildTimeline(v).map((e) => e.key)).toEqual(['review-3', 'event-7', 'order-1', 'ticket-4', 'order-2'])
  })

  it('is empty for a customer with no history', () => {
    expect(buildTimeline({ recent_orders: [], recent_events: [], reviews: [], tickets: [] })).toEqual([])
  })
})
