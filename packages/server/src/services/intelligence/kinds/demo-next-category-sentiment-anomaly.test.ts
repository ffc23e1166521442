import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { loadDemo } from '../../demo/load-demo.ts'
import { trainModel, type TrainRunResult } from '../run-model.ts'
import { triagePending } from '../../desk/triage.ts'

/**
 * next_category, sentiment and anomaly on the demo workspace (5,000 customers, seed 1, PGlite): each trains
 * and scores, and its headline numbers are sane. Prints train + score time per kind, wall clock and this
 * process's CPU time (PGlite runs in-process, so CPU time is what the run costs on an idle core when the
 * machine is shared). Budgets on the demo: 12 s, 10 s and 5 s.
 */
const actor = systemActor(1)

async function timed(db: Db, kind: string): Promise<TrainRunResult> {
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  const r = await trainModel({ db, actor }, kind)
  const used = process.cpuUsage(cpu)
  console.log(`${kind}: train ${r.seconds.train.toFixed(1)} s + score ${r.seconds.score.toFixed(1)} s; wall ${((performance.now() - t0) / 1000).toFixed(1)} s, cpu ${((used.user + used.system) / 1e6).toFixed(1)} s`)
  return r
}

describe('next_category, sentiment and anomaly on the demo', () => {
  let db: Db
  before(async () => {
    const pglite = backends()[0]
    if (!pglite) throw new Error('no PGlite backend')
    db = await pglite.open()
    await loadDemo(db, { actor, customers: 5000, seed: 1 })
  })
  after(() => db.close())

  test('next_category: mean backtest AUC above the past-share baseline in every category', async () => {
    const r = await timed(db, 'next_category')
    assert.equal(r.status, 'active')
    const [v] = await db.query<{ report: { auc_by_category: Record<string, { roc_auc: number; baseline_roc_auc: number }> } }>('SELECT report FROM model_versions WHERE workspace_id = 1 AND id = $1', [r.versionId])
    const per = Object.entries(v?.report.auc_by_category ?? {})
    console.log(`next_category AUC ${r.metrics.roc_auc?.toFixed(3)} vs baseline ${r.metrics.baseline_roc_auc?.toFixed(3)}; ${per.map(([c, a]) => `${c} ${a.roc_auc.toFixed(3)}/${a.baseline_roc_auc.toFixed(3)}`).join(', ')}`)
    assert.equal(per.length, 6)
    for (const [c, a] of per) assert.ok(a.roc_auc > a.baseline_roc_auc, `${c}: ${a.roc_auc} vs ${a.baseline_roc_auc}`)
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(DISTINCT customer_id)::int AS n FROM orders WHERE workspace_id = 1 AND status = 'completed'`)
    assert.equal(r.scored?.rows, n)
  })

  test('sentiment: agreement with rating bands above always-positive on macro-F1; every text stored', async () => {
    const r = await timed(db, 'sentiment')
    assert.equal(r.status, 'active')
    console.log(`sentiment accuracy ${r.metrics.accuracy?.toFixed(3)} macro-F1 ${r.metrics.macro_f1?.toFixed(3)} vs always-positive ${r.metrics.baseline_accuracy?.toFixed(3)} / ${r.metrics.baseline_macro_f1?.toFixed(3)}; ${JSON.stringify(r.scored?.summary)}`)
    assert.ok((r.metrics.macro_f1 as number) > (r.metrics.baseline_macro_f1 as number))
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM reviews WHERE workspace_id = 1 AND btrim(coalesce(text, '')) <> '') + (SELECT count(*) FROM tickets WHERE workspace_id = 1))::int AS n`,
    )
    assert.equal(r.scored?.rows, n)
  })

  test('anomaly: about 5 % of the last 90 days\' orders flagged, only medium and high stored', async () => {
    const r = await timed(db, 'anomaly')
    assert.equal(r.status, 'active')
    console.log(`anomaly ${JSON.stringify(r.scored?.summary)}`)
    const share = r.scored?.summary.share_flagged as number
    assert.ok(share > 0.03 && share < 0.08, `share flagged ${share}`)
    const bands = await db.query<{ band: string }>('SELECT DISTINCT band FROM order_flags WHERE workspace_id = 1 ORDER BY band')
    assert.deepEqual(bands.map((b) => b.band), ['high', 'medium'])
  })

  test('ticket_intent: trained on the demo’s labelled history it beats the commonest intent; triage then labels the open tickets', async () => {
    const r = await timed(db, 'ticket_intent')
    assert.equal(r.status, 'active', JSON.stringify(r))
    const [v] = await db.query<{ metrics: Record<string, number> }>('SELECT metrics FROM model_versions WHERE workspace_id = 1 AND id = $1', [r.versionId])
    const m = v?.metrics ?? {}
    console.log(`ticket_intent backtest: accuracy ${m.accuracy}, baseline ${m.baseline_accuracy}, coverage ${m.coverage}, answered accuracy ${m.answered_accuracy}, test ${m.test_tickets}`)
    assert.ok((m.accuracy ?? 0) > (m.baseline_accuracy ?? 1) + 0.2, 'well above always answering the commonest intent')
    const run = await triagePending(db, 1)
    const [counts] = await db.query<{ pending: string; labelled: string }>(
      `SELECT count(*) FILTER (WHERE c.triage_state = 'pending') AS pending, count(*) FILTER (WHERE c.intent_source = 'model') AS labelled
         FROM conversations c JOIN tickets t ON t.workspace_id = c.workspace_id AND t.id = c.ticket_id WHERE c.workspace_id = 1 AND t.status IN ('new', 'open', 'pending')`)
    assert.equal(Number(counts?.pending), 0, 'no open ticket is left untriaged')
    assert.ok(run.triaged > 0 && Number(counts?.labelled) >= run.triaged, JSON.stringify(run))
  })
})
