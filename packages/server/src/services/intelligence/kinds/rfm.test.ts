import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { rfmSegment } from '@rapport/ml'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import { StoreFixture } from '../../../features/store/store-fixture.ts'
import type { Db } from '../../../store/db.ts'
import { versionById } from '../model-versions.ts'
import { rescoreModel, trainModel } from '../run-model.ts'

/**
 * RFM on a hand-made workspace: 25 buyers where buyer i (1..25) has i completed orders, the last one
 * (26 − i) × 10 days before T, the last of total 100 and the others 0 (so buyer i's recency and order count
 * both rank i-th, and every buyer spent 100: monetary is tied). With distinct values, the quintile of rank
 * i among 25 is ⌈i / 5⌉, so r = f = ⌈i / 5⌉ and m = 3 (all tied: mid-rank 13 → ⌈65 / 25⌉). Also present:
 * a customer with only a cancelled order, one without orders, one whose only order is after T, and a buyer
 * whose profiling consent is revoked: none of them gets a row; the revoked one is counted.
 */
const T = new Date('2025-07-01T00:00:00Z')
const T2 = new Date('2025-08-01T00:00:00Z')
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()
const actor = systemActor(1)

for (const backend of backends()) {
  describe(`rfm kind (${backend.name})`, () => {
    let db: Db
    let fx: StoreFixture
    let product: number
    const buyers: number[] = []
    let revoked: number
    before(async () => {
      db = await backend.open()
      fx = new StoreFixture(db)
      product = await fx.product('Tea')
      for (let i = 1; i <= 25; i++) {
        const c = await fx.customer({ signup_at: '2024-01-01T00:00:00Z' })
        buyers.push(c)
        const last = T.getTime() - (26 - i) * 10 * DAY
        for (let k = 0; k < i; k++) await fx.order(c, iso(last - k * DAY), 'completed', 'web', [], k === 0 ? 100 : 0)
      }
      const cancelled = await fx.customer()
      await fx.order(cancelled, '2025-03-01T00:00:00Z', 'cancelled', 'web', [[product, 1, 50]])
      await fx.customer({ signup_at: '2024-01-01T00:00:00Z' })
      const later = await fx.customer()
      await fx.order(later, '2025-07-15T00:00:00Z', 'completed', 'web', [[product, 1, 50]])
      revoked = await fx.customer()
      await fx.order(revoked, '2025-06-01T00:00:00Z', 'completed', 'web', [[product, 1, 500]])
      await fx.consent(revoked, 'email', 'profiling', 'revoked', '2025-01-01T00:00:00Z')
    })
    after(() => db.close())

    test('only buyers before T get a row, with r = f = ⌈rank / 5⌉, m = 3 and the grid segment', async () => {
      const r = await trainModel({ db, actor, asOf: T }, 'rfm')
      assert.equal(r.status, 'active')
      assert.equal(r.training.excludedNoProfilingConsent, 1)
      assert.equal(r.scored?.rows, 25)
      const rows = await db.query<{ customer_id: number; score: number; label: string; details: { r: number; f: number; m: number; recency_days: number; frequency: number; monetary: number } }>(
        `SELECT customer_id, score, label, details FROM customer_scores WHERE workspace_id = 1 AND kind = 'rfm' ORDER BY customer_id`,
      )
      assert.deepEqual(rows.map((x) => Number(x.customer_id)), buyers)
      rows.forEach((x, k) => {
        const i = k + 1
        const q = Math.ceil(i / 5)
        assert.deepEqual({ r: x.details.r, f: x.details.f, m: x.details.m }, { r: q, f: q, m: 3 }, `buyer ${i}`)
        assert.equal(x.details.recency_days, (26 - i) * 10)
        assert.equal(x.details.frequency, i)
        assert.equal(x.details.monetary, 100)
        assert.equal(x.score, 2 * q + 3)
        assert.equal(x.label, rfmSegment(q, q))
      })
      const report = (await versionById(db, 1, r.versionId))?.report as { grid: Array<{ r: number; f: number; customers: number }>; segments: Array<{ segment: string; customers: number }> }
      for (const cell of report.grid) assert.equal(cell.customers, cell.r === cell.f ? 5 : 0, `cell r${cell.r} f${cell.f}`)
      assert.equal(report.segments.find((s) => s.segment === 'Champions')?.customers, 5)
      const open = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer_segment_history WHERE workspace_id = 1 AND kind = 'rfm' AND exited_at IS NULL`)
      assert.equal(open[0]?.n, 25)
    })

    test('a later run moves a customer: the old history row closes at T2, a new one opens; a revoked customer loses the row', async () => {
      const first = buyers[0] as number // Lost: r = f = 1
      for (let k = 0; k < 40; k++) await fx.order(first, iso(T2.getTime() - (k + 1) * DAY), 'completed', 'web', [[product, 1, 10]])
      const gone = buyers[24] as number
      await fx.consent(gone, 'email', 'profiling', 'revoked', '2025-07-10T00:00:00Z')
      await trainModel({ db, actor, asOf: T2 }, 'rfm')
      const history = await db.query<{ customer_id: number; segment: string; entered_at: Date | string; exited_at: Date | string | null }>(
        `SELECT customer_id, segment, entered_at, exited_at FROM customer_segment_history WHERE workspace_id = 1 AND kind = 'rfm' AND customer_id = ANY($1::bigint[]) ORDER BY id`,
        [`{${first},${gone}}`],
      )
      const ms = (v: Date | string | null) => (v === null ? null : new Date(v).getTime())
      const mine = history.filter((h) => Number(h.customer_id) === first)
      assert.deepEqual(mine.map((h) => [h.segment, ms(h.entered_at), ms(h.exited_at)]), [['Lost', T.getTime(), T2.getTime()], ['Champions', T2.getTime(), null]])
      const theirs = history.filter((h) => Number(h.customer_id) === gone)
      assert.deepEqual(theirs.map((h) => [h.segment, ms(h.exited_at)]), [['Champions', T2.getTime()]])
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer_scores WHERE workspace_id = 1 AND kind = 'rfm' AND customer_id = $1`, [gone])
      assert.equal(row?.n, 0)
      const rescored = await rescoreModel({ db, actor, asOf: T2 }, 'rfm')
      assert.equal(rescored?.rows, 25, '26 buyers before T2, one revoked')
    })

    test('fewer than 20 buyers: insufficient data with the count', async () => {
      const r = await trainModel({ db, actor, asOf: new Date('2025-04-01T00:00:00Z') }, 'rfm')
      assert.equal(r.status, 'insufficient_data')
      assert.match(r.reason ?? '', /^needs ≥ 20 customers with a completed order before 2025-04-01; this workspace has (\d+)$/)
      assert.ok(Number(/has (\d+)$/.exec(r.reason ?? '')?.[1]) < 20)
    })
  })
}
