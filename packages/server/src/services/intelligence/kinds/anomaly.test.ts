import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import { StoreFixture } from '../../../features/store/store-fixture.ts'
import type { Db } from '../../../store/db.ts'
import { trainModel, type TrainRunResult } from '../run-model.ts'
import { ANOMALY_MIN_ORDERS } from './anomaly.ts'
import { seedShop, type Shop } from './synthetic-shop.ts'

/**
 * Unusual orders on a synthetic shop (300 customers, a year of ordinary orders, 8 with profiling revoked)
 * with two planted oddities in the last 90 days: one huge order (40 units of a 500.00 product) and a burst
 * of six orders by one customer within an hour. T = 2025-07-01.
 */
const T = new Date('2025-07-01T00:00:00Z')
const START = new Date('2024-07-01T00:00:00Z')
const SCORE_FROM = new Date(T.getTime() - 90 * 86_400_000)

interface Flag { order_id: number; customer_id: number; score: number; band: string; reasons: Array<{ feature: string; value: number; typical: number; z: number }> }

for (const backend of backends()) {
  describe(`anomaly model on ${backend.name}`, () => {
    let db: Db
    let shop: Shop
    let run: TrainRunResult
    let huge: number
    let burst: number[]
    let flags: Flag[]
    before(async () => {
      db = await backend.open()
      shop = await seedShop(db, { customers: 300, start: START, end: T, revoked: 8 })
      const fx = new StoreFixture(db)
      const product = shop.products.Home?.[0] as number
      const [a, b] = shop.customerIds.slice(100, 102) as [number, number]
      huge = await fx.order(a, '2025-06-10T12:00:00Z', 'completed', 'web', [[product, 40, 500]])
      burst = []
      for (let k = 0; k < 6; k++) burst.push(await fx.order(b, `2025-06-20T03:${String(10 * k).padStart(2, '0')}:00Z`, 'completed', 'web', [[product, 1, 20]]))
      run = await trainModel({ db, actor: systemActor(1), asOf: T }, 'anomaly')
      flags = await db.query<Flag>('SELECT order_id, customer_id, score, band, reasons FROM order_flags WHERE workspace_id = 1')
    })
    after(() => db.close())

    test('scores the eligible orders of the last 90 days and flags about 5 % of them, with no primary metric', () => {
      assert.equal(run.status, 'active')
      assert.match(run.activation?.reason ?? '', /no active version/)
      const recent = shop.orders.filter((o) => o.orderedAt >= SCORE_FROM && !shop.revokedIds.has(o.customerId)).length + 1 + burst.length
      assert.equal(run.scored?.summary.orders_scored, recent)
      const share = run.scored?.summary.share_flagged as number
      assert.ok(share > 0.02 && share < 0.1, `share flagged ${share}`)
      assert.equal(run.metrics.orders_scored, recent)
    })

    test('the huge order is high with total or items among its reasons; the burst is flagged for velocity', () => {
      const big = flags.find((f) => Number(f.order_id) === huge)
      assert.equal(big?.band, 'high')
      assert.ok(big.reasons.some((r) => r.feature === 'total' || r.feature === 'items'), JSON.stringify(big.reasons))
      const last = flags.find((f) => Number(f.order_id) === burst[5])
      assert.ok(last, 'the sixth order of the burst is flagged')
      assert.equal(last.reasons[0]?.feature.startsWith('orders_prev_'), true, JSON.stringify(last.reasons))
    })

    test('only medium and high orders of the window are stored, each with ≤ 3 finite reasons', async () => {
      assert.ok(flags.length > 0)
      const placed = new Map(shop.orders.map((o) => [o.id, o.orderedAt]))
      for (const f of flags) {
        assert.ok(f.band === 'medium' || f.band === 'high')
        assert.ok(Number.isFinite(f.score) && f.score > 0 && f.score <= 1)
        const at = placed.get(Number(f.order_id))
        if (at) assert.ok(at >= SCORE_FROM, 'flagged orders are inside the scored window')
        assert.ok(f.reasons.length >= 1 && f.reasons.length <= 3)
        for (const r of f.reasons) for (const v of [r.value, r.typical, r.z]) assert.ok(Number.isFinite(v))
      }
      const bands = run.scored?.summary.bands as { medium: number; high: number }
      assert.equal(flags.length, bands.medium + bands.high)
    })

    test('orders of customers with profiling revoked are excluded and counted', async () => {
      assert.ok(!flags.some((f) => shop.revokedIds.has(Number(f.customer_id))))
      const theirs = shop.orders.filter((o) => o.orderedAt >= SCORE_FROM && shop.revokedIds.has(o.customerId)).length
      assert.ok(theirs > 0, 'the fixture gives revoked customers recent orders')
      assert.equal(run.scored?.summary.orders_excluded_no_profiling_consent, theirs)
      assert.equal(run.training.excludedNoProfilingConsent, shop.revokedIds.size)
    })

    test('too few orders → insufficient_data with the count', async () => {
      const [w] = await db.query<{ id: number }>(`INSERT INTO workspaces (slug, name) VALUES ('tiny', 'tiny') RETURNING id`)
      const ws = Number(w?.id)
      const tiny = await seedShop(db, { customers: 20, start: START, end: T, workspaceId: ws })
      const r = await trainModel({ db, actor: systemActor(ws), asOf: T }, 'anomaly')
      assert.equal(r.status, 'insufficient_data')
      assert.equal(r.reason, `needs ≥ ${ANOMALY_MIN_ORDERS} orders in the 365 days before 2025-07-01 to learn what is usual; this workspace has ${tiny.orders.length}`)
    })
  })
}
