import assert from 'node:assert/strict'
import { test } from 'node:test'
import { classifyIntent, fitIntentModel } from './intent.ts'

const data: Array<[string, string]> = []
const templates: Record<string, string[]> = {
  card_arrival: ['my card has not arrived', 'where is my new card', 'card still not delivered', 'when will my card come', '我的卡还没到'],
  refund: ['i want a refund', 'how do i get my money back', 'refund my purchase please', 'request a refund now', '我要退款'],
  password: ['reset my password', 'i forgot my password', 'cannot log in password wrong', 'change my password', '忘记密码了'],
}
for (const [label, ts] of Object.entries(templates)) for (let r = 0; r < 4; r++) for (const t of ts) data.push([`${t}${r ? ` ${'please '.repeat(r)}` : ''}`, label])

test('intent model routes clear questions and tunes a threshold on validation', () => {
  const m = fitIntentModel(data.map((d) => d[0]), data.map((d) => d[1]))
  assert.ok(m.threshold >= 0 && m.threshold <= 1)
  assert.ok(m.validation.size > 0)
  const r = classifyIntent(m, 'I forgot my password')
  assert.equal(r.label, 'password')
  assert.equal(r.top.length, 3)
  assert.ok(Math.abs(r.top.reduce((s, t) => s + t.probability, 0) - 1) < 1e-9)
  assert.equal(classifyIntent(m, '我要退款').label, 'refund')
  // An impossible threshold means every question is handed off.
  const strict = { ...m, threshold: 1.1 }
  const h = classifyIntent(strict, 'where is my card')
  assert.equal(h.abstain, true)
  assert.equal(h.intent, null)
})
