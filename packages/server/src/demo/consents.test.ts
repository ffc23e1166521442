import assert from 'node:assert/strict'
import { test } from 'node:test'
import { consentAt } from './consents.ts'
import type { ConsentChange } from './consents.ts'
import { generateDemo } from './generate.ts'

test('consentAt: the last change at or before the time wins, per channel', () => {
  const h: ConsentChange[] = [
    { channel: 'email', granted: true, ms: 10, source: 'signup_form' },
    { channel: 'sms', granted: false, ms: 10, source: 'signup_form' },
    { channel: 'email', granted: false, ms: 20, source: 'unsubscribe_link' },
    { channel: 'email', granted: true, ms: 30, source: 'preference_centre' },
  ]
  assert.equal(consentAt(h, 'email', 5), false)
  assert.equal(consentAt(h, 'email', 10), true)
  assert.equal(consentAt(h, 'email', 25), false)
  assert.equal(consentAt(h, 'email', 31), true)
  assert.equal(consentAt(h, 'sms', 31), false)
})

const data = generateDemo({ customers: 2000, seed: 3 })

test('each reachable customer records a choice at signup; some revoke later; history is in time order', () => {
  const byCustomer = new Map<string, typeof data.consents>()
  for (const c of data.consents) byCustomer.set(c.customer_id, [...(byCustomer.get(c.customer_id) ?? []), c])
  let revokedLater = 0
  for (const cust of data.customers) {
    const h = byCustomer.get(cust.external_id) ?? []
    const email = h.filter((c) => c.channel === 'email')
    assert.equal(email.length > 0, cust.email !== undefined, `${cust.external_id} email consent without address or missing`)
    assert.equal(h.some((c) => c.channel === 'sms'), cust.phone !== undefined, `${cust.external_id} sms`)
    for (const ch of [email, h.filter((c) => c.channel === 'sms')]) {
      if (ch.length === 0) continue
      assert.equal(ch[0]?.source, 'signup_form')
      if (ch[0]?.status === 'granted' && ch.some((c) => c.status === 'revoked')) revokedLater++
    }
    for (let i = 1; i < h.length; i++) assert.ok((h[i - 1]?.recorded_at ?? '') <= (h[i]?.recorded_at ?? ''))
  }
  assert.ok(revokedLater > 50, `revoked later: ${revokedLater}`)
})

test('email and SMS events happen only while the customer consents to that channel', () => {
  const history = new Map<string, { channel: string; status: string; at: string }[]>()
  for (const c of data.consents) history.set(c.customer_id, [...(history.get(c.customer_id) ?? []), { channel: c.channel, status: c.status, at: c.recorded_at }])
  const channelOf: Record<string, string> = { email_open: 'email', email_click: 'email', sms_click: 'sms' }
  let checked = 0
  for (const e of data.events) {
    const channel = channelOf[e.type]
    if (!channel) continue
    checked++
    let granted = false
    for (const c of history.get(e.customer_id) ?? []) if (c.channel === channel && c.at <= e.occurred_at) granted = c.status === 'granted'
    assert.ok(granted, `${e.external_id} ${e.type} without ${channel} consent`)
  }
  assert.ok(checked > 1000, `only ${checked} campaign events`)
})
