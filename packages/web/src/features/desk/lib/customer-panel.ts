import type { Customer360, RecentOrder } from '../../customers/api/customer-360.ts'

/** How many recent orders and other conversations the desk's customer panel lists. */
export const PANEL_ORDERS = 5
export const PANEL_CONVERSATIONS = 5
export const PANEL_CAMPAIGNS = 5

export type CustomerTicket = Customer360['tickets'][number]

/** The latest orders, newest first (the 360° view already sends them so, up to ten). */
export const recentOrders = (view: Customer360, n = PANEL_ORDERS): RecentOrder[] => view.recent_orders.slice(0, n)

/**
 * The customer's other conversations, newest first: the 360° view's tickets (a desk conversation is a
 * ticket, with the same id) without the one on screen.
 */
export const otherConversations = (view: Customer360, currentId: number, n = PANEL_CONVERSATIONS): CustomerTicket[] =>
  view.tickets.filter((t) => t.id !== currentId).slice(0, n)

export { rfmKey } from '../../customers/lib/rfm-segments.ts'
