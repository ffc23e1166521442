import type { Db } from '../../packages/server/src/store/db.ts'

/** Ticket texts by intent, zh and en, with a number appended so they are not all identical. */
const TEXTS: Record<string, [string, string]> = {
  delivery_delay: ['我的快递一周了还没到，订单号', 'My parcel has not arrived after a week, order'],
  refund_request: ['我要退款，商品不想要了，订单', 'I want a refund for my order'],
  damaged_item: ['收到的商品破损了，包装也坏了，订单', 'The item arrived broken and the box was damaged, order'],
  change_address: ['请帮我修改收货地址，订单', 'Please change the delivery address of order'],
  invoice: ['请帮我开发票，公司抬头，订单', 'Please send me an invoice for order'],
  account_login: ['我登录不了账号，密码重置也不行', 'I cannot log in to my account, password reset fails'],
  product_question: ['这个产品适合敏感肌吗？商品', 'Is this product suitable for sensitive skin? item'],
}
export const INTENTS = Object.keys(TEXTS)

/**
 * A desk workspace built in SQL: `customers` customers, `tickets` tickets over the last two years (the last
 * `openShare` of them unfinished), `labelled` finished ones
 * carrying an agent's intent label; conversations and first messages come from the insert trigger.
 */
export async function buildDeskData(db: Db, ws: number, o: { customers: number; tickets: number; openShare: number; labelled: number; agents: number[]; teams: number[] }): Promise<void> {
  await db.query(
    `INSERT INTO customers (workspace_id, external_id, name, email) SELECT $1, 'C' || g, 'Customer ' || g, 'c' || g || '@example.com' FROM generate_series(1, $2) g`,
    [ws, o.customers])
  const texts = INTENTS.flatMap((k) => TEXTS[k] ?? [])
  const finished = Math.round(o.tickets * (1 - o.openShare))
  // Tickets in chunks so the trigger's transition tables stay modest.
  for (let from = 1; from <= o.tickets; from += 20000) {
    const to = Math.min(o.tickets, from + 19999)
    await db.query(
      `INSERT INTO tickets (workspace_id, external_id, customer_id, channel, subject, body, status, priority, opened_at)
       SELECT $1, 'T' || g, c.id, (ARRAY['email','chat','web','app','phone'])[1 + g % 5], 'Ticket ' || g,
              ($4::text[])[1 + g % array_length($4::text[], 1)] || ' ' || g,
              CASE WHEN g <= $5 THEN (ARRAY['solved','closed'])[1 + g % 2] ELSE (ARRAY['new','open','pending'])[1 + g % 3] END,
              (ARRAY['low','normal','high','urgent'])[1 + g % 4], now() - ($6 - g) * interval '10 minutes'
         FROM generate_series($2::int, $3::int) g JOIN customers c ON c.workspace_id = $1 AND c.external_id = 'C' || (1 + g % $7)`,
      [ws, from, to, texts, finished, o.tickets, o.customers])
  }
  // Agents' labels on the latest finished tickets (the intent model's training data).
  await db.query(
    `UPDATE conversations c SET intent = ($3::text[])[1 + ((substring(t.external_id from 2)::int % 14) / 2)], intent_source = 'agent', intent_confidence = 1
       FROM tickets t WHERE t.workspace_id = $1 AND t.id = c.ticket_id AND c.workspace_id = $1
        AND t.status IN ('solved', 'closed') AND t.id > (SELECT max(id) FROM tickets WHERE workspace_id = $1 AND status IN ('solved', 'closed')) - $2`,
    [ws, o.labelled, INTENTS])
  await db.query('ANALYZE tickets; ANALYZE conversations; ANALYZE ticket_messages; ANALYZE customers')
}

/** The unfinished conversations triaged, half of them assigned (agents in turn), a tenth needing triage, over the teams. */
export async function spreadOpenConversations(db: Db, ws: number, agents: readonly number[], teams: readonly number[]): Promise<void> {
  await db.query(
    `UPDATE conversations c SET triage_state = CASE WHEN t.id % 10 = 0 THEN 'needs_triage' ELSE 'done' END,
            assignee_id = CASE WHEN t.id % 2 = 0 THEN ($2::int8[])[1 + (t.id / 2) % array_length($2::int8[], 1)] END,
            team_id = ($3::int8[])[1 + t.id % array_length($3::int8[], 1)]
       FROM tickets t WHERE t.workspace_id = $1 AND t.id = c.ticket_id AND c.workspace_id = $1 AND t.status IN ('new', 'open', 'pending')`,
    [ws, [...agents], [...teams]])
  await db.query('ANALYZE conversations')
}

/** A text of this intent for a new conversation. */
export const textOf = (intent: string, i: number): string => `${(TEXTS[intent] ?? TEXTS.invoice ?? [''])[i % 2]} ${900000 + i}`
