import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { StoreFixture } from '../../../features/store/store-fixture.ts'
import { clustersInsight } from './clusters.ts'
import { clvInsight } from './clv.ts'
import { cohortsInsight } from './cohorts.ts'
import { seedInsightWorkspace, type InsightFixture } from './insight-fixture.ts'
import { overview } from './overview.ts'
import { rfmInsight } from './rfm.ts'
import { rulesInsight } from './rules.ts'

const DAY = 86_400_000
const month = (iso: string) => iso.slice(0, 7)
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`)
const completed = (fx: InsightFixture) => fx.orders.filter((o) => o.status === 'completed')
const revenueOf = (fx: InsightFixture) => {
  const m = new Map<number, number>()
  for (const o of completed(fx)) m.set(o.customer, (m.get(o.customer) ?? 0) + o.total)
  return m
}
const scoresOf = (fx: InsightFixture, kind: string) => fx.scores.filter((s) => s.kind === kind)
/** Months YYYY-MM from `from` to `to` inclusive. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    out.push(key)
    if (key === to) return out
    m += 1
    if (m > 12) { m = 1; y += 1 }
  }
}
const monthsBack = (n: number) => {
  const all = monthsBetween('2020-01', '2026-06')
  return all.slice(all.length - n)
}

for (const backend of backends()) {
  describe(`insights on ${backend.name}`, () => {
    let db: Db
    let a: InsightFixture
    let b: InsightFixture
    let empty: number
    before(async () => {
      db = await backend.open()
      a = await seedInsightWorkspace(db, 'ins-a', 7)
      // Another workspace with its own orders, models and scores: none of it may show in A's answers.
      b = await seedInsightWorkspace(db, 'ins-b', 99, { customers: 17 })
      const fx = new StoreFixture(db)
      empty = await fx.workspace('ins-empty')
      const other = new StoreFixture(db, empty, 'e-')
      const c = await other.customer()
      const p = await other.product('tea')
      await other.order(c, '2026-03-03T00:00:00Z', 'completed', 'web', [[p, 1, 10]])
    })
    after(async () => db?.close())
    const actor = () => systemActor(a.workspaceId)

    test('overview: revenue by month, active customers and best sellers equal sums over the completed orders', async () => {
      const o = await overview(db, actor(), { months: 6 })
      assert.equal(o.data_end, a.dataEnd.toISOString())
      const keys = monthsBack(6)
      assert.deepEqual(o.revenue_by_month.map((m) => m.month), keys)
      for (const m of o.revenue_by_month) {
        const inMonth = completed(a).filter((x) => month(x.at) === m.month)
        close(m.revenue, inMonth.reduce((s, x) => s + x.total, 0), `revenue ${m.month}`)
        assert.equal(m.orders, inMonth.length, `orders ${m.month}`)
        assert.equal(m.customers, new Set(inMonth.map((x) => x.customer)).size, `customers ${m.month}`)
      }
      const activeIn = (days: number) => new Set(completed(a).filter((x) => Date.parse(x.at) >= a.dataEnd.getTime() - days * DAY).map((x) => x.customer)).size
      assert.deepEqual(o.active_customers, { d30: activeIn(30), d90: activeIn(90), d365: activeIn(365), total: a.customers.length })
      assert.ok(o.active_customers.d30 < o.active_customers.d365, 'the windows differ on this data')
      const windowStart = Date.parse(`${keys[0]}-01T00:00:00Z`)
      const lineRevenue = new Map<number, { revenue: number; quantity: number }>()
      for (const x of completed(a).filter((x) => Date.parse(x.at) >= windowStart)) {
        for (const [p, q, u] of x.lines) {
          const e = lineRevenue.get(p) ?? { revenue: 0, quantity: 0 }
          lineRevenue.set(p, { revenue: e.revenue + q * u, quantity: e.quantity + q })
        }
      }
      const expected = [...lineRevenue.entries()].sort((x, y) => y[1].revenue - x[1].revenue || x[0] - y[0])
      assert.deepEqual(o.best_sellers.map((s) => [s.product.id, s.revenue, s.quantity]), expected.slice(0, 10).map(([p, e]) => [p, e.revenue, e.quantity]))
      const all = await overview(db, actor(), { months: 24 })
      assert.equal(all.revenue_by_month.length, 24)
      close(all.revenue_by_month.reduce((s, m) => s + m.revenue, 0), completed(a).reduce((s, x) => s + x.total, 0), 'all revenue within 24 months')
    })

    test('overview: churn bands and histogram, CLV, segments, clusters and recommendations count the stored rows', async () => {
      const o = await overview(db, actor(), { months: 12 })
      const churn = scoresOf(a, 'churn')
      assert.ok(o.churn_risk)
      assert.deepEqual(o.churn_risk.bands, ['low', 'medium', 'high'].map((band) => ({ band, customers: churn.filter((s) => s.band === band).length })))
      const bins = Array.from({ length: 10 }, () => 0)
      for (const s of churn) {
        const i = Math.min(9, Math.floor((s.score as number) * 10 + 1e-9))
        bins[i] = (bins[i] as number) + 1
      }
      assert.deepEqual(o.churn_risk.histogram.map((h) => h.customers), bins)
      assert.deepEqual(o.churn_risk.histogram.map((h) => [h.from, h.to]), bins.map((_, i) => [i / 10, (i + 1) / 10]))
      const clv = scoresOf(a, 'clv').map((s) => s.score as number)
      assert.ok(o.clv)
      close(o.clv.total, clv.reduce((s, v) => s + v, 0), 'clv total')
      const sorted = [...clv].sort((x, y) => x - y)
      const mid = (sorted.length - 1) / 2
      close(o.clv.median as number, ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2, 'clv median')
      assert.equal(o.clv.histogram.reduce((s, h) => s + h.customers, 0), clv.length)
      const rev = revenueOf(a)
      const segments = new Map<string, { customers: number; revenue: number }>()
      for (const s of scoresOf(a, 'rfm')) {
        const e = segments.get(s.label as string) ?? { customers: 0, revenue: 0 }
        segments.set(s.label as string, { customers: e.customers + 1, revenue: e.revenue + (rev.get(s.customer) ?? 0) })
      }
      assert.equal(o.rfm_segments.length, segments.size)
      for (const s of o.rfm_segments) {
        assert.equal(s.customers, segments.get(s.segment)?.customers, s.segment)
        close(s.revenue, segments.get(s.segment)?.revenue ?? -1, s.segment)
      }
      const clusters = scoresOf(a, 'cluster')
      assert.deepEqual(o.clusters.map((c) => [c.cluster, c.customers, c.persona.en]), [0, 1, 2].map((k) => [k, clusters.filter((s) => s.details?.cluster === k).length, (clusters.find((s) => s.details?.cluster === k)?.label)]))
      assert.equal(o.clusters[0]?.persona['zh-CN'], '爱茶人')
      const recommended = new Map<number, number>()
      for (const r of a.recommendations) recommended.set(r.product, (recommended.get(r.product) ?? 0) + 1)
      assert.deepEqual(o.most_recommended.map((r) => [r.product.id, r.customers]), [...recommended.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]))
      assert.equal(o.scored_at.churn, '2026-06-16T00:00:00.000Z')
      assert.equal(o.scored_at.anomaly, null)
    })

    test('rfm: each R x F cell counts its customers and their completed revenue; segments share the scored customers', async () => {
      const res = await rfmInsight(db, actor())
      const rev = revenueOf(a)
      const cells = new Map<string, { customers: number; revenue: number; m: number }>()
      for (const s of scoresOf(a, 'rfm')) {
        const key = `${s.details?.r as number},${s.details?.f as number}`
        const e = cells.get(key) ?? { customers: 0, revenue: 0, m: 0 }
        cells.set(key, { customers: e.customers + 1, revenue: e.revenue + (rev.get(s.customer) ?? 0), m: e.m + (s.details?.m as number) })
      }
      assert.equal(res.cells.length, cells.size)
      for (const c of res.cells) {
        const e = cells.get(`${c.r},${c.f}`)
        assert.ok(e, `cell ${c.r},${c.f}`)
        assert.equal(c.customers, e.customers)
        close(c.revenue, e.revenue, 'cell revenue')
        close(c.mean_monetary, e.revenue / e.customers, 'mean monetary')
        close(c.mean_m as number, e.m / e.customers, 'mean m')
      }
      assert.equal(res.segments.reduce((s, x) => s + x.customers, 0), scoresOf(a, 'rfm').length)
      close(res.segments.reduce((s, x) => s + x.share, 0), 1, 'shares')
      assert.deepEqual(res.model_version, { id: a.versions.rfm?.id, version: 1, scored_at: '2026-06-16T00:00:00.000Z' })
    })

    test('clusters: the report\'s cards with live sizes, and a scored cluster missing from the report', async () => {
      const res = await clustersInsight(db, actor())
      assert.equal(res.k, 3)
      assert.equal(res.silhouette, 0.31)
      const clusters = scoresOf(a, 'cluster')
      const size = (k: number) => clusters.filter((s) => s.details?.cluster === k).length
      assert.deepEqual(res.clusters.map((c) => [c.cluster, c.customers, c.persona.en, c.trained_customers]), [[0, size(0), 'Tea lovers', 11], [1, size(1), 'Bargain hunters', 9], [2, size(2), 'Quiet ones', null]])
      close(res.clusters.reduce((s, c) => s + c.share, 0), 1, 'shares')
      assert.deepEqual(res.clusters[0]?.keywords, ['香', 'fresh'])
      assert.deepEqual(res.clusters[0]?.profile, [{ feature: 'orders', mean: 3.1, overall_mean: null, z: null }])
      assert.deepEqual(res.clusters[0]?.defining, [{ feature: 'share_tea', mean: null, overall_mean: null, z: 1.8 }])
      assert.deepEqual(res.clusters[2]?.defining, [])
      assert.equal(res.model_version?.id, a.versions.clusters?.id)
    })

    test('rules: sorted by the measure asked, products resolved, customers = those with one completed order holding the whole rule', async () => {
      const buyers = (ids: number[]) => new Set(completed(a).filter((o) => ids.every((p) => o.lines.some(([x]) => x === p))).map((o) => o.customer)).size
      const valid = a.rules.filter((r) => !r.consequent.includes(a.missingProduct))
      for (const sort of ['lift', 'confidence', 'support'] as const) {
        const res = await rulesInsight(db, actor(), { limit: 50, sort })
        assert.equal(res.rules.length, valid.length, sort)
        const values = res.rules.map((r) => r[sort])
        assert.deepEqual(values, [...values].sort((x, y) => y - x), sort)
      }
      const res = await rulesInsight(db, actor(), { limit: 50, sort: 'lift' })
      for (const r of res.rules) {
        const ids = [...r.antecedent, ...r.consequent].map((p) => p.id)
        assert.equal(r.customers, buyers(ids), ids.join(','))
      }
      assert.ok(res.rules.some((r) => r.customers > 0))
      assert.equal(res.rules[0]?.antecedent[0]?.id, a.products[0])
      assert.equal(res.rules[0]?.consequent[0]?.category, 'cups')
      assert.equal((await rulesInsight(db, actor(), { limit: 2, sort: 'confidence' })).rules.map((r) => r.confidence).join(), '0.9,0.7')
    })

    test('cohorts: customers by month of first completed order, retention = share buying in each later month', async () => {
      const res = await cohortsInsight(db, actor(), { months: 12 })
      const keys = monthsBack(12)
      const bought = new Map<number, Set<string>>()
      for (const o of completed(a)) bought.set(o.customer, (bought.get(o.customer) ?? new Set()).add(month(o.at)))
      const expected = keys.flatMap((key, i) => {
        const members = [...bought.entries()].filter(([, ms]) => [...ms].sort()[0] === key)
        if (members.length === 0) return []
        return [{ cohort: key, customers: members.length, retention: keys.slice(i).map((m) => members.filter(([, ms]) => ms.has(m)).length / members.length) }]
      })
      assert.ok(expected.length >= 2, 'several cohorts in the window')
      assert.deepEqual(res.cohorts, expected)
      assert.ok(res.cohorts.every((c) => c.retention[0] === 1))
    })

    test('clv: value by acquisition channel, histogram and the report\'s calibration table', async () => {
      const res = await clvInsight(db, actor())
      const channelOf = new Map(a.customers.map((c) => [c.id, c.channel]))
      const groups = new Map<string | null, { n: number; value: number; pAlive: number }>()
      for (const s of scoresOf(a, 'clv')) {
        const ch = channelOf.get(s.customer) ?? null
        const g = groups.get(ch) ?? { n: 0, value: 0, pAlive: 0 }
        groups.set(ch, { n: g.n + 1, value: g.value + (s.score as number), pAlive: g.pAlive + (s.details?.p_alive as number) })
      }
      assert.equal(res.by_channel.length, groups.size)
      for (const r of res.by_channel) {
        const g = groups.get(r.channel)
        assert.ok(g, String(r.channel))
        assert.equal(r.customers, g.n)
        close(r.total_value, g.value, 'total')
        close(r.mean_value, g.value / g.n, 'mean')
        close(r.mean_p_alive as number, g.pAlive / g.n, 'p_alive')
      }
      const values = scoresOf(a, 'clv').map((s) => s.score as number)
      // The bins, read back from their own edges: every value in exactly one, the outlier in the last.
      const h = res.histogram
      assert.equal(h[0]?.from, 0)
      for (let i = 0; i < h.length; i++) {
        const bin = h[i] as { from: number; to: number; customers: number }
        const inBin = values.filter((v) => (i === 0 || v >= bin.from) && (i === h.length - 1 || v < bin.to)).length
        assert.equal(bin.customers, inBin, `bin ${i}`)
      }
      const sorted = [...values].sort((x, y) => x - y)
      const pos = 0.95 * (sorted.length - 1)
      const p95 = (sorted[Math.floor(pos)] as number) + (pos - Math.floor(pos)) * ((sorted[Math.ceil(pos)] as number) - (sorted[Math.floor(pos)] as number))
      const top = h.at(-1)?.to ?? 0
      assert.ok(top >= p95 && top < 10_000, `the axis ends at ${top}: at or above the 95th percentile ${p95}, below the outlier`)
      assert.deepEqual(res.calibration_table, [{ frequency: 0, customers: 12, actual: 0.2, predicted: 0.25 }, { frequency: 1, customers: 8, actual: 1.1, predicted: 1.0 }])
      assert.equal(res.model_version?.id, a.versions.clv?.id)
    })

    test("workspace B's answers are its own: no count of A in them", async () => {
      const o = await overview(db, systemActor(b.workspaceId), { months: 24 })
      assert.equal(o.active_customers.total, b.customers.length)
      assert.equal(o.churn_risk?.bands.reduce((s, x) => s + x.customers, 0), scoresOf(b, 'churn').length)
      assert.equal(o.clusters.reduce((s, x) => s + x.customers, 0), scoresOf(b, 'cluster').length)
      close(o.revenue_by_month.reduce((s, m) => s + m.revenue, 0), completed(b).reduce((s, x) => s + x.total, 0), 'B revenue')
      const bIds = new Set(b.products)
      assert.ok([...o.best_sellers, ...o.most_recommended].every((x) => bIds.has(x.product.id)))
      const rules = await rulesInsight(db, systemActor(b.workspaceId), { limit: 50, sort: 'lift' })
      assert.ok(rules.rules.every((r) => [...r.antecedent, ...r.consequent].every((p) => bIds.has(p.id))))
      assert.equal((await rfmInsight(db, systemActor(b.workspaceId))).cells.reduce((s, c) => s + c.customers, 0), b.customers.length)
    })

    test('a workspace without active models gets nulls and empty lists, not errors', async () => {
      const who = systemActor(empty)
      const o = await overview(db, who, { months: 3 })
      assert.equal(o.churn_risk, null)
      assert.equal(o.clv, null)
      assert.deepEqual([o.rfm_segments, o.clusters, o.most_recommended], [[], [], []])
      assert.deepEqual(o.revenue_by_month.map((m) => [m.month, m.revenue]), [['2026-01', 0], ['2026-02', 0], ['2026-03', 10]])
      assert.ok(Object.values(o.scored_at).every((v) => v === null))
      assert.deepEqual(await rfmInsight(db, who), { cells: [], segments: [], model_version: null })
      assert.deepEqual(await clustersInsight(db, who), { k: 0, silhouette: null, clusters: [], model_version: null })
      assert.deepEqual(await rulesInsight(db, who, { limit: 50, sort: 'lift' }), { rules: [], model_version: null })
      assert.deepEqual(await clvInsight(db, who), { by_channel: [], histogram: [], total: 0, median: null, calibration_table: [], model_version: null })
      assert.deepEqual((await cohortsInsight(db, who, { months: 2 })).cohorts, [{ cohort: '2026-03', customers: 1, retention: [1] }])
    })
  })
}
