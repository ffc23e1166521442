import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { trainModel, type TrainRunResult } from '../run-model.ts'
import { NEXT_CATEGORY_MIN_CUSTOMERS } from './next-category.ts'
import { seedShop, SHOP_CATEGORIES, type Shop } from './synthetic-shop.ts'

/**
 * Next category on a synthetic shop (400 customers over a year, each preferring one of three categories; a
 * fourth bought by almost nobody; 5 with profiling revoked), T = 2025-07-01, horizon 30 days.
 */
const T = new Date('2025-07-01T00:00:00Z')
const START = new Date('2024-07-01T00:00:00Z')

for (const backend of backends()) {
  describe(`next_category model on ${backend.name}`, () => {
    let db: Db
    let shop: Shop
    let run: TrainRunResult
    before(async () => {
      db = await backend.open()
      shop = await seedShop(db, { customers: 400, start: START, end: T, revoked: 5 })
      run = await trainModel({ db, actor: systemActor(1), asOf: T }, 'next_category')
    })
    after(() => db.close())

    test('trains one model per category with enough buyers and skips the rare one with its reason', () => {
      assert.equal(run.status, 'active')
      assert.equal(run.metrics.categories, 3)
      const auc = run.metrics.roc_auc as number
      assert.ok(auc > 0.6 && auc <= 1, `mean AUC ${auc}`)
      assert.ok(Number.isFinite(run.metrics.baseline_roc_auc))
      assert.equal(run.training.excludedNoProfilingConsent, 5)
    })

    test('the report names the skipped category and gives every modelled category its AUC and the baseline\'s', async () => {
      const [v] = await db.query<{ report: { skipped_categories: Array<{ category: string; reason: string }>; auc_by_category: Record<string, { roc_auc: number; baseline_roc_auc: number }> } }>(
        'SELECT report FROM model_versions WHERE workspace_id = 1 AND id = $1', [run.versionId],
      )
      assert.deepEqual(v?.report.skipped_categories.map((s) => s.category), ['Rare'])
      assert.match(v?.report.skipped_categories[0]?.reason ?? '', /needs ≥ 20 buyers/)
      assert.deepEqual(Object.keys(v?.report.auc_by_category ?? {}).sort(), [...SHOP_CATEGORIES].sort())
      for (const a of Object.values(v?.report.auc_by_category ?? {})) assert.ok(Number.isFinite(a.roc_auc) && Number.isFinite(a.baseline_roc_auc))
    })

    test('rows exactly for customers with a completed order and profiling not revoked; the best category and its finite probability', async () => {
      const rows = await db.query<{ customer_id: number; score: number; label: string; details: { probabilities: Record<string, number> } }>(
        `SELECT customer_id, score, label, details FROM customer_scores WHERE workspace_id = 1 AND kind = 'next_category' ORDER BY customer_id`,
      )
      const expected = [...new Set(shop.orders.filter((o) => o.status === 'completed' && o.orderedAt < T).map((o) => o.customerId))]
        .filter((c) => !shop.revokedIds.has(c)).sort((a, b) => a - b)
      assert.deepEqual(rows.map((r) => Number(r.customer_id)), expected)
      for (const r of rows) {
        const p = r.details.probabilities
        assert.deepEqual(Object.keys(p).sort(), [...SHOP_CATEGORIES].sort())
        for (const v of Object.values(p)) assert.ok(Number.isFinite(v) && v >= 0 && v <= 1)
        assert.ok(Math.abs(r.score - Math.max(...Object.values(p))) < 1e-5)
        assert.equal(p[r.label] !== undefined && Math.abs((p[r.label] as number) - Math.max(...Object.values(p))) < 1e-12, true)
      }
    })

    test('the best category is mostly the one the customer prefers', async () => {
      const rows = await db.query<{ customer_id: number; label: string }>(`SELECT customer_id, label FROM customer_scores WHERE workspace_id = 1 AND kind = 'next_category'`)
      const preferred = new Map(shop.customerIds.map((c, i) => [c, SHOP_CATEGORIES[i % 3]]))
      const agree = rows.filter((r) => preferred.get(Number(r.customer_id)) === r.label).length
      assert.ok(agree / rows.length > 0.6, `${agree} of ${rows.length}`)
    })

    test('too few customers → insufficient_data with the count, nothing stored', async () => {
      const [w] = await db.query<{ id: number }>(`INSERT INTO workspaces (slug, name) VALUES ('small', 'small') RETURNING id`)
      const ws = Number(w?.id)
      const small = await seedShop(db, { customers: 30, start: START, end: T, workspaceId: ws })
      const cutoff = new Date(T.getTime() - 60 * 86_400_000)
      const active = new Set(small.orders.filter((o) => o.status === 'completed' && o.orderedAt < cutoff).map((o) => o.customerId)).size
      const r = await trainModel({ db, actor: systemActor(ws), asOf: T }, 'next_category')
      assert.equal(r.status, 'insufficient_data')
      assert.equal(r.reason, `needs ≥ ${NEXT_CATEGORY_MIN_CUSTOMERS} customers with a completed order before ${cutoff.toISOString().slice(0, 10)} (2 × 30 days before the end of the data) for a backtest; this workspace has ${active}`)
      const stored = await db.query(`SELECT 1 FROM customer_scores WHERE workspace_id = $1`, [ws])
      assert.equal(stored.length, 0)
    })
  })
}
