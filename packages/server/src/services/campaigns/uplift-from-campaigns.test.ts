import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { systemActor } from '../../domain/actor.ts'
import { customerTypesAt, PLANTED_EFFECTS, type CustomerType } from '../../demo/campaign-history.ts'
import { generateDemo } from '../../demo/generate.ts'
import type { Db } from '../../store/db.ts'
import type { TrainRunResult } from '../intelligence/run-model.ts'
import { demoCampaignHistory, loadDemoCampaignHistory } from '../demo/demo-campaign-history.ts'
import { loadDemo } from '../demo/load-demo.ts'
import { trainUpliftFromCampaigns, UPLIFT_BANDS, UPLIFT_KIND } from './uplift-from-campaigns.ts'

/**
 * The uplift model on the demo's planted campaign history (2,000 customers, PGlite; demo/campaign-history.ts
 * plants +15 pts for lapsing frequent buyers and −8 pts for customers who complained). The auto choice runs over
 * the three GBDT learners with 50 trees to keep the test near 30 s; the platform's default weighs all eight.
 */
const OPTIONS = { customers: 2000, seed: 1 }

interface Group { rows: number; observed_lift: number; mean_predicted_uplift: number }

for (const backend of backends()) {
  describe(`uplift from campaigns on the demo history (${backend.name})`, () => {
    let db: Db
    let run: TrainRunResult
    const actor = systemActor(1)
    before(async () => {
      db = await backend.open()
      await loadDemo(db, { actor, ...OPTIONS })
      await loadDemoCampaignHistory(db, actor, OPTIONS)
      run = await trainUpliftFromCampaigns(db, actor, { learners: ['s-learner/gbdt', 't-learner/gbdt', 'class-transformation/gbdt'], trees: 50 })
    })
    after(() => db?.close())

    test('trains on every treated and holdout recipient of the 12 past campaigns and becomes the active version', () => {
      assert.equal(run.status, 'active')
      assert.equal(run.training.rows.campaigns, 12)
      const history = demoCampaignHistory(OPTIONS)
      assert.equal(run.training.rows.train, history.campaigns.reduce((n, c) => n + c.recipients.length, 0))
      assert.ok(Number.isFinite(run.metrics.qini_auc) && Number.isFinite(run.metrics.uplift_at_30))
    })

    test('customers of the +15 pts type get a higher mean predicted uplift than those of the −8 pts type', async () => {
      assert.ok(PLANTED_EFFECTS.lapsing.effect > 0 && PLANTED_EFFECTS.complained.effect < 0)
      const types = customerTypesAt(generateDemo(OPTIONS), demoCampaignHistory(OPTIONS), Date.parse(run.training.window.scored_as_of as string))
      const rows = await db.query<{ external_id: string; score: number; band: string }>(
        `SELECT k.external_id, s.score, s.band FROM customer_scores s JOIN customers k ON k.workspace_id = s.workspace_id AND k.id = s.customer_id
          WHERE s.workspace_id = 1 AND s.kind = $1`, [UPLIFT_KIND])
      assert.equal(rows.length, OPTIONS.customers)
      const sums = new Map<CustomerType, { n: number; sum: number }>()
      for (const r of rows) {
        assert.ok((UPLIFT_BANDS as readonly string[]).includes(r.band))
        const t = types.get(r.external_id) as CustomerType
        const s = sums.get(t) ?? { n: 0, sum: 0 }
        s.n++
        s.sum += r.score
        sums.set(t, s)
      }
      const mean = (t: CustomerType) => {
        const s = sums.get(t)
        assert.ok(s && s.n >= 20, `${t}: ${s?.n ?? 0} customers`)
        return s.sum / s.n
      }
      assert.ok(mean('lapsing') > mean('complained'), `lapsing ${mean('lapsing')} vs complained ${mean('complained')}`)
    })

    test('the top 30 % by out-of-fold predicted uplift shows a larger observed treated − holdout difference than the bottom 30 %', async () => {
      const [v] = await db.query<{ report: { by_predicted_uplift: Record<string, Group> } }>(`SELECT report FROM model_versions WHERE workspace_id = 1 AND id = $1`, [run.versionId])
      const g = v?.report.by_predicted_uplift
      assert.ok(g?.top_30 && g.bottom_30)
      assert.ok(g.top_30.observed_lift > g.bottom_30.observed_lift, JSON.stringify(g))
      assert.ok(g.top_30.mean_predicted_uplift > g.bottom_30.mean_predicted_uplift)
    })
  })
}
