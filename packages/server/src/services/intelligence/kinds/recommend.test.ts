import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { loadDemo } from '../../demo/load-demo.ts'
import { rescoreModel, trainModel, type TrainRunResult } from '../run-model.ts'
import { seedProductModelsWorkspace, T, type ProductModelsIds } from './product-models-workspace.ts'

const actor = systemActor(1)

interface Rec {
  customer_id: number
  rank: number
  product_id: number
  score: number
  source: string
  model_version_id: number
}
const recs = (db: Db) =>
  db.query<Rec>('SELECT customer_id, rank, product_id, score, source, model_version_id FROM customer_recommendations WHERE workspace_id = 1 ORDER BY customer_id, rank')
    .then((rows) => rows.map((r) => ({ ...r, customer_id: Number(r.customer_id), product_id: Number(r.product_id), model_version_id: Number(r.model_version_id) })))

for (const backend of backends()) {
  describe(`recommend model on a hand-made workspace (${backend.name})`, () => {
    let db: Db
    let ids: ProductModelsIds
    let run: TrainRunResult
    let rows: Rec[]
    before(async () => {
      db = await backend.open()
      ids = await seedProductModelsWorkspace(db)
      run = await trainModel({ db, actor, asOf: T }, 'recommend')
      rows = await recs(db)
    })
    after(() => db.close())

    test('trains EASE, beats popularity on the time split and records the exclusion', () => {
      assert.equal(run.status, 'active', run.reason ?? '')
      assert.equal(run.params.algorithm_chosen, 'ease')
      assert.equal(run.training.excludedNoProfilingConsent, 1)
      assert.equal(run.training.rows.test_customers, 60)
      assert.ok((run.metrics.ndcg_at_10 as number) > (run.metrics.baseline_ndcg_at_10 as number), JSON.stringify(run.metrics))
      // The product bought next is one of the two of their group a buyer lacks: the model ranks it 1st or
      // 2nd (nDCG ≥ 1/log2(3) ≈ 0.63); popularity, with every product equally popular, does not.
      assert.ok((run.metrics.ndcg_at_10 as number) >= 0.63, JSON.stringify(run.metrics))
    })

    test('rows only for eligible customers with consent; up to 20 ranks each, finite scores', async () => {
      const [c] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE workspace_id = 1')
      const customers = new Set(rows.map((r) => r.customer_id))
      assert.equal(customers.size, Number(c?.n) - 1, 'everyone but the revoked customer')
      assert.ok(!customers.has(ids.revoked), 'the revoked customer has no recommendations')
      for (const r of rows) {
        assert.ok(Number.isFinite(r.score))
        assert.ok(r.rank >= 1 && r.rank <= 20)
      }
    })

    test('no product a customer bought is recommended to them', async () => {
      const bought = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM customer_recommendations r
          WHERE r.workspace_id = 1 AND EXISTS (SELECT 1 FROM orders o JOIN order_items i ON i.workspace_id = o.workspace_id AND i.order_id = o.id
                       WHERE o.workspace_id = 1 AND o.customer_id = r.customer_id AND o.status = 'completed' AND i.product_id = r.product_id)`,
      )
      assert.equal(Number(bought[0]?.n), 0)
      const teaBuyer = rows.filter((r) => r.customer_id === ids.teaBuyers[1])
      assert.ok(teaBuyer.length > 0)
      assert.equal(teaBuyer[0]?.source, 'model')
      assert.ok(ids.tea.includes(teaBuyer[0]?.product_id ?? -1), 'a tea buyer\'s first recommendation is a tea they lack')
    })

    test('a customer with no activity gets popular products, one who only looked gets similar products', () => {
      const newcomer = rows.filter((r) => r.customer_id === ids.newcomer)
      assert.equal(newcomer.length, 8, 'the eight products anyone bought')
      assert.ok(newcomer.every((r) => r.source === 'popular'))
      const browser = rows.filter((r) => r.customer_id === ids.browser)
      assert.ok(browser.length > 0 && browser.every((r) => r.source === 'content'))
      assert.ok(browser.slice(0, 5).every((r) => [...ids.tea, ids.newTea].includes(r.product_id)), 'content ranks the teas first')
    })

    test('the never-bought product is reachable: in a 3-product list tea buyers get it from content, pet buyers do not', async () => {
      const short = await trainModel({ db, actor, asOf: T }, 'recommend', { top_n: 3 })
      assert.equal(short.status, 'active', short.reason ?? '')
      const got = (await recs(db)).filter((r) => r.product_id === ids.newTea)
      const teaBuyers = new Set(ids.teaBuyers)
      assert.equal(got.filter((r) => teaBuyers.has(r.customer_id)).length, ids.teaBuyers.length)
      assert.ok(got.filter((r) => teaBuyers.has(r.customer_id)).every((r) => r.source === 'content'))
      assert.ok(got.every((r) => teaBuyers.has(r.customer_id) || r.customer_id === ids.browser), 'no pet buyer is offered a tea nobody bought')
    })

    test('a second run replaces every row with the new version\'s', async () => {
      const again = await trainModel({ db, actor, asOf: T }, 'recommend', { content_weight: 0.2 })
      assert.equal(again.status, 'active', again.reason ?? '')
      const now = await recs(db)
      assert.ok(now.length > 0)
      assert.ok(now.every((r) => r.model_version_id === again.versionId))
      assert.equal(new Set(now.map((r) => `${r.customer_id}:${r.rank}`)).size, now.length)
      const rescored = await rescoreModel({ db, actor, asOf: T }, 'recommend')
      assert.equal(rescored?.versionId, again.versionId)
      assert.equal((await recs(db)).length, now.length)
    })

    test('implicit ALS can be chosen and scores the same customers', async () => {
      const als = await trainModel({ db, actor, asOf: T }, 'recommend', { algorithm: 'als', factors: 8 })
      assert.ok(als.status === 'active' || als.status === 'trained', als.reason ?? '')
      assert.equal(als.params.algorithm_chosen, 'als')
      assert.ok((als.metrics.ndcg_at_10 as number) > (als.metrics.baseline_ndcg_at_10 as number), JSON.stringify(als.metrics))
    })

    test('too little data: insufficient_data with a reason, nothing stored', async () => {
      const before = (await recs(db)).length
      const r = await trainModel({ db, actor, asOf: new Date('2026-02-01T00:00:00Z') }, 'recommend')
      assert.equal(r.status, 'insufficient_data')
      assert.match(r.reason ?? '', /needs ≥ 50 customers with a completed order before 2026-01-02 .*; this workspace has \d+/)
      assert.equal((await recs(db)).length, before)
    })
  })
}

describe('recommend model on the demo (5,000 customers, PGlite)', () => {
  let db: Db
  before(async () => {
    const pglite = backends()[0]
    if (!pglite) throw new Error('no PGlite backend')
    db = await pglite.open()
    await loadDemo(db, { actor, customers: 5000, seed: 1 })
  })
  after(() => db.close())

  test('EASE beats popularity on nDCG@10 and recall@10; every eligible customer gets 20 products', async () => {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const run = await trainModel({ db, actor }, 'recommend')
    const cpu = process.cpuUsage(c0)
    const m = run.metrics
    console.log(
      `recommend train + backtest + score: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU ` +
        `(train ${run.seconds.train.toFixed(1)} s, score ${run.seconds.score.toFixed(1)} s); nDCG@10 ${m.ndcg_at_10?.toFixed(4)} vs popularity ${m.baseline_ndcg_at_10?.toFixed(4)}, ` +
        `recall@10 ${m.recall_at_10?.toFixed(4)} vs ${m.baseline_recall_at_10?.toFixed(4)} over ${m.test_customers} customers`,
    )
    assert.equal(run.status, 'active', run.reason ?? '')
    assert.equal(run.params.algorithm_chosen, 'ease')
    assert.ok((m.ndcg_at_10 as number) > 2 * (m.baseline_ndcg_at_10 as number))
    assert.ok((m.recall_at_10 as number) > 2 * (m.baseline_recall_at_10 as number))
    assert.ok((m.test_customers as number) > 500)
    const [counts] = await db.query<{ customers: number; rows: number; model: number }>(
      `SELECT count(DISTINCT customer_id)::int AS customers, count(*)::int AS rows, count(*) FILTER (WHERE source = 'model')::int AS model
         FROM customer_recommendations WHERE workspace_id = 1`,
    )
    assert.equal(counts?.customers, run.scored?.rows)
    assert.equal(counts?.rows, 20 * (counts?.customers ?? 0))
    assert.ok((counts?.model ?? 0) > 0.5 * (counts?.rows ?? 0))
  })
})
