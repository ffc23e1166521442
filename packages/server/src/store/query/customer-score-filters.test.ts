import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import type { Db } from '../db.ts'
import { entityView } from '../entity-view.ts'
import { seedInsightWorkspace, type FixtureScore, type InsightFixture } from '../../services/intelligence/insights/insight-fixture.ts'
import { applyCustomerScoreFilters, CUSTOMER_SCORE_SORTS, type CustomerScoreFilters } from './customer-score-filters.ts'
import { listPage } from './list-page.ts'
import { SqlFilter } from './sql-filter.ts'

const ID_SORT = { id: { expr: 't.id', type: 'int8' as const } }

for (const backend of backends()) {
  describe(`customer list filters on stored scores, on ${backend.name}`, () => {
    let db: Db
    let a: InsightFixture
    let b: InsightFixture
    before(async () => {
      db = await backend.open()
      a = await seedInsightWorkspace(db, 'flt-a', 11)
      b = await seedInsightWorkspace(db, 'flt-b', 12)
    })
    after(async () => db?.close())

    /** Every customer id of workspace `fx` the filters select, walking all pages. */
    async function select(fx: InsightFixture, q: CustomerScoreFilters, sort = 'id', limit = 500): Promise<number[]> {
      const out: number[] = []
      let cursor: string | undefined
      for (;;) {
        const f = new SqlFilter(fx.workspaceId)
        applyCustomerScoreFilters(f, q)
        const page = await listPage<{ id: number }>(db, { view: entityView('customers'), filter: f, sorts: { ...ID_SORT, ...CUSTOMER_SCORE_SORTS }, sort, limit, cursor })
        out.push(...page.data.map((r) => Number(r.id)))
        if (!page.next_cursor) return out
        cursor = page.next_cursor
      }
    }
    const having = (fx: InsightFixture, kind: FixtureScore['kind'], test: (s: FixtureScore) => boolean) =>
      fx.scores.filter((s) => s.kind === kind && test(s)).map((s) => s.customer).sort((x, y) => x - y)

    test('each score filter selects exactly the customers whose stored score passes it, bounds inclusive', async () => {
      const cases: Array<[CustomerScoreFilters, number[]]> = [
        [{ churn_band: 'high' }, having(a, 'churn', (s) => s.band === 'high')],
        [{ churn_min: 0.3, churn_max: 0.6 }, having(a, 'churn', (s) => (s.score as number) >= 0.3 && (s.score as number) <= 0.6)],
        [{ churn_max: 0 }, having(a, 'churn', (s) => s.score === 0)],
        [{ churn_min: 1 }, having(a, 'churn', (s) => s.score === 1)],
        [{ clv_min: 100, clv_max: 300 }, having(a, 'clv', (s) => (s.score as number) >= 100 && (s.score as number) <= 300)],
        [{ p_alive_min: 0.5 }, having(a, 'clv', (s) => (s.details?.p_alive as number) >= 0.5)],
        [{ p_alive_max: 0.25, clv_min: 1 }, having(a, 'clv', (s) => (s.details?.p_alive as number) <= 0.25 && (s.score as number) >= 1)],
        [{ rfm_segment: 'Champions' }, having(a, 'rfm', (s) => s.label === 'Champions')],
        [{ cluster: 2 }, having(a, 'cluster', (s) => s.details?.cluster === 2)],
        [{ next_category: 'cups' }, having(a, 'next_category', (s) => s.label === 'cups')],
        [{ rfm_segment: 'No such segment' }, []],
      ]
      for (const [q, expected] of cases) {
        assert.ok(expected.length > 0 || q.rfm_segment === 'No such segment', `the fixture has customers for ${JSON.stringify(q)}`)
        assert.deepEqual(await select(a, q), expected, JSON.stringify(q))
      }
      // Filters of different kinds combine with AND.
      const high = new Set(having(a, 'churn', (s) => s.band === 'high'))
      assert.deepEqual(await select(a, { churn_band: 'high', cluster: 0 }), having(a, 'cluster', (s) => s.details?.cluster === 0).filter((id) => high.has(id)))
    })

    test('cohort and bought_products select by completed orders: first order month, one order holding every product', async () => {
      const completed = a.orders.filter((o) => o.status === 'completed')
      const first = new Map<number, string>()
      for (const o of completed) if (!first.has(o.customer) || o.at < (first.get(o.customer) as string)) first.set(o.customer, o.at)
      const months = [...new Set([...first.values()].map((at) => at.slice(0, 7)))].sort()
      for (const m of months.slice(0, 4)) {
        const expected = [...first.entries()].filter(([, at]) => at.startsWith(m)).map(([c]) => c).sort((x, y) => x - y)
        assert.deepEqual(await select(a, { cohort: m }), expected, m)
      }
      const [p0, p1, p2] = a.products as [number, number, number]
      for (const ids of [[p0], [p0, p2], [p2, p0, p0], [p0, p1, p2]]) {
        const expected = [...new Set(completed.filter((o) => ids.every((p) => o.lines.some(([x]) => x === p))).map((o) => o.customer))].sort((x, y) => x - y)
        assert.deepEqual(await select(a, { bought_products: ids }), expected, ids.join(','))
      }
      // A's product ids mean nothing in B: no B customer bought them.
      assert.deepEqual(await select(b, { bought_products: [p0] }), [])
    })

    test("another workspace's scores never select its customers, and its customers never appear", async () => {
      const aIds = new Set(a.customers.map((c) => c.id))
      for (const q of [{ churn_min: 0 }, { clv_min: 0 }, { rfm_segment: 'Loyal' }, { cluster: 1 }, {}] as CustomerScoreFilters[]) {
        const ids = await select(a, q)
        assert.ok(ids.length > 0 && ids.every((id) => aIds.has(id)), JSON.stringify(q))
      }
      assert.deepEqual(await select(b, { churn_min: 0 }), having(b, 'churn', () => true))
    })

    test('sorts by churn score, CLV and P(alive) walk every page in order, unscored customers below every score', async () => {
      const value = (kind: 'churn' | 'clv', pick: (s: FixtureScore) => number) => new Map(a.scores.filter((s) => s.kind === kind).map((s) => [s.customer, pick(s)]))
      const keys: Array<[string, Map<number, number>]> = [
        ['churn_score', value('churn', (s) => s.score as number)],
        ['clv_value', value('clv', (s) => s.score as number)],
        ['p_alive', value('clv', (s) => s.details?.p_alive as number)],
      ]
      for (const [sort, byCustomer] of keys) {
        const v = (id: number) => byCustomer.get(id) ?? -1
        const asc = a.customers.map((c) => c.id).sort((x, y) => v(x) - v(y) || x - y)
        assert.deepEqual(await select(a, {}, sort, 7), asc, sort)
        const desc = a.customers.map((c) => c.id).sort((x, y) => v(y) - v(x) || y - x)
        assert.deepEqual(await select(a, {}, `-${sort}`, 4), desc, `-${sort}`)
      }
    })
  })
}
