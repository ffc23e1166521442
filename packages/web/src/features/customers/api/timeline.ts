import type { Customer360 } from './customer-360.ts'

type Order = Customer360['recent_orders'][number]
type Event = Customer360['recent_events'][number]
type Review = Customer360['reviews'][number]
type Ticket = Customer360['tickets'][number]

/** One line of the timeline: what happened, when, and the record it came from. */
export type TimelineEntry =
  | { kind: 'order'; at: string; key: string; order: Order }
  | { kind: 'event'; at: string; key: string; event: Event }
  | { kind: 'review'; at: string; key: string; review: Review }
  | { kind: 'ticket'; at: string; key: string; ticket: Ticket }

/**
 * Orders, events, reviews and tickets of the 360° answer merged into one list, newest first. Each list
 * comes sorted by its own time column; ties keep a stable order (kind, then id) so the list does not jump.
 */
export function buildTimeline(v: Pick<Customer360, 'recent_orders' | 'recent_events' | 'reviews' | 'tickets'>): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...v.recent_orders.map((order): TimelineEntry => ({ kind: 'order', at: order.ordered_at, key: `order-${order.id}`, order })),
    ...v.recent_events.map((event): TimelineEntry => ({ kind: 'event', at: event.occurred_at, key: `event-${event.id}`, event })),
    ...v.reviews.map((review): TimelineEntry => ({ kind: 'review', at: review.reviewed_at, key: `review-${review.id}`, review })),
    ...v.tickets.map((ticket): TimelineEntry => ({ kind: 'ticket', at: ticket.opened_at, key: `ticket-${ticket.id}`, ticket })),
  ]
  const time = (e: TimelineEntry) => Date.parse(e.at)
  return entries.sort((a, b) => time(b) - time(a) || a.key.localeCompare(b.key))
}
