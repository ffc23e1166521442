import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { systemActor } from '../../domain/actor.ts'
import { ATTRIBUTION_DAYS, HISTORY_CAMPAIGNS } from '../../demo/campaign-history.ts'
import type { Db } from '../../store/db.ts'
import { campaignResults } from '../campaigns/campaign-results.ts'
import { clearWorkspace, loadDemo } from './load-demo.ts'
import { demoCampaignHistory, loadDemoCampaignHistory } from './demo-campaign-history.ts'

const OPTIONS = { customers: 5000, seed: 1 }
const END = Date.parse('2026-11-01T00:00:00Z')

test('the same options give the same history', () => {
  assert.deepEqual(demoCampaignHistory({ customers: 300, seed: 2 }), demoCampaignHistory({ customers: 300, seed: 2 }))
})

test('the planted orders give each type the documented sign of effect, within windows that close before the data ends', () => {
  const a = demoCampaignHistory(OPTIONS)
  assert.equal(a.campaigns.length, HISTORY_CAMPAIGNS)
  // Observed treated − holdout conversion per type, counting every order (organic and planted) in the window.
  const orders = new Map<string, number[]>()
  for (const o of a.orders) orders.set(o.customer_id, [...(orders.get(o.customer_id) ?? []), Date.parse(o.ordered_at)])
  const planted: Record<string, { t: number; tc: number; h: number; hc: number }> = {}
  for (const c of a.campaigns) {
    assert.ok(c.plannedMs + ATTRIBUTION_DAYS * 86_400_000 < END, `${c.name}: the window closes before the data ends`)
    const holdout = c.recipients.filter((r) => r.grp === 'holdout').length / c.recipients.length
    assert.ok(holdout >= 0.1 && holdout <= 0.25, `${c.name}: holdout share ${holdout}`)
    for (const r of c.recipients) {
      assert.equal(r.sentMs !== undefined, r.grp === 'treated', 'only the treated were sent')
      const s = (planted[r.type] ??= { t: 0, tc: 0, h: 0, hc: 0 })
      const y = (orders.get(r.customer) ?? []).some((m) => m > c.plannedMs && m <= c.plannedMs + ATTRIBUTION_DAYS * 86_400_000) ? 1 : 0
      if (r.grp === 'treated') {
        s.t++
        s.tc += y
      } else {
        s.h++
        s.hc += y
      }
    }
  }
  const diff = (t: string) => {
    const s = planted[t] as { t: number; tc: number; h: number; hc: number }
    return s.tc / s.t - s.hc / s.h
  }
  // Planted orders only (organic conversions hit both arms alike): lapsing far above complained, loyal none.
  assert.ok(diff('lapsing') > 0.08, `lapsing ${diff('lapsing')}`)
  assert.ok(diff('complained') < 0, `complained ${diff('complained')}`)
  assert.equal(diff('loyal'), 0)
})

for (const backend of backends()) {
  describe(`demo campaign history in a workspace (${backend.name})`, () => {
    let db: Db
    const actor = systemActor(1)
    const small = { customers: 800, seed: 3 }
    before(async () => {
      db = await backend.open()
      await loadDemo(db, { actor, ...small })
    })
    after(() => db?.close())

    test('writes finished campaigns whose results measure treated against holdout, once', async () => {
      const first = await loadDemoCampaignHistory(db, actor, small)
      const history = demoCampaignHistory(small)
      assert.equal(first.recipients, history.campaigns.reduce((n, c) => n + c.recipients.length, 0))
      const campaigns = await db.query<{ id: number; status: string; holdout_pct: number }>(`SELECT id, status, holdout_pct FROM campaigns WHERE workspace_id = 1 ORDER BY planned_at`)
      assert.equal(campaigns.length, HISTORY_CAMPAIGNS)
      assert.ok(campaigns.every((c) => c.status === 'done' && c.holdout_pct >= 10 && c.holdout_pct <= 20))
      const res = await campaignResults(db, 1, Number(campaigns[0]?.id))
      assert.equal(res.treated.recipients + res.holdout.recipients, history.campaigns[0]?.recipients.length)
      assert.equal(res.holdout.sent, 0)
      assert.equal(res.treated.sent, res.treated.recipients)
      const again = await loadDemoCampaignHistory(db, actor, small)
      assert.equal(again.recipients, 0)
      const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE workspace_id = 1 AND external_id LIKE 'OCH%'`)
      assert.equal(Number(n?.n), history.orders.length)
    })

    test('after the customers are deleted and the demo reloaded, the ledgers are filled again', async () => {
      await clearWorkspace(db, actor)
      await loadDemo(db, { actor, ...small })
      const again = await loadDemoCampaignHistory(db, actor, small)
      assert.equal(again.recipients, demoCampaignHistory(small).campaigns.reduce((n, c) => n + c.recipients.length, 0))
    })
  })
}
