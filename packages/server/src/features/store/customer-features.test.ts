import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import type { Db } from '../../store/db.ts'
import { customerFeatures } from './customer-features.ts'
import { cell } from './feature-cells.ts'
import { AS_OF, seedHandMadeWorkspace, type HandMadeIds } from './hand-made-workspace.ts'

/** Expected values, worked out by hand from hand-made-workspace.ts. NaN = missing number, null = missing level. */
const A: Record<string, number | string | null> = {
  recency_days: 10, // last completed order 2025-06-21
  frequency: 3,
  monetary: 350,
  tenure_days: 547, // 2024-01-01 → 2025-07-01 (2024 is a leap year)
  orders_30d: 1, revenue_30d: 100,
  orders_90d: 2, revenue_90d: 150, // the 2025-04-02 order sits exactly on the window start
  orders_365d: 3, revenue_365d: 350,
  avg_order_value: 350 / 3,
  mean_days_between_orders: 145, // (2025-06-21 − 2024-09-04) / 2 = 290 / 2
  cancel_refund_rate: 2 / 5,
  category_share_Home: 200 / 350, category_share_Tea: 110 / 350, category_share_Snacks: 40 / 350, // cancelled Tea line not counted
  channel_share_web: 2 / 3, channel_share_app: 1 / 3, channel_share_store: 0, channel_share_marketplace: 0, channel_share_phone: 0,
  events_view_30d: 1, events_view_90d: 2,
  events_add_to_cart_30d: 1, events_add_to_cart_90d: 1,
  events_email_open_30d: 0, events_email_open_90d: 0,
  events_email_click_30d: 1, events_email_click_90d: 1,
  events_login_30d: 1, events_login_90d: 1,
  events_search_30d: 0, events_wishlist_90d: 0,
  days_since_last_event: 1 / 86400,
  reviews_count: 3, reviews_mean_rating: 8 / 3, reviews_negative_share: 2 / 3,
  tickets_count: 2, tickets_open_current: 1, tickets_negative_share: 0.5,
  consent_email: 'revoked', consent_sms: 'granted',
  age_years: 34, age_band: '25-34', // 35 only on 2025-07-02
  city: '上海', gender: 'female', signup_channel: 'wechat',
}

const B: Record<string, number | string | null> = {
  recency_days: Number.NaN, frequency: 0, monetary: 0, tenure_days: 16, orders_30d: 0, revenue_365d: 0,
  avg_order_value: Number.NaN, mean_days_between_orders: Number.NaN, cancel_refund_rate: Number.NaN,
  category_share_Tea: Number.NaN, channel_share_web: Number.NaN, events_view_30d: 0, days_since_last_event: Number.NaN,
  reviews_count: 0, reviews_mean_rating: Number.NaN, reviews_negative_share: Number.NaN,
  tickets_count: 0, tickets_open_current: 0, tickets_negative_share: Number.NaN,
  consent_email: null, consent_sms: null, age_years: Number.NaN, age_band: null, city: null, gender: null, signup_channel: null,
}

const C: Record<string, number | string | null> = {
  tenure_days: 30, recency_days: 30, frequency: 1, orders_30d: 1, mean_days_between_orders: Number.NaN,
  category_share_Snacks: 1, category_share_Home: 0, category_share_Tea: 0, channel_share_marketplace: 1, channel_share_web: 0,
}

function assertRow(got: (name: string) => number | string | null, expected: Record<string, number | string | null>, who: string): void {
  for (const [name, want] of Object.entries(expected)) {
    const v = got(name)
    if (typeof want === 'number' && Number.isNaN(want)) assert.ok(typeof v === 'number' && Number.isNaN(v), `${who}.${name}: ${v} should be missing`)
    else if (typeof want === 'number') assert.ok(typeof v === 'number' && Math.abs(v - want) < 1e-9, `${who}.${name}: ${v} ≠ ${want}`)
    else assert.equal(v, want, `${who}.${name}`)
  }
}

for (const backend of backends()) {
  describe(`customerFeatures on ${backend.name}`, () => {
    let db: Db
    let ids: HandMadeIds
    before(async () => {
      db = await backend.open()
      ids = await seedHandMadeWorkspace(db)
    })
    after(() => db.close())

    test('hand-computed values for every feature group, as of AS_OF', async () => {
      const f = await customerFeatures(db, 1, { asOf: AS_OF })
      assert.deepEqual(f.spec.categories, ['Home', 'Tea', 'Snacks'], 'top categories by completed line revenue; other workspace’s Zeta absent')
      assertRow((n) => cell(f, ids.a, n), A, 'A')
      assertRow((n) => cell(f, ids.b, n), B, 'B')
      assertRow((n) => cell(f, ids.c, n), C, 'C')
      const kinds = Object.fromEntries(f.frame.columns.map((c) => [c.name, c.kind]))
      for (const name of ['consent_email', 'consent_sms', 'age_band', 'city', 'gender', 'signup_channel']) assert.equal(kinds[name], 'categorical', name)
      assert.equal(kinds.recency_days, 'numeric')
      for (const col of f.frame.columns) {
        if (col.kind === 'categorical') assert.equal(col.codes.length, f.frame.nRows)
        else assert.equal(col.values.length, f.frame.nRows)
      }
    })

    test('rows: signed up or active before AS_OF; profiling revoked (as of now) excluded and counted', async () => {
      const f = await customerFeatures(db, 1, { asOf: AS_OF })
      assert.deepEqual(Array.from(f.customerIds), [ids.a, ids.b, ids.c, ids.g], 'D/E not eligible; F, H (tie → revoked), I (revoked after AS_OF) excluded')
      assert.equal(f.excludedNoProfilingConsent, 3)
      assert.equal(f.frame.nRows, 4)
    })

    test('consentCheckedAt = AS_OF keeps a customer who revoked profiling only later', async () => {
      const f = await customerFeatures(db, 1, { asOf: AS_OF, consentCheckedAt: AS_OF })
      assert.deepEqual(Array.from(f.customerIds), [ids.a, ids.b, ids.c, ids.g, ids.i])
      assert.equal(f.excludedNoProfilingConsent, 2)
    })

    test('customerIds restricts the rows and the exclusion count; categories can be given or limited', async () => {
      const some = await customerFeatures(db, 1, { asOf: AS_OF, customerIds: [ids.a, ids.d, ids.f] })
      assert.deepEqual(Array.from(some.customerIds), [ids.a])
      assert.equal(some.excludedNoProfilingConsent, 1)
      assert.deepEqual(some.spec.categories, ['Home', 'Tea', 'Snacks'], 'categories stay workspace-wide')
      const two = await customerFeatures(db, 1, { asOf: AS_OF, topCategories: 2 })
      assert.deepEqual(two.spec.categories, ['Home', 'Tea'])
      assert.deepEqual(two.frame.columns.filter((c) => c.name.startsWith('category_share_')).map((c) => c.name), ['category_share_Home', 'category_share_Tea'])
      const given = await customerFeatures(db, 1, { asOf: AS_OF, categories: ['Snacks', 'Garden'] })
      assert.equal(cell(given, ids.a, 'category_share_Snacks'), 40 / 350)
      assert.equal(cell(given, ids.a, 'category_share_Garden'), 0, 'a category nobody bought has share 0')
      const none = await customerFeatures(db, 1, { asOf: AS_OF, categories: [] })
      assert.equal(none.frame.columns.filter((c) => c.name.startsWith('category_share_')).length, 0)
      assert.equal(none.frame.nRows, 4)
    })

    test('workspaces are separate', async () => {
      const f = await customerFeatures(db, ids.otherWorkspace, { asOf: AS_OF })
      assert.equal(f.frame.nRows, 1)
      assert.deepEqual(f.spec.categories, ['Zeta'])
      assert.equal(cell(f, f.customerIds[0] as number, 'monetary'), 10_000)
    })

    test('pointInTimeOnly drops the current-status ticket column', async () => {
      const f = await customerFeatures(db, 1, { asOf: AS_OF, pointInTimeOnly: true })
      const names = f.frame.columns.map((c) => c.name)
      assert.ok(!names.includes('tickets_open_current'))
      assert.ok(names.includes('tickets_count'))
    })
  })
}
