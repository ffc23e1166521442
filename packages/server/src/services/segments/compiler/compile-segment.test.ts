import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { segmentNode, type SegmentNode } from '../../../domain/segment-tree.ts'
import type { Db } from '../../../store/db.ts'
import { chooseStrategy, compileSegment, type ReferencedSegment } from './compile-segment.ts'
import type { JoinStrategy } from './segment-sql.ts'
import { inlineSql } from './inline-sql.ts'
import { countPresence } from './operators-sql.ts'
import { NOW, segmentWorld, type SegmentWorld } from './segment-fixture.ts'

const city = (v: string) => ({ type: 'profile', field: 'city', op: 'is', value: v }) as const
const orders = (op: string, value: number, window?: object, filter?: object) =>
  ({ type: 'behaviour', source: 'orders', measure: 'count', op, value, ...(window && { window }), ...(filter && { filter }) })

/** Each case: a tree and exactly the customers it must select in the fixture (segment-fixture.ts). */
const CASES: Array<[string, unknown, string[]]> = [
  ['text is: case-insensitive, exact', city('shanghai'), ['B']],
  ['text in', { type: 'profile', field: 'city', op: 'in', value: ['上海', 'Shanghai'] }, ['A', 'B', 'E']],
  ['text is_not includes customers without the field', { type: 'profile', field: 'email', op: 'is_not', value: 'ann@example.com' }, ['B', 'C', 'E']],
  ['text contains / starts_with', { type: 'any', conditions: [{ type: 'profile', field: 'name', op: 'contains', value: 'HE' }, { type: 'profile', field: 'name', op: 'starts_with', value: 'bo' }] }, ['B', 'C']],
  ['is_set / is_not_set', { type: 'profile', field: 'email', op: 'is_set' }, ['A']],
  ['purchases in the last 30 days ≥ 2 (a cancelled order does not count)', orders('>=', 2, { last_days: 30 }), ['A']],
  ['status filter counts the cancelled order', orders('>=', 1, { last_days: 30 }, { status: ['cancelled'] }), ['A']],
  ['no purchase in the last 30 days: only customers who existed 30 days ago (not B, 5 days old)', orders('=', 0, { last_days: 30 }), ['C', 'E']],
  ['between 120 and 90 days ago', orders('>=', 1, { days_ago_from: 120, days_ago_to: 90 }), ['C']],
  ['an empty window matches no one for ≥ 1', orders('>=', 1, { days_ago_from: 2, days_ago_to: 1 }), []],
  ['sum of order totals ≥ 150 over all time', { type: 'behaviour', source: 'orders', measure: 'sum', field: 'total', op: '>=', value: 150 }, ['A']],
  ['avg of nothing is unknown: no match, and NOT of it matches', { type: 'not', condition: { type: 'behaviour', source: 'reviews', measure: 'avg', field: 'rating', op: '>=', value: 4 } }, ['B', 'C', 'E']],
  ['order lines by category', { type: 'behaviour', source: 'order_lines', measure: 'sum', field: 'quantity', filter: { category: ['coffee & tea'] }, op: '>=', value: 3 }, ['A']],
  ['events by type in a window', { type: 'behaviour', source: 'events', measure: 'count', filter: { event_type: ['view'] }, window: { last_days: 7 }, op: '=', value: 2 }, ['A']],
  ['tickets by priority', { type: 'behaviour', source: 'tickets', measure: 'count', filter: { priority: ['high'] }, op: '>=', value: 1 }, ['C']],
  ['last order more than 60 days ago', { type: 'behaviour', source: 'orders', measure: 'last_at', op: 'more_than_ago', value: 60 }, ['C', 'E']],
  ['first order within the last 30 days', { type: 'behaviour', source: 'orders', measure: 'first_at', op: 'within_last', value: 30 }, ['A']],
  ['bought any of a category', { type: 'product', op: 'any', categories: ['Pet Supplies'] }, ['C']],
  ['bought none of a product (the cancelled toy is not a purchase)', { type: 'product', op: 'none', product_ids: ['TOY'] }, ['A', 'B', 'E']],
  ['bought all of two categories', { type: 'product', op: 'all', categories: ['Pet Supplies', 'Coffee & Tea'] }, []],
  ['tags any / none', { type: 'all', conditions: [{ type: 'tag', op: 'none', value: ['vip'] }, city('北京')] }, ['C']],
  ['typed attribute, text', { type: 'attribute', path: 'loyalty.tier', value_type: 'text', op: 'is', value: 'GOLD' }, ['A']],
  ['typed attribute, number: a text "900" is not a number', { type: 'attribute', path: 'loyalty.points', value_type: 'number', op: '>=', value: 800 }, ['A']],
  ['typed attribute, boolean', { type: 'attribute', path: 'newsletter', value_type: 'boolean', op: 'is', value: true }, ['A']],
  ['typed attribute, date: an impossible date reads as missing', { type: 'attribute', path: 'first_visit', value_type: 'date', op: 'is_set' }, []],
  ['consent granted (latest state)', { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' }, ['A']],
  ['consent revoked', { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'revoked' }, ['B']],
  ['consent unknown', { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'unknown' }, ['C', 'E']],
  ['churn band high', { type: 'prediction', field: 'churn_band', op: 'is', value: 'high' }, ['A']],
  ['churn score < 0.5 (no score: no match)', { type: 'prediction', field: 'churn_score', op: '<', value: 0.5 }, ['C']],
  ['CLV band high is the top 20 %', { type: 'prediction', field: 'clv_band', op: 'is', value: 'high' }, ['A']],
  ['CLV band low', { type: 'prediction', field: 'clv_band', op: 'in', value: ['low'] }, ['C']],
  ['P(alive) ≥ 0.5', { type: 'prediction', field: 'p_alive', op: '>=', value: 0.5 }, ['A']],
  ['expected orders < 1', { type: 'prediction', field: 'expected_orders', op: '<', value: 1 }, ['C']],
  ['signup before a date', { type: 'date', field: 'signup_at', op: 'before', value: '2024-06-01' }, ['C']],
  ['signup within the last 30 days', { type: 'date', field: 'signup_at', op: 'within_last', value: 30 }, ['B']],
  ['birthday within the next 7 days', { type: 'date', field: 'birth_date', op: 'anniversary_within_next', value: 7 }, ['A']],
  ['nested: 上海 AND (purchases in 90 days ≥ 2 OR CLV band high) AND e-mail consent',
    { type: 'all', conditions: [city('上海'), { type: 'any', conditions: [orders('>=', 2, { last_days: 90 }), { type: 'prediction', field: 'clv_band', op: 'is', value: 'high' }] },
      { type: 'consent', channel: 'email', op: 'is', value: 'granted' }] }, ['A']],
  ['NOT of a group', { type: 'not', condition: { type: 'any', conditions: [city('上海'), city('北京')] } }, ['B']],
  // Counts that only ask whether there is a row (EXISTS when looked up per customer), alone and combined.
  ['purchases in the last 30 days > 0', orders('>', 0, { last_days: 30 }), ['A']],
  ['purchases in the last 30 days ≠ 0', orders('!=', 0, { last_days: 30 }), ['A']],
  ['purchases in the last 30 days < 1: only customers who existed 30 days ago', orders('<', 1, { last_days: 30 }), ['C', 'E']],
  ['purchases in the last 30 days ≤ 0, AND-ed with a city', { type: 'all', conditions: [city('上海'), orders('<=', 0, { last_days: 30 })] }, ['E']],
  ['an e-mail opened in the last 30 days, AND-ed with a city', { type: 'all', conditions: [city('北京'), { type: 'behaviour', source: 'events', measure: 'count', filter: { event_type: ['email_open'] }, window: { last_days: 30 }, op: '>=', value: 1 }] }, ['C']],
  ['NOT (viewed in the last 7 days)', { type: 'not', condition: { type: 'behaviour', source: 'events', measure: 'count', filter: { event_type: ['view'] }, window: { last_days: 7 }, op: '>=', value: 1 } }, ['B', 'C', 'E']],
  ['purchased in 30 days OR a high-priority ticket', { type: 'any', conditions: [orders('>=', 1, { last_days: 30 }), { type: 'behaviour', source: 'tickets', measure: 'count', filter: { priority: ['high'] }, op: '>', value: 0 }] }, ['A', 'C']],
  ['上海 AND bought none of a product AND NOT bought any of a category', { type: 'all', conditions: [city('上海'), { type: 'product', op: 'none', product_ids: ['TOY'] }, { type: 'not', condition: { type: 'product', op: 'any', categories: ['Coffee & Tea'], window: { last_days: 30 } } }] }, ['E']],
  ['an AND of conditions on joined rows: 上海, churn band high, e-mail consent granted', { type: 'all', conditions: [city('上海'), { type: 'prediction', field: 'churn_band', op: 'is', value: 'high' }, { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' }] }, ['A']],
  ['an AND whose parts are unknown for customers without scores: NOT churn band high AND city', { type: 'all', conditions: [{ type: 'not', condition: { type: 'prediction', field: 'churn_band', op: 'is', value: 'high' } }, city('上海')] }, ['E']],
]

test('a count test that only asks whether there is a row', () => {
  const cases: Array<[string, number, 'some' | 'none' | undefined]> = [
    ['>=', 1, 'some'], ['>', 0, 'some'], ['!=', 0, 'some'], ['>', 0.5, 'some'],
    ['=', 0, 'none'], ['<', 1, 'none'], ['<=', 0, 'none'], ['<=', 0.5, 'none'],
    ['>=', 2, undefined], ['>', 1, undefined], ['>=', 0, undefined], ['=', 1, undefined], ['!=', 1, undefined], ['<', 2, undefined], ['<=', 1, undefined], ['is_set', 0, undefined],
  ]
  for (const [op, value, expected] of cases) assert.equal(countPresence(op, value), expected, `${op} ${value}`)
})

for (const backend of backends()) {
  describe(`segment compiler on ${backend.name}`, () => {
    let db: Db
    let w: SegmentWorld
    before(async () => {
      db = await backend.open()
      w = await segmentWorld(db, 'seg-compile')
    })
    after(async () => db?.close())

    const resolve = (tree: unknown): SegmentNode =>
      segmentNode.parse(JSON.parse(JSON.stringify(tree).replaceAll('"TOY"', String(w.products.toy))))
    const members = async (tree: SegmentNode, opts: { timeZone?: string; references?: Map<number, ReferencedSegment>; strategy?: JoinStrategy } = {}) => {
      const c = compileSegment(tree, {
        workspaceId: w.ws, now: NOW, timeZone: opts.timeZone ?? 'UTC', ...(opts.references && { references: opts.references }), ...(opts.strategy && { strategy: opts.strategy }),
      })
      const rows = await db.query<{ external_id: string }>(`SELECT t.external_id FROM ${c.from} WHERE t.workspace_id = $1 AND ${c.where} ORDER BY t.external_id`, c.params)
      return { ids: rows.map((r) => r.external_id), c }
    }

    for (const [title, tree, expected] of CASES) {
      test(`${title}: selects ${expected.length ? expected.join(', ') : 'no one'}, joined per customer and grouped alike`, async () => {
        assert.deepEqual((await members(resolve(tree), { strategy: 'lateral' })).ids, expected, 'lateral')
        assert.deepEqual((await members(resolve(tree), { strategy: 'grouped' })).ids, expected, 'grouped')
      })
    }

    test('per-customer lookups are chosen for an AND with a condition on the customer row, one pass over the windows otherwise', () => {
      assert.equal(chooseStrategy(resolve({ type: 'all', conditions: [city('上海'), orders('>=', 2, { last_days: 30 })] })), 'lateral')
      assert.equal(chooseStrategy(resolve({ type: 'all', conditions: [orders('>=', 2, { last_days: 30 })] })), 'grouped')
      assert.equal(chooseStrategy(resolve({ type: 'any', conditions: [city('上海'), orders('>=', 2, { last_days: 30 })] })), 'grouped')
    })

    test('a calendar date is read in the workspace time zone: E ordered on 2 January in Shanghai, 1 January in UTC', async () => {
      const since = orders('>=', 1, { since: '2026-01-02' }, { status: ['completed'] })
      const e = (ids: string[]) => ids.includes('E')
      assert.equal(e((await members(resolve(since), { timeZone: 'Asia/Shanghai' })).ids), true)
      assert.equal(e((await members(resolve(since), { timeZone: 'UTC' })).ids), false)
      const onDay = { type: 'behaviour', source: 'orders', measure: 'first_at', op: 'on', value: '2026-01-02' }
      assert.deepEqual((await members(resolve({ type: 'all', conditions: [onDay, city('上海')] }), { timeZone: 'Asia/Shanghai' })).ids, ['E'])
      assert.deepEqual((await members(resolve({ type: 'all', conditions: [onDay, city('上海')] }), { timeZone: 'UTC' })).ids, [])
    })

    test('the statement holds no value: every value is a parameter, and injection strings are data', async () => {
      const evil = "x' OR '1'='1"
      const { ids, c } = await members(resolve({ type: 'any', conditions: [city(evil), { type: 'tag', op: 'any', value: [evil] }, { type: 'attribute', path: 'a.b', value_type: 'text', op: 'is', value: evil }] }))
      assert.deepEqual(ids, [])
      assert.ok(!c.sql.includes(evil) && !c.sql.includes("'1'='1"), c.sql)
      assert.ok(c.params.some((p) => String(p).includes(evil)))
    })

    test('the inline form of the SQL (values written in) selects the same customers', async () => {
      for (const [[, tree], strategy] of CASES.flatMap((c) => [[c, 'lateral'], [c, 'grouped']] as const)) {
        const { ids, c } = await members(resolve(tree), { strategy })
        const rows = await db.query<{ id: number }>(inlineSql(c.sql, c.params))
        const byId = await db.query<{ external_id: string }>('SELECT external_id FROM customers WHERE workspace_id = $1 AND id = ANY($2::bigint[]) ORDER BY external_id',
          [w.ws, `{${rows.map((r) => Number(r.id)).join(',')}}`])
        assert.deepEqual(byId.map((r) => r.external_id), ids, inlineSql(c.sql, c.params))
      }
    })

    test('per customer, a count that only asks for a row is EXISTS (NOT EXISTS for none), and "why" still gets the count', async () => {
      const tree = resolve({ type: 'all', conditions: [city('上海'), orders('>=', 1, { last_days: 30 }), orders('=', 0, { last_days: 7 }), orders('>=', 2, { last_days: 30 }), { type: 'product', op: 'any', categories: ['Coffee & Tea'] }] })
      const c = compileSegment(tree, { workspaceId: w.ws, now: NOW, timeZone: 'UTC', strategy: 'lateral' })
      assert.equal(c.where.match(/\(NOT EXISTS \(/g)?.length, 1, c.where)
      assert.equal(c.where.match(/EXISTS \(/g)?.length, 3, c.where)
      assert.equal(c.from.match(/LEFT JOIN LATERAL/g)?.length, 1, 'only the count ≥ 2 is joined')
      // As explain-membership.ts reads them: every leaf's value beside the whole tree, for every customer.
      const rows = await db.query<{ external_id: string; matched: boolean; a1: number; a2: number; a4: number }>(
        `SELECT t.external_id, ${c.where} AS matched, ${[1, 2, 4].map((i) => `(${c.leaves[i]?.actual})::int AS a${i}`).join(', ')}
           FROM ${c.from} WHERE t.workspace_id = $1 ORDER BY t.external_id`, c.params)
      assert.deepEqual(rows.map((r) => [r.external_id, r.matched === true, r.a1, r.a2, r.a4]), [['A', false, 2, 1, 1], ['B', false, 0, 0, 0], ['C', false, 0, 0, 0], ['E', false, 0, 0, 1]])
      const grouped = compileSegment(tree, { workspaceId: w.ws, now: NOW, timeZone: 'UTC', strategy: 'grouped' })
      assert.ok(!grouped.where.includes('EXISTS'), 'one pass over the windows: no per-customer EXISTS')
    })

    test('the AND-ed leaves at the top are left without coalesce, so a test on a joined row can make it an inner join; under OR and NOT they keep it', () => {
      const tree = resolve({ type: 'all', conditions: [
        { type: 'prediction', field: 'churn_band', op: 'is', value: 'high' },
        { type: 'all', conditions: [city('上海')] },
        { type: 'any', conditions: [city('北京'), city('x')] },
        { type: 'not', condition: city('y') },
      ] })
      const c = compileSegment(tree, { workspaceId: w.ws, now: NOW, timeZone: 'UTC', strategy: 'lateral' })
      assert.ok(c.where.startsWith('((lower(s_churn.band) = lower($2::text)) AND ((lower(t.city) = lower($3::text))) AND (coalesce('), c.where)
      assert.equal(c.where.match(/coalesce\(/g)?.length, 3, c.where)
      assert.ok(c.leaves.every((l) => l.test.startsWith('coalesce(')), 'a leaf on its own (preview counts, why) keeps two-valued logic')
    })

    test('two conditions on the same aggregate share one join', () => {
      const c = compileSegment(resolve({ type: 'all', conditions: [orders('>=', 1, { last_days: 30 }), orders('<=', 5, { last_days: 30 })] }), { workspaceId: w.ws, now: NOW, timeZone: 'UTC', strategy: 'grouped' })
      assert.equal(c.from.match(/LEFT JOIN/g)?.length, 1)
      assert.equal(c.leaves.length, 2)
      assert.deepEqual(c.leaves.map((l) => l.path), ['$.conditions[0]', '$.conditions[1]'])
    })

    test('a dynamic segment referred to is evaluated inline; NOT IN a segment is its complement', async () => {
      const inner: ReferencedSegment = { id: 901, kind: 'dynamic', tree: resolve(city('上海')) }
      const refs = new Map([[901, inner]])
      assert.deepEqual((await members(resolve({ type: 'segment', op: 'in', segment_id: 901 }), { references: refs })).ids, ['A', 'E'])
      assert.deepEqual((await members(resolve({ type: 'segment', op: 'not_in', segment_id: 901 }), { references: refs })).ids, ['B', 'C'])
    })

    test('a tree deeper than the limit or with too many conditions is refused as too expensive', () => {
      let deep: unknown = city('x')
      for (let i = 0; i < 13; i++) deep = { type: 'not', condition: deep }
      assert.throws(() => compileSegment(resolve(deep), { workspaceId: w.ws, now: NOW, timeZone: 'UTC' }), (e: { code?: string }) => e.code === 'too_expensive')
      const wide = { type: 'any', conditions: Array.from({ length: 61 }, (_, i) => city(`c${i}`)) }
      assert.throws(() => compileSegment(resolve(wide), { workspaceId: w.ws, now: NOW, timeZone: 'UTC' }), (e: { code?: string }) => e.code === 'too_expensive')
    })
  })
}
