import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import { seedHandMadeWorkspace, AS_OF as HAND_MADE_AS_OF } from '../../../features/store/hand-made-workspace.ts'
import { StoreFixture } from '../../../features/store/store-fixture.ts'
import { arrayLiteral } from '../../../store/array-literal.ts'
import type { Db } from '../../../store/db.ts'
import { clvAnalysis } from '../../analytics/clv.ts'
import { trainModel, type TrainRunResult } from '../run-model.ts'
import { CLV_MIN_REPEAT_CUSTOMERS } from './clv.ts'

const DAY = 86_400_000
const START = Date.parse('2023-07-01T00:00:00Z')
const AS_OF = new Date('2025-07-01T00:00:00Z')
const CALIBRATION_END = '2024-12-31'

/** A small deterministic generator (mulberry32), so the simulated workspace is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Purchase { customer: number; at: number; total: number }

/**
 * 160 customers buying as BG/NBD assumes: a first purchase in the first 180 days, then purchases at a
 * personal rate, each followed by a personal chance of leaving. The first customer also buys twice on the
 * day of their first purchase (one transaction, as the CLV literature counts).
 */
function simulate(n: number): Purchase[][] {
  const random = rng(7)
  const out: Purchase[][] = []
  for (let c = 0; c < n; c++) {
    const rate = 0.01 + 0.05 * random()
    const leave = 0.05 + 0.3 * random()
    const spend = 20 + 80 * random()
    const lines: Purchase[] = []
    let t = START + Math.floor(random() * 180) * DAY + Math.floor(random() * 20) * 3_600_000
    while (t < AS_OF.getTime()) {
      lines.push({ customer: c, at: t, total: Math.round(spend * (0.5 + random()) * 100) / 100 })
      if (random() < leave) break
      t += Math.max(1, -Math.log(1 - random()) / rate) * DAY
    }
    out.push(lines)
  }
  const first = out[0]?.[0] as Purchase
  out[0]?.splice(1, 0, { customer: 0, at: first.at + 3_600_000, total: 12.5 })
  return out
}

async function insertPurchases(db: Db, ids: number[], purchases: Purchase[]): Promise<void> {
  await db.query(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, status, total)
     SELECT 1, 'sim' || u.n, u.customer_id, u.at, 'completed', u.total
       FROM unnest($1::bigint[], $2::timestamptz[], $3::numeric[]) WITH ORDINALITY AS u(customer_id, at, total, n)`,
    [arrayLiteral(purchases.map((p) => ids[p.customer])), arrayLiteral(purchases.map((p) => new Date(p.at).toISOString())), arrayLiteral(purchases.map((p) => p.total))],
  )
}

for (const backend of backends()) {
  describe(`clv model on a simulated workspace (${backend.name})`, () => {
    let db: Db
    const actor = systemActor(1)
    let explicit: TrainRunResult
    let simulated: Purchase[][]
    let ids: number[]
    let revoked: number
    let cancelledOnly: number
    let signupOnly: number
    before(async () => {
      db = await backend.open()
      const fx = new StoreFixture(db)
      simulated = simulate(160)
      ids = []
      for (let c = 0; c < simulated.length; c++) ids.push(await fx.customer({ signup_at: new Date(START).toISOString() }))
      await insertPurchases(db, ids, simulated.flat())
      // Profiling revoked before AS_OF, with orders: no score, left out of training, counted.
      revoked = await fx.customer({ signup_at: '2023-08-01T00:00:00Z' })
      for (const at of ['2023-08-02', '2023-10-02', '2024-02-02']) await fx.order(revoked, `${at}T10:00:00Z`, 'completed', 'web', [], 40)
      await fx.consent(revoked, 'email', 'profiling', 'revoked', '2025-03-01T00:00:00Z')
      // No completed order (one cancelled), and no order at all: value 0, a finite P(alive).
      cancelledOnly = await fx.customer({ signup_at: '2024-03-01T00:00:00Z' })
      await fx.order(cancelledOnly, '2024-03-02T00:00:00Z', 'cancelled', 'web', [], 90)
      signupOnly = await fx.customer({ signup_at: '2025-01-01T00:00:00Z' })
      explicit = await trainModel({ db, actor, asOf: AS_OF }, 'clv', { calibration_end: CALIBRATION_END })
    })
    after(() => db.close())

    test('with an explicit calibration end the stored parameters are the calibration fit of `rapport analyze clv`', () => {
      assert.equal(explicit.status, 'active')
      // The CLI path on the same purchases: the revoked customer's are not there, as on the platform.
      const lines = simulated.flat()
      const cli = clvAnalysis(
        {
          customerIds: ids.map(String), dropped: 0,
          customer: Int32Array.from(lines, (p) => p.customer),
          day: Float64Array.from(lines, (p) => Math.floor(p.at / DAY)),
          amount: Float64Array.from(lines, (p) => p.total),
        },
        {
          model: 'bgnbd', timeUnit: 'week', calibrationEnd: Date.parse(`${CALIBRATION_END}T00:00:00Z`) / DAY,
          observationEnd: Math.floor((AS_OF.getTime() - 1) / DAY), clvMonths: 12, discountRate: 0.01, source: 'test',
        },
      )
      const fitted = explicit.fitted as Record<string, number>
      const expected = { ...cli.summary.params, ...cli.summary.gammaGamma?.params } as Record<string, number>
      assert.deepEqual(Object.keys(expected).sort(), ['a', 'alpha', 'b', 'gamma', 'p', 'q', 'r'])
      for (const [k, v] of Object.entries(expected)) assert.ok(Math.abs((fitted[k] as number) / v - 1) < 1e-6, `${k}: ${fitted[k]} vs the CLI's ${v}`)
      assert.equal(explicit.fitted?.fitted_on, `calibration period to ${CALIBRATION_END}`)
      const mae = explicit.metrics.holdout_purchase_mae as number
      assert.ok(Math.abs(mae - (cli.summary.holdout?.meanAbsoluteError as number)) < 1e-6, `holdout MAE ${mae} vs ${cli.summary.holdout?.meanAbsoluteError}`)
      assert.equal(explicit.training.rows.calibration_customers, cli.summary.customers)
    })

    test('the backtest table groups calibration customers by frequency 0..7+ and the fit beats the x/T baseline', () => {
      const report = explicit.metrics
      assert.ok((report.holdout_purchase_mae as number) < (report.baseline_holdout_purchase_mae as number), `${report.holdout_purchase_mae} vs ${report.baseline_holdout_purchase_mae}`)
      assert.ok(Number.isFinite(report.log_likelihood) && (report.log_likelihood as number) < 0)
      assert.ok(Number.isFinite(report.value_mae))
    })

    test('stored rows are the eligible customers with profiling allowed, all finite; the revoked one is counted', async () => {
      const rows = await db.query<{ customer_id: number; score: number; percentile: number; label: string | null; details: Record<string, number> }>(
        `SELECT customer_id::float8 AS customer_id, score::float8 AS score, percentile::float8 AS percentile, label, details FROM customer_scores WHERE workspace_id = 1 AND kind = 'clv'`,
      )
      const stored = new Set(rows.map((r) => Number(r.customer_id)))
      assert.deepEqual([...stored].sort((a, b) => a - b), [...ids, cancelledOnly, signupOnly].sort((a, b) => a - b))
      assert.ok(!stored.has(revoked))
      assert.equal(explicit.training.excludedNoProfilingConsent, 1)
      assert.equal(explicit.scored?.rows, ids.length + 2)
      for (const r of rows) {
        assert.equal(r.label, null)
        assert.ok(Number.isFinite(r.score) && r.score >= 0, `score ${r.score}`)
        assert.ok(r.percentile >= 0 && r.percentile <= 100)
        for (const k of ['p_alive', 'expected_orders', 'frequency', 'recency', 'T', 'mean_spend']) assert.ok(Number.isFinite(r.details[k]), `${k} of ${r.customer_id}: ${r.details[k]}`)
        assert.ok((r.details.p_alive as number) >= 0 && (r.details.p_alive as number) <= 1)
      }
      const buyers = rows.filter((r) => ids.includes(Number(r.customer_id)))
      assert.ok(buyers.filter((r) => r.score > 0).length === buyers.length, 'every simulated buyer has a positive value')
    })

    test('customers without a completed order get value 0, no expected orders and a finite P(alive)', async () => {
      const rows = await db.query<{ score: number; details: Record<string, number> }>(
        `SELECT score::float8 AS score, details FROM customer_scores WHERE workspace_id = 1 AND kind = 'clv' AND customer_id = ANY($1::bigint[])`,
        [arrayLiteral([cancelledOnly, signupOnly])],
      )
      assert.equal(rows.length, 2)
      for (const r of rows) {
        assert.equal(r.score, 0)
        assert.equal(r.details.expected_orders, 0)
        assert.equal(r.details.frequency, 0)
        assert.ok(Number.isFinite(r.details.p_alive) && (r.details.p_alive as number) >= 0 && (r.details.p_alive as number) <= 1)
      }
    })

    test('without a calibration end the version is refitted on all data and its backtest uses the last holdout_days', async () => {
      const r = await trainModel({ db, actor, asOf: AS_OF }, 'clv', { holdout_days: 120 })
      assert.equal(r.training.window.calibration_end, '2025-03-02')
      assert.equal(r.fitted?.fitted_on, 'all data to 2025-06-30')
      const lines = simulated.flat()
      const all = clvAnalysis(
        { customerIds: ids.map(String), dropped: 0, customer: Int32Array.from(lines, (p) => p.customer), day: Float64Array.from(lines, (p) => Math.floor(p.at / DAY)), amount: Float64Array.from(lines, (p) => p.total) },
        { model: 'bgnbd', timeUnit: 'week', calibrationEnd: Math.floor((AS_OF.getTime() - 1) / DAY), clvMonths: 12, discountRate: 0.01, source: 'test' },
      )
      for (const [k, v] of Object.entries(all.summary.params)) {
        assert.ok(Math.abs(((r.fitted as Record<string, number>)[k] as number) / v - 1) < 1e-4, `${k}: ${(r.fitted as Record<string, number>)[k]} vs the CLI's all-data fit ${v}`)
      }
    })
  })

  describe(`clv model without enough data (${backend.name})`, () => {
    let db: Db
    before(async () => {
      db = await backend.open()
      await seedHandMadeWorkspace(db)
    })
    after(() => db.close())

    test('too few repeat customers gives insufficient_data with the reason and stores nothing', async () => {
      const r = await trainModel({ db, actor: systemActor(1), asOf: HAND_MADE_AS_OF }, 'clv', {})
      assert.equal(r.status, 'insufficient_data')
      assert.match(r.reason ?? '', new RegExp(`needs ≥ ${CLV_MIN_REPEAT_CUSTOMERS} customers with ≥ 2 completed orders .* this workspace has \\d+$`))
      const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer_scores WHERE kind = 'clv'`)
      assert.equal(n?.n, 0)
    })

    test('a calibration end that leaves no holdout gives insufficient_data naming the dates', async () => {
      const r = await trainModel({ db, actor: systemActor(1), asOf: HAND_MADE_AS_OF }, 'clv', { calibration_end: '2025-06-20' })
      assert.equal(r.status, 'insufficient_data')
      assert.match(r.reason ?? '', /needs a holdout of ≥ 28 days after the calibration end 2025-06-20; the data ends 2025-06-30/)
    })
  })
}
