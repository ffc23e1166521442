import assert from 'node:assert/strict'
import { test } from 'node:test'
import { generateDemoWithTruth } from './generate.ts'
import { TICKET_INTENTS } from './ticket-types.ts'
import type { TicketIntent } from './ticket-types.ts'

const { data, truth } = generateDemoWithTruth()

/** Words a human would key on for each intent, in either language. */
const CUES: Record<TicketIntent, RegExp> = {
  delivery_delay: /arrived|late|waiting|tracking|where is|还没|快递|物流|没收到|收到|催/i,
  refund_request: /refund|money back|退款/i,
  damaged_item: /damaged|broken|faulty|cracked|破|坏/i,
  change_address: /address|postcode|deliver order|地址|改寄|门牌/i,
  invoice: /invoice|receipt|发票/i,
  account_login: /log ?in|password|account|sign|登录|账号|验证码/i,
  product_question: /question|before i|dimensions|made of|safe|咨询|请问|想问|适合|尺寸|成分/i,
}

test('every intent occurs often enough to learn from', () => {
  const counts = new Map<TicketIntent, number>()
  for (const t of data.tickets) {
    const intent = truth.ticketIntent[t.external_id]
    assert.ok(intent, `${t.external_id} has no intent`)
    counts.set(intent, (counts.get(intent) ?? 0) + 1)
  }
  for (const intent of TICKET_INTENTS) assert.ok((counts.get(intent) ?? 0) >= 25, `${intent}: ${counts.get(intent) ?? 0}`)
})

test('ticket text carries its intent in words and is in the customer\'s language', () => {
  const chinese = new Set(data.customers.filter((c) => c.country === 'CN').map((c) => c.external_id))
  for (const t of data.tickets) {
    const intent = truth.ticketIntent[t.external_id] ?? 'product_question'
    const text = `${t.subject}\n${t.body ?? ''}`
    assert.match(text, CUES[intent], `${t.external_id} (${intent}): ${text}`)
    assert.equal(/[\u4e00-\u9fff]/.test(t.subject), chinese.has(t.customer_id), `${t.external_id} subject language`)
    assert.ok(!text.includes('{'), `${t.external_id} has an unfilled slot: ${text}`)
  }
})

test('refund requests that name an order name a refunded one', () => {
  const status = new Map(data.orders.map((o) => [o.external_id, o.status]))
  let named = 0
  for (const t of data.tickets) {
    if (truth.ticketIntent[t.external_id] !== 'refund_request') continue
    const m = /O\d{7}/.exec(`${t.subject} ${t.body ?? ''}`)
    if (!m) continue
    named++
    assert.equal(status.get(m[0]), 'refunded', `${t.external_id} names ${m[0]}`)
  }
  assert.ok(named > 10)
})

test('recent tickets are still open, old ones mostly closed', () => {
  const recent = data.tickets.filter((t) => t.opened_at >= '2026-10-31')
  const old = data.tickets.filter((t) => t.opened_at < '2026-09-01')
  assert.ok(recent.every((t) => t.status === 'open' || t.status === 'pending'))
  assert.ok(old.filter((t) => t.status === 'solved' || t.status === 'closed').length / old.length > 0.9)
})
