import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { meanLift, pickWinner, proportionLift } from '@rapport/ml'
import { backends } from '../../../test/backends.ts'
import { StoreFixture } from '../../features/store/store-fixture.ts'
import type { Db } from '../../store/db.ts'
import { campaignResultsCsv } from './campaign-results-csv.ts'
import { insertCampaign, insertCustomers, insertLabels, insertOrders, insertRecipients, type OrderSpec, type RecipientSpec } from './campaign-results-fixture.ts'
import { campaignResults, type CampaignResults } from './campaign-results.ts'

const PLANNED = '2026-06-01T00:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(PLANNED) + hours * 3_600_000).toISOString()
const DAY = 24

/**
 * The world, by position i (1-based) in each group:
 * treated 200: i ≤ 120 variant A, else B. States: 191–196 failed, 197–200 uncertain, the rest sent; 181–185 bounced,
 *   the other sent ones delivered; opened i ≤ 60, clicked i ≤ 15, unsubscribed 50 and 51.
 *   Converters (30): 1–20 (A), 121–129 and 191 (B; 191 failed, yet counts: intent to treat). Each has an order of
 *   100, and i ≤ 5 one more of 50 → revenue 3250. Converter 20's order is at exactly planned_at + 7 days (counts).
 *   Not counted: 1's cancelled 999, 31's order the day before, 32's one second after the window, 33's at exactly
 *   planned_at, 34's refunded one.
 *   RFM: i ≤ 100 Champions, 101–150 At Risk, the rest unscored. Persona: i ≤ 10 Bargain hunters, the rest unscored.
 * holdout 50: converters 1, 2, 26, 27 (one order of 100 each) → revenue 400; 3 has a cancelled order.
 *   RFM: j ≤ 25 Champions, the rest unscored.
 * excluded: 3 no_consent, 2 suppressed.
 */
const TREATED_CONVERTERS = new Set([...range(1, 20), ...range(121, 129), 191])
const HOLDOUT_CONVERTERS = new Set([1, 2, 26, 27])

/** The i-th (1-based) element, failing the test when there is none. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i - 1]
  if (x === undefined) throw new Error(`no element ${i} of ${xs.length}`)
  return x
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k)
}

function treatedRecipient(customerId: number, i: number): RecipientSpec {
  const state = i >= 191 && i <= 196 ? 'failed' : i >= 197 ? 'uncertain' : 'sent'
  const sent = state === 'sent'
  const bounced = i >= 181 && i <= 185
  return {
    customer_id: customerId, grp: 'treated', variant: i <= 120 ? 'A' : 'B', state,
    sent_at: sent ? at(1) : null,
    delivered_at: sent && !bounced ? at(2) : null,
    bounced_at: bounced ? at(2) : null,
    opened_at: i <= 60 ? at(3) : null,
    clicked_at: i <= 15 ? at(4) : null,
    unsubscribed_at: i === 50 || i === 51 ? at(5) : null,
  }
}

/** Per-recipient revenue of the treated group, as the test states it (for the independent meanLift check). */
const treatedRevenue = (i: number) => (TREATED_CONVERTERS.has(i) ? (i <= 5 ? 150 : 100) : 0)
const holdoutRevenue = (j: number) => (HOLDOUT_CONVERTERS.has(j) ? 100 : 0)

const errorOf = (fn: () => Promise<unknown>) => fn().then(() => assert.fail('expected an error'), (e: unknown) => e as { code: string; message: string })

for (const backend of backends()) {
  describe(`campaign results on ${backend.name}`, () => {
    let db: Db
    let ws: number
    let campaignId: number
    let treated: number[]
    let holdout: number[]
    let r: CampaignResults

    before(async () => {
      db = await backend.open()
      ws = await new StoreFixture(db).workspace('results')
      const customers = await insertCustomers(db, ws, 'c', 255)
      treated = customers.slice(0, 200)
      holdout = customers.slice(200, 250)
      const excluded = customers.slice(250)
      campaignId = await insertCampaign(db, ws, { name: 'June', variants: ['A', 'B'], holdoutPct: 20, plannedAt: PLANNED })
      await insertRecipients(db, ws, campaignId, [
        ...treated.map((c, k) => treatedRecipient(c, k + 1)),
        ...holdout.map((c): RecipientSpec => ({ customer_id: c, grp: 'holdout', state: 'skipped', skip_reason: 'holdout' })),
        ...excluded.map((c, k): RecipientSpec => ({ customer_id: c, grp: 'excluded', state: 'skipped', skip_reason: k < 3 ? 'no_consent' : 'suppressed' })),
      ])
      const t = (i: number) => nth(treated, i)
      const orders: OrderSpec[] = []
      for (const i of TREATED_CONVERTERS) {
        orders.push({ customer_id: t(i), at: i === 20 ? at(7 * DAY) : at(30), status: 'completed', total: 100 })
        if (i <= 5) orders.push({ customer_id: t(i), at: at(50), status: 'paid', total: 50 })
      }
      orders.push(
        { customer_id: t(1), at: at(40), status: 'cancelled', total: 999 },
        { customer_id: t(31), at: at(-DAY), status: 'completed', total: 70 },
        { customer_id: t(32), at: new Date(Date.parse(at(7 * DAY)) + 1000).toISOString(), status: 'completed', total: 70 },
        { customer_id: t(33), at: PLANNED, status: 'completed', total: 70 },
        { customer_id: t(34), at: at(30), status: 'refunded', total: 70 },
      )
      for (const j of HOLDOUT_CONVERTERS) orders.push({ customer_id: nth(holdout, j), at: at(30), status: 'shipped', total: 100 })
      orders.push({ customer_id: nth(holdout, 3), at: at(30), status: 'cancelled', total: 500 })
      await insertOrders(db, ws, orders)
      await insertLabels(db, ws, 'rfm', [
        ...treated.slice(0, 150).map((c, k): [number, string] => [c, k < 100 ? 'Champions' : 'At Risk']),
        ...holdout.slice(0, 25).map((c): [number, string] => [c, 'Champions']),
      ])
      await insertLabels(db, ws, 'cluster', treated.slice(0, 10).map((c): [number, string] => [c, 'Bargain hunters']))

      // Another workspace reusing the same campaign id and customer ids, everyone a converter: none of it may leak in.
      const other = await new StoreFixture(db).workspace('results-other')
      const twins = await insertCustomers(db, other, 'twin', 0, treated.slice(0, 40))
      const otherCampaign = await insertCampaign(db, other, { name: 'June', variants: ['A', 'B'], holdoutPct: 20, plannedAt: PLANNED, id: campaignId })
      await insertRecipients(db, other, otherCampaign, twins.map((c): RecipientSpec => ({ customer_id: c, grp: 'holdout', state: 'skipped', skip_reason: 'holdout' })))
      await insertOrders(db, other, twins.map((c) => ({ customer_id: c, at: at(30), status: 'completed', total: 1000 })))
      await insertLabels(db, other, 'rfm', twins.map((c): [number, string] => [c, 'Leaked']))
      await insertLabels(db, other, 'cluster', twins.map((c): [number, string] => [c, 'Leaked']))

      r = await campaignResults(db, ws, campaignId, { now: new Date(at(3 * DAY)) })
    })
    after(async () => db?.close())

    test('group counts: recipients, send states and engagement of the treated group; the holdout is all skipped', () => {
      const { treated: t, holdout: h } = r
      assert.deepEqual(
        [t.recipients, t.sent, t.failed, t.uncertain, t.delivered, t.bounced, t.opened, t.clicked, t.unsubscribed],
        [200, 190, 6, 4, 185, 5, 60, 15, 2])
      assert.deepEqual([h.recipients, h.sent, h.opened, h.conversions], [50, 0, 0, 4])
      assert.deepEqual(r.excluded, { total: 5, by_reason: { no_consent: 3, suppressed: 2 } })
    })

    test('conversions and revenue count only uncancelled orders inside (planned_at, planned_at + 7 days]', () => {
      assert.equal(r.treated.conversions, 30)
      assert.equal(r.treated.revenue, 30 * 100 + 5 * 50)
      assert.equal(r.treated.revenue_sum_squares, 25 * 100 ** 2 + 5 * 150 ** 2)
      assert.equal(r.holdout.revenue, 400)
      assert.equal(r.holdout.revenue_sum_squares, 4 * 100 ** 2)
    })

    test('rates: opens and clicks over sent, conversion and revenue over all recipients', () => {
      assert.equal(r.treated.open_rate, 60 / 190)
      assert.equal(r.treated.click_rate, 15 / 190)
      assert.equal(r.treated.conversion_rate, 30 / 200)
      assert.equal(r.treated.revenue_per_recipient, 3250 / 200)
      assert.equal(r.holdout.open_rate, null)
      assert.equal(r.holdout.conversion_rate, 4 / 50)
    })

    test('lift: conversion difference with its Newcombe interval, revenue difference with its Welch interval, incremental values', () => {
      const conv = proportionLift({ n: 200, conversions: 30 }, { n: 50, conversions: 4 })
      assert.deepEqual(r.lift.conversion, conv)
      assert.ok(Math.abs((r.lift.conversion.diff ?? NaN) - 0.07) < 1e-12)
      const [low, high] = [r.lift.conversion.ci_low ?? NaN, r.lift.conversion.ci_high ?? NaN]
      assert.ok(low < 0.07 && 0.07 < high, `the interval ${low}..${high} holds the difference`)
      // The revenue interval from SQL sums equals the two-pass one over the per-recipient values.
      const rev = meanLift(range(1, 200).map(treatedRevenue), range(1, 50).map(holdoutRevenue))
      const got = r.lift.revenue_per_recipient
      for (const k of ['mean_treated', 'mean_control', 'diff', 'ci_low', 'ci_high', 'p_value'] as const) {
        assert.ok(Math.abs((got[k] ?? NaN) - (rev[k] ?? NaN)) < 1e-9, `${k}: ${got[k]} vs ${rev[k]}`)
      }
      assert.ok(Math.abs((got.diff ?? NaN) - 8.25) < 1e-12)
      assert.ok(Math.abs((r.lift.incremental_conversions.value ?? NaN) - 14) < 1e-9)
      assert.equal(r.lift.incremental_conversions.ci_low, (conv.ci_low ?? NaN) * 200)
      assert.equal(r.lift.incremental_conversions.ci_high, (conv.ci_high ?? NaN) * 200)
      assert.ok(Math.abs((r.lift.incremental_revenue.value ?? NaN) - 8.25 * 200) < 1e-9)
      assert.equal(r.lift.incremental_revenue.ci_low, (got.ci_low ?? NaN) * 200)
      assert.equal(r.lift.note, null)
    })

    test('variants: each variant counted apart and compared with the whole holdout; the better converter wins', () => {
      assert.deepEqual(r.variants.map((v) => [v.name, v.treated.recipients, v.treated.conversions, v.treated.failed]), [['A', 120, 20, 0], ['B', 80, 10, 6]])
      assert.deepEqual(r.variants[0]?.lift.conversion, proportionLift({ n: 120, conversions: 20 }, { n: 50, conversions: 4 }))
      assert.equal(r.variants[1]?.lift.incremental_conversions.value, (10 / 80 - 4 / 50) * 80)
      assert.deepEqual(r.winner, pickWinner([{ name: 'A', n: 120, conversions: 20 }, { name: 'B', n: 80, conversions: 10 }]))
      assert.equal(r.winner?.winner, 'A')
    })

    test('RFM breakdown: per segment treated against holdout, unscored customers apart, most recipients first', () => {
      const rows = r.breakdown.rfm.map((b) => [b.key, b.recipients, b.treated.conversions, b.holdout.recipients, b.holdout.conversions])
      assert.deepEqual(rows, [['Champions', 125, 20, 25, 2], ['unscored', 75, 1, 25, 2], ['At Risk', 50, 9, 0, 0]])
      const champions = nth(r.breakdown.rfm, 1)
      assert.deepEqual(champions.lift.conversion, proportionLift({ n: 100, conversions: 20 }, { n: 25, conversions: 2 }))
      assert.equal(champions.treated.revenue, 15 * 100 + 5 * 150)
      const atRisk = nth(r.breakdown.rfm, 3)
      assert.equal(atRisk.lift.conversion.diff, null)
      assert.match(atRisk.lift.note ?? '', /no holdout/)
    })

    test('persona breakdown: labelled customers and the unscored rest', () => {
      assert.deepEqual(r.breakdown.persona.map((b) => [b.key, b.treated.recipients, b.treated.conversions, b.holdout.recipients]),
        [['unscored', 190, 20, 50], ['Bargain hunters', 10, 10, 0]])
    })

    test('another workspace with the same campaign and customer ids leaks nothing, and sees only its own rows', async () => {
      assert.ok(![...r.breakdown.rfm, ...r.breakdown.persona].some((b) => b.key === 'Leaked'))
      assert.equal(r.holdout.recipients, 50)
      const other = await db.query<{ id: number }>(`SELECT id FROM workspaces WHERE slug = 'results-other'`)
      const o = await campaignResults(db, Number(other[0]?.id), campaignId, { now: new Date(at(3 * DAY)) })
      assert.deepEqual([o.treated.recipients, o.holdout.recipients, o.holdout.conversions, o.holdout.revenue], [0, 40, 40, 40_000])
      assert.deepEqual([o.breakdown.rfm.map((b) => b.key), o.breakdown.persona.map((b) => b.key)], [['Leaked'], ['Leaked']])
    })

    test('window_open: true until planned_at + attribution_days, false from then on', async () => {
      assert.equal(r.window_open, true)
      assert.equal(r.window_end, at(7 * DAY))
      const closed = await campaignResults(db, ws, campaignId, { now: new Date(at(7 * DAY)) })
      assert.equal(closed.window_open, false)
    })

    test('a campaign without holdout: lift fields are null with a note saying why, and one variant has no winner', async () => {
      const id = await insertCampaign(db, ws, { name: 'No holdout', variants: ['only'], holdoutPct: 0, plannedAt: PLANNED })
      await insertRecipients(db, ws, id, treated.slice(0, 10).map((c) => ({ customer_id: c, grp: 'treated', variant: 'only', state: 'sent', sent_at: at(1) })))
      const res = await campaignResults(db, ws, id, { now: new Date(at(3 * DAY)) })
      assert.equal(res.treated.conversions, 10)
      const { conversion, revenue_per_recipient: rev, incremental_conversions: inc, incremental_revenue: incRev } = res.lift
      assert.deepEqual([conversion.diff, conversion.ci_low, conversion.ci_high, conversion.p_value], [null, null, null, null])
      assert.deepEqual([rev.diff, rev.ci_low, rev.p_value, inc.value, inc.ci_low, incRev.value, incRev.ci_high], [null, null, null, null, null, null, null])
      assert.match(res.lift.note ?? '', /no holdout recipients/)
      assert.equal(res.winner, null)
    })

    test('a draft (no planned_at) is refused with precondition_failed; an unknown campaign is not_found', async () => {
      const id = await insertCampaign(db, ws, { name: 'Draft', variants: ['A'], holdoutPct: 10, plannedAt: null })
      const e = await errorOf(() => campaignResults(db, ws, id))
      assert.equal(e.code, 'precondition_failed')
      assert.match(e.message, /draft/)
      assert.equal((await errorOf(() => campaignResults(db, ws, 987_654))).code, 'not_found')
    })

    test('CSV: one row per scope, key and group with the counts and rates', () => {
      const lines = campaignResultsCsv(r).trim().split('\n')
      assert.equal(lines[0], 'scope,key,group,recipients,sent,failed,uncertain,delivered,bounced,opened,clicked,unsubscribed,conversions,revenue,open_rate,click_rate,conversion_rate,revenue_per_recipient')
      // all ×2, variants ×2, rfm 3 keys ×2, persona 2 keys ×2.
      assert.equal(lines.length, 1 + 2 + 2 + 6 + 4)
      assert.equal(lines[1], `all,,treated,200,190,6,4,185,5,60,15,2,30,3250,${60 / 190},${15 / 190},0.15,16.25`)
      assert.equal(lines[2], 'all,,holdout,50,0,0,0,0,0,0,0,0,4,400,,,0.08,8')
      assert.ok(lines.includes('rfm,At Risk,holdout,0,0,0,0,0,0,0,0,0,0,0,,,,'))
      assert.ok(lines.includes('persona,Bargain hunters,treated,10,10,0,0,10,0,10,10,0,10,1250,1,1,1,125'))
    })
  })
}
