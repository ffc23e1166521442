/** Why a customer contacts service. Only the words say it: the ticket schema has no intent field. */
export const TICKET_INTENTS = [
  'delivery_delay', 'refund_request', 'damaged_item', 'change_address', 'invoice', 'account_login', 'product_question',
] as const
export type TicketIntent = (typeof TICKET_INTENTS)[number]

/**
 * Subject and body templates per intent. Slots: {order} order id, {product} product name, {days} days
 * waited, {date} order date, {name} the customer's name.
 */
export type TicketTemplates = Readonly<Record<TicketIntent, { subjects: readonly string[]; bodies: readonly string[] }>>
