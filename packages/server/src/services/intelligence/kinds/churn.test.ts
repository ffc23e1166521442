import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import { loadDemo } from '../../demo/load-demo.ts'
import type { Db } from '../../../store/db.ts'
import { trainModel, type TrainRunResult } from '../run-model.ts'

/**
 * Churn on the demo workspace (5,000 customers, PGlite): the backtest beats recency alone (the demo plants
 * churners whose decline shows in more than recency), every active customer gets a finite, calibrated-range
 * score with reasons and a band; and a customer whose profiling consent is revoked loses their score at the
 * next run and is left out of training (the registry counts them).
 */
describe('churn model on the demo', () => {
  let db: Db
  let first: TrainRunResult
  const actor = systemActor(1)
  before(async () => {
    const pglite = backends()[0]
    if (!pglite) throw new Error('no PGlite backend')
    db = await pglite.open()
    await loadDemo(db, { actor, customers: 5000, seed: 1 })
    const t0 = performance.now()
    first = await trainModel({ db, actor }, 'churn')
    console.log(`churn train + score: ${((performance.now() - t0) / 1000).toFixed(1)} s; AUC ${first.metrics.roc_auc?.toFixed(3)} vs recency ${first.metrics.baseline_roc_auc?.toFixed(3)}`)
  })
  after(() => db.close())

  test('the backtest ROC-AUC beats the recency-only baseline and is recorded with its windows', async () => {
    assert.equal(first.status, 'active')
    const auc = first.metrics.roc_auc as number
    const baseline = first.metrics.baseline_roc_auc as number
    assert.ok(auc > baseline, `AUC ${auc} vs recency ${baseline}`)
    assert.ok((first.metrics.lift_top10 as number) > 1)
    assert.ok(first.training.window.backtest_labels_to === first.training.window.features_before, 'the backtest ends where the final training window starts')
  })

  test('every customer with a completed order has a finite probability, a band and up to 5 reasons', async () => {
    const rows = await db.query<{ score: number; band: string; reasons: Array<{ feature: string; effect: number }>; percentile: number }>(
      `SELECT score, band, reasons, percentile FROM customer_scores WHERE workspace_id = 1 AND kind = 'churn'`,
    )
    const [active] = await db.query<{ n: number }>(`SELECT count(DISTINCT customer_id)::int AS n FROM orders WHERE workspace_id = 1 AND status = 'completed'`)
    assert.equal(rows.length, Number(active?.n))
    for (const r of rows) {
      assert.ok(Number.isFinite(r.score) && r.score >= 0 && r.score <= 1)
      assert.ok(['low', 'medium', 'high'].includes(r.band))
      assert.ok(r.reasons.length >= 1 && r.reasons.length <= 5)
      assert.ok(r.percentile >= 0 && r.percentile <= 100)
    }
    const report = await db.query<{ fairness: Record<string, unknown>; importance: unknown[] }>(
      `SELECT report->'fairness' AS fairness, report->'importance' AS importance FROM model_versions WHERE workspace_id = 1 AND id = $1`, [first.versionId],
    )
    assert.deepEqual(Object.keys(report[0]?.fairness ?? {}).sort(), ['age_band', 'gender'])
    assert.ok((report[0]?.importance.length ?? 0) > 10)
  })

  test('revoking profiling consent removes the customer\'s score at the next run and keeps them out of training', async () => {
    // Customers who were in the training set: a completed order before its feature cut-off.
    const scored = await db.query<{ customer_id: number }>(
      `SELECT s.customer_id FROM customer_scores s WHERE s.workspace_id = 1 AND s.kind = 'churn'
         AND EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = 1 AND o.customer_id = s.customer_id AND o.status = 'completed' AND o.ordered_at < $1)
       ORDER BY s.customer_id LIMIT 3`,
      [first.training.window.features_before],
    )
    assert.equal(scored.length, 3)
    for (const [i, { customer_id }] of scored.entries()) {
      await db.query(
        `INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES (1, $1, $2, 'email', 'profiling', 'revoked', now())`,
        [`revoke-${i}`, customer_id],
      )
    }
    const again = await trainModel({ db, actor }, 'churn')
    assert.equal(again.training.excludedNoProfilingConsent, 3)
    assert.equal(again.training.rows.train, (first.training.rows.train as number) - 3, 'the training set lost exactly them')
    const ids = scored.map((r) => Number(r.customer_id))
    const left = await db.query(`SELECT 1 FROM customer_scores WHERE workspace_id = 1 AND customer_id = ANY($1::bigint[])`, [`{${ids.join(',')}}`])
    assert.equal(left.length, 0, 'no score of any kind stays for them')
    const [v] = await db.query<{ training: { excludedNoProfilingConsent: number } }>(`SELECT training FROM model_versions WHERE workspace_id = 1 AND id = $1`, [again.versionId])
    assert.equal(v?.training.excludedNoProfilingConsent, 3, 'the registry records the exclusion')
  })
})
