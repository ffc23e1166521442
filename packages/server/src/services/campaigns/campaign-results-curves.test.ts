import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { qiniAucScore, qiniCurve } from '@rapport/ml'
import { backends } from '../../../test/backends.ts'
import { StoreFixture } from '../../features/store/store-fixture.ts'
import type { Db } from '../../store/db.ts'
import { campaignResultsCurves, type CampaignCurves } from './campaign-results-curves.ts'
import { insertCampaign, insertCustomers, insertOrders, insertRecipients, type OrderSpec, type RecipientSpec } from './campaign-results-fixture.ts'
import { campaignResults } from './campaign-results.ts'

const PLANNED = '2026-06-01T00:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(PLANNED) + hours * 3_600_000).toISOString()
const NOW = new Date(at(30 * 24))

/**
 * The planted world: 400 customers, customer k (0-based) of type k % 4 — persuadable (converts only when sent
 * to), sure thing (always converts), lost cause (never), sleeping dog (converts only when left alone) — in the
 * treated group when ⌊k / 4⌋ % 5 < 3 (240 treated, 160 holdout, each type split alike). The model that knows the
 * types scores persuadables highest, sure things and lost causes 0 (one tie group across both groups), sleeping
 * dogs lowest. Every other lost cause has an order the day before planned_at, which the attribution must ignore.
 */
type Kind = 'persuadable' | 'sure' | 'lost' | 'sleeping'
const KINDS: Kind[] = ['persuadable', 'sure', 'lost', 'sleeping']
interface Planted { k: number; kind: Kind; treated: boolean; converts: boolean; uplift: number }

function planted(): Planted[] {
  return Array.from({ length: 400 }, (_, k) => {
    const kind = KINDS[k % 4] ?? 'lost'
    const treated = Math.floor(k / 4) % 5 < 3
    const converts = kind === 'sure' || (kind === 'persuadable' && treated) || (kind === 'sleeping' && !treated)
    const uplift = kind === 'persuadable' ? 0.5 + k / 10_000 : kind === 'sleeping' ? -0.3 - k / 10_000 : 0
    return { k, kind, treated, converts, uplift }
  })
}

/** Stores predicted_uplift on the given recipients, as the planner does when it freezes the audience. */
async function setUplift(db: Db, ws: number, campaignId: number, scores: Array<[customerId: number, uplift: number]>): Promise<void> {
  await db.query(
    `UPDATE campaign_recipients r SET predicted_uplift = x.u
       FROM jsonb_to_recordset($3::jsonb) AS x(customer_id bigint, u float8)
      WHERE r.workspace_id = $1 AND r.campaign_id = $2 AND r.customer_id = x.customer_id`,
    [ws, campaignId, JSON.stringify(scores.map(([customer_id, u]) => ({ customer_id, u })))])
}

const recipient = (customerId: number, treated: boolean): RecipientSpec => treated
  ? { customer_id: customerId, grp: 'treated', variant: 'A', state: 'sent', sent_at: at(1) }
  : { customer_id: customerId, grp: 'holdout', state: 'skipped', skip_reason: 'holdout' }

/** The oracle: @rapport/ml's per-row Qini on the planted rows, with the given scores. */
function oracle(rows: Planted[], score: (p: Planted) => number) {
  const y = rows.map((p) => (p.converts ? 1 : 0))
  const w = rows.map((p) => (p.treated ? 1 : 0))
  const u = rows.map(score)
  const curve = qiniCurve(y, u, w)
  const at = new Map(Array.from(curve.x, (x, i) => [x, curve.y[i] as number]))
  /** Treated minus holdout conversion rate among the top n by score. */
  const upliftTop = (n: number) => {
    const top = [...rows].sort((a, b) => score(b) - score(a)).slice(0, n)
    const rate = (g: Planted[]) => g.filter((p) => p.converts).length / g.length
    return rate(top.filter((p) => p.treated)) - rate(top.filter((p) => !p.treated))
  }
  return { auc: qiniAucScore(y, u, w), at, upliftTop }
}

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`)

function checkAgainstOracle(c: CampaignCurves, rows: Planted[], score: (p: Planted) => number): void {
  const o = oracle(rows, score)
  close(c.qini_auc, o.auc, 'qini_auc')
  assert.deepEqual([c.recipients_scored, c.treated_scored, c.holdout_scored], [400, 240, 160])
  assert.ok(c.points.length > 10 && c.points.length <= 101, `${c.points.length} points`)
  assert.deepEqual(c.points[0], { share: 0, qini: 0, random: 0, uplift: null })
  const lastPoint = c.points[c.points.length - 1]
  assert.equal(lastPoint?.share, 1)
  close(lastPoint?.random ?? NaN, lastPoint?.qini ?? NaN, 'the random line ends where the curve does')
  for (const [i, p] of c.points.entries()) {
    if (i === 0) continue
    const n = Math.round(p.share * 400)
    assert.ok(p.share > (c.points[i - 1]?.share ?? 1), 'shares increase')
    // Every point is a point of the per-row curve: it ends a tie group, and its Qini is the oracle's there.
    const q = o.at.get(n)
    assert.ok(q !== undefined, `share ${p.share} ends a tie group`)
    close(p.qini, q, `qini at ${n}`)
    close(p.random, p.share * (lastPoint?.qini ?? NaN), `random at ${n}`)
    if (p.uplift !== null) close(p.uplift, o.upliftTop(n), `uplift at ${n}`)
  }
}

for (const backend of backends()) {
  describe(`campaign results curves on ${backend.name}`, () => {
    let db: Db
    let ws: number
    let customers: number[]
    const rows = planted()
    const idOf = (p: Planted) => customers[p.k] ?? NaN

    /** A campaign over the planted rows (and `extra` unscored treated converters), scored by `score`. */
    async function plantedCampaign(name: string, score: ((p: Planted) => number) | null, extra: number[] = []): Promise<number> {
      const id = await insertCampaign(db, ws, { name, variants: ['A'], holdoutPct: 40, plannedAt: PLANNED })
      await insertRecipients(db, ws, id, [...rows.map((p) => recipient(idOf(p), p.treated)), ...extra.map((c) => recipient(c, true))])
      if (score) await setUplift(db, ws, id, rows.map((p) => [idOf(p), score(p)]))
      return id
    }

    before(async () => {
      db = await backend.open()
      ws = await new StoreFixture(db).workspace('curves')
      customers = await insertCustomers(db, ws, 'q', 420)
      const orders: OrderSpec[] = rows.filter((p) => p.converts).map((p) => ({ customer_id: idOf(p), at: at(30), status: 'completed', total: 80 }))
      for (const p of rows) if (p.kind === 'lost' && p.k % 8 === 2) orders.push({ customer_id: idOf(p), at: at(-24), status: 'completed', total: 80 })
      // Unscored recipients, all converters: they must not enter the curves.
      for (const c of customers.slice(400)) orders.push({ customer_id: c, at: at(30), status: 'paid', total: 10 })
      await insertOrders(db, ws, orders)
    })
    after(async () => db?.close())

    test('a model that ranks persuadables first: Qini AUC well above 0, equal to qiniAucScore on the rows; points on the per-row curve', async () => {
      const score = (p: Planted) => p.uplift
      const id = await plantedCampaign('Good model', score, customers.slice(400))
      const { curves, reason } = await campaignResultsCurves(db, ws, id, 7, 160)
      assert.equal(reason, null)
      assert.ok(curves)
      assert.ok(curves.qini_auc > 0.4, `qini_auc ${curves.qini_auc}`)
      checkAgainstOracle(curves, rows, score)
      // The top quarter is the persuadables: all 60 treated convert, none of the 40 held out do.
      const quarter = curves.points.find((p) => p.share === 0.25)
      assert.deepEqual([quarter?.qini, quarter?.uplift], [60, 1])
      // Through campaignResults, the same curves.
      const r = await campaignResults(db, ws, id, { now: NOW })
      assert.deepEqual([r.curves, r.curves_reason], [curves, null])
      assert.equal(r.treated.recipients, 260, 'the unscored recipients still count in the results')
    })

    test('the reversed ranking (sleeping dogs first) gives a Qini AUC below 0, again equal to qiniAucScore', async () => {
      const score = (p: Planted) => -p.uplift
      const id = await plantedCampaign('Reversed model', score)
      const { curves } = await campaignResultsCurves(db, ws, id, 7, 160)
      assert.ok(curves)
      assert.ok(curves.qini_auc < -0.4, `qini_auc ${curves.qini_auc}`)
      checkAgainstOracle(curves, rows, score)
      const quarter = curves.points.find((p) => p.share === 0.25)
      assert.equal(quarter?.uplift, -1, 'among sleeping dogs only the held-out convert')
    })

    test('a campaign without uplift scores has no curves, and says so', async () => {
      const id = await plantedCampaign('No model', null)
      const r = await campaignResults(db, ws, id, { now: NOW })
      assert.deepEqual([r.curves, r.curves_reason], [null, 'no_uplift_scores'])
      assert.equal(r.holdout.recipients, 160)
    })

    test('fewer than 50 scored in a group, or no holdout, gives no curves with the reason', async () => {
      const id = await plantedCampaign('Few holdout scored', null)
      const scored = [...rows.filter((p) => p.treated), ...rows.filter((p) => !p.treated).slice(0, 49)]
      await setUplift(db, ws, id, scored.map((p) => [idOf(p), p.uplift]))
      assert.deepEqual(await campaignResultsCurves(db, ws, id, 7, 160), { curves: null, reason: 'too_few_scored' })
      await setUplift(db, ws, id, rows.filter((p) => !p.treated).slice(49, 50).map((p) => [idOf(p), p.uplift]))
      assert.equal((await campaignResultsCurves(db, ws, id, 7, 160)).reason, null, 'with the 50th it draws')

      const solo = await insertCampaign(db, ws, { name: 'No holdout', variants: ['A'], holdoutPct: 0, plannedAt: PLANNED })
      await insertRecipients(db, ws, solo, rows.map((p) => recipient(idOf(p), true)))
      await setUplift(db, ws, solo, rows.map((p) => [idOf(p), p.uplift]))
      const r = await campaignResults(db, ws, solo, { now: NOW })
      assert.deepEqual([r.curves, r.curves_reason], [null, 'no_holdout'])
    })

    test('no conversion among the scored: nothing to rank, no curves', async () => {
      const id = await insertCampaign(db, ws, { name: 'Nobody bought', variants: ['A'], holdoutPct: 40, plannedAt: PLANNED })
      // Lost causes and the sent-to sleeping dogs: nobody with an order in the window, split in two groups.
      const nobody = rows.filter((p) => !p.converts && (p.kind === 'lost' || p.kind === 'sleeping'))
      await insertRecipients(db, ws, id, nobody.map((p) => recipient(idOf(p), p.k % 8 < 4)))
      await setUplift(db, ws, id, nobody.map((p) => [idOf(p), p.uplift]))
      const r = await campaignResults(db, ws, id, { now: NOW })
      assert.equal(r.treated.conversions + r.holdout.conversions, 0)
      assert.ok(r.treated.recipients >= 50 && r.holdout.recipients >= 50, `${r.treated.recipients} / ${r.holdout.recipients}`)
      assert.deepEqual([r.curves, r.curves_reason], [null, 'no_conversions'])
    })
  })
}
