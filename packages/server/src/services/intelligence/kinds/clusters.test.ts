import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import { StoreFixture } from '../../../features/store/store-fixture.ts'
import type { Db } from '../../../store/db.ts'
import { versionById } from '../model-versions.ts'
import { rescoreModel, trainModel } from '../run-model.ts'

/**
 * Clusters on a hand-made workspace of three kinds of buyer, 40 each: tea regulars (4–6 small recent orders),
 * home one-timers (one large order long ago) and snack buyers (two orders some weeks ago), with amounts and
 * dates varying per customer; plus a tea regular whose profiling consent is revoked and a customer without
 * orders. The clusters must be the three groups, named after what each buys.
 */
const T = new Date('2025-07-01T00:00:00Z')
const T2 = new Date('2025-07-20T00:00:00Z')
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()
const actor = systemActor(1)
const PER_GROUP = 40

interface Report {
  k: number
  silhouette: number
  clusters: Array<{ cluster: number; customers: number; persona: { en: string; 'zh-CN': string }; defining: Array<{ feature: string; z: number }> }>
}

for (const backend of backends()) {
  describe(`clusters kind (${backend.name})`, () => {
    let db: Db
    let fx: StoreFixture
    const groups: Record<'tea' | 'home' | 'snacks', number[]> = { tea: [], home: [], snacks: [] }
    let products: Record<'tea' | 'home' | 'snacks', number>
    let revoked: number
    before(async () => {
      db = await backend.open()
      fx = new StoreFixture(db)
      products = { tea: await fx.product('Tea'), home: await fx.product('Home'), snacks: await fx.product('Snacks') }
      for (let j = 0; j < PER_GROUP; j++) {
        const tea = await fx.customer({ signup_at: '2024-01-01T00:00:00Z' })
        groups.tea.push(tea)
        for (let k = 0; k < 4 + (j % 3); k++) await fx.order(tea, iso(T.getTime() - ((j % 10) + 1 + 20 * k) * DAY), 'completed', 'app', [[products.tea, 1, 30 + j]])
        const home = await fx.customer({ signup_at: '2024-01-01T00:00:00Z' })
        groups.home.push(home)
        await fx.order(home, iso(T.getTime() - (200 + j) * DAY), 'completed', 'web', [[products.home, 1, 300 + 5 * j]])
        const snacks = await fx.customer({ signup_at: '2024-01-01T00:00:00Z' })
        groups.snacks.push(snacks)
        for (let k = 0; k < 2; k++) await fx.order(snacks, iso(T.getTime() - (60 + j + 30 * k) * DAY), 'completed', 'web', [[products.snacks, 2, 20 + j]])
      }
      revoked = await fx.customer({ signup_at: '2024-01-01T00:00:00Z' })
      for (let k = 0; k < 5; k++) await fx.order(revoked, iso(T.getTime() - (3 + 20 * k) * DAY), 'completed', 'app', [[products.tea, 1, 40]])
      await fx.consent(revoked, 'email', 'profiling', 'revoked', '2025-01-01T00:00:00Z')
      await fx.customer({ signup_at: '2024-01-01T00:00:00Z' })
    })
    after(() => db.close())

    test('three clusters, one per kind of buyer, named after its category; no row for the revoked or order-less customer', async () => {
      const r = await trainModel({ db, actor, asOf: T }, 'clusters')
      assert.equal(r.status, 'active', r.reason ?? '')
      assert.equal(r.training.excludedNoProfilingConsent, 1)
      assert.equal(r.scored?.rows, 3 * PER_GROUP)
      const report = (await versionById(db, 1, r.versionId))?.report as unknown as Report
      console.log(`k = ${report.k}, silhouette ${report.silhouette}: ${report.clusters.map((c) => `${c.persona.en} / ${c.persona['zh-CN']} (${c.customers})`).join('; ')}`)
      assert.equal(report.k, 3)
      const stored = await db.query<{ customer_id: number; label: string; cluster: number }>(
        `SELECT customer_id, label, (details->>'cluster')::int AS cluster FROM customer_scores WHERE workspace_id = 1 AND kind = 'cluster'`,
      )
      const clusterOf = new Map(stored.map((s) => [Number(s.customer_id), Number(s.cluster)]))
      assert.equal(clusterOf.has(revoked), false)
      for (const [name, ids] of Object.entries(groups)) {
        const found = new Set(ids.map((id) => clusterOf.get(id)))
        assert.equal(found.size, 1, `${name} buyers share one cluster`)
        const c = report.clusters[[...found][0] as number]
        assert.equal(c?.customers, PER_GROUP)
        const category = { tea: 'Tea', home: 'Home', snacks: 'Snacks' }[name]
        assert.ok(c?.persona.en.includes(`${category} lovers`) && c.persona['zh-CN'].includes(`${category}爱好者`), `${name}: ${c?.persona.en}`)
      }
      const open = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer_segment_history WHERE workspace_id = 1 AND kind = 'cluster' AND exited_at IS NULL`)
      assert.equal(open[0]?.n, 3 * PER_GROUP)
    })

    test('rescoring after a tea regular turns to home goods moves them: old history row closed, new one opened', async () => {
      const mover = groups.tea[0] as number
      for (let k = 0; k < 3; k++) await fx.order(mover, iso(T2.getTime() - (k + 1) * DAY), 'completed', 'web', [[products.home, 1, 320]])
      const before = await db.query<{ label: string }>(`SELECT label FROM customer_scores WHERE workspace_id = 1 AND kind = 'cluster' AND customer_id = $1`, [mover])
      const homeLabel = await db.query<{ label: string }>(`SELECT label FROM customer_scores WHERE workspace_id = 1 AND kind = 'cluster' AND customer_id = $1`, [groups.home[0]])
      const res = await rescoreModel({ db, actor, asOf: T2 }, 'clusters')
      assert.equal(res?.rows, 3 * PER_GROUP)
      const history = await db.query<{ segment: string; entered_at: string | Date; exited_at: string | Date | null }>(
        `SELECT segment, entered_at, exited_at FROM customer_segment_history WHERE workspace_id = 1 AND kind = 'cluster' AND customer_id = $1 ORDER BY id`,
        [mover],
      )
      const ms = (v: Date | string | null) => (v === null ? null : new Date(v).getTime())
      assert.deepEqual(history.map((h) => [h.segment, ms(h.entered_at), ms(h.exited_at)]), [
        [before[0]?.label, T.getTime(), T2.getTime()],
        [homeLabel[0]?.label, T2.getTime(), null],
      ])
    })

    test('fewer than 100 buyers: insufficient data with the count', async () => {
      const r = await trainModel({ db, actor, asOf: new Date('2025-01-01T00:00:00Z') }, 'clusters')
      assert.equal(r.status, 'insufficient_data')
      assert.match(r.reason ?? '', /^needs ≥ 100 customers with a completed order before 2025-01-01; this workspace has \d+$/)
    })
  })
}
