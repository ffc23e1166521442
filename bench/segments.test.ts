import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Db } from '../packages/server/src/store/db.ts'
import { migrate } from '../packages/server/src/store/migrate.ts'
import { openPgliteDb } from '../packages/server/src/store/pglite-db.ts'
import { DATA_NOW, generateSegmentsData, PRODUCTS, CATEGORIES, plannedSizes, type GeneratedData } from './lib/segments-data.ts'
import { agreeingCounts, measureRefresh } from './lib/segments-measure.ts'

const CUSTOMERS = 2000
let db: Db
let data: GeneratedData

before(async () => {
  db = await openPgliteDb('memory://')
  await migrate(db)
  data = await generateSegmentsData(db, CUSTOMERS, { maintenanceMem: '64MB' })
})
after(async () => db.close())

const one = async (sql: string): Promise<number> => Number((await db.query<{ n: number }>(sql))[0]?.n)

test('the generator makes the stated row counts at 2,000 customers', () => {
  const planned = plannedSizes(CUSTOMERS)
  assert.equal(data.rows.customers, CUSTOMERS)
  assert.equal(data.rows.order_items, CUSTOMERS * 10)
  assert.equal(data.rows.orders, planned.orders)
  assert.ok(planned.orders > CUSTOMERS * 3 && planned.orders < CUSTOMERS * 4, `${planned.orders} orders`)
  assert.equal(data.rows.events, CUSTOMERS * 20)
  assert.equal(data.rows.products, PRODUCTS)
  assert.equal(data.rows.model_versions, 2)
})

test('every order has 1 to 5 lines of distinct products and its total is the lines\' sum', async () => {
  assert.equal(await one(`SELECT count(*) AS n FROM orders o LEFT JOIN (SELECT order_id, sum(quantity * unit_price) AS s, count(*) AS k, count(DISTINCT product_id) AS d
    FROM order_items GROUP BY order_id) l ON l.order_id = o.id WHERE l.s IS DISTINCT FROM o.total OR l.k NOT BETWEEN 1 AND 5 OR l.d <> l.k`), 0)
  assert.equal(await one('SELECT count(DISTINCT category) AS n FROM products'), CATEGORIES.length)
})

test('shares: e-mail consent granted for about 60 %, churn and CLV scores for about 80 %, 上海 present', async () => {
  const granted = await one(`SELECT count(*) AS n FROM (SELECT DISTINCT ON (customer_id) status FROM consents WHERE channel = 'email'
    ORDER BY customer_id, recorded_at DESC, (status = 'revoked') DESC) x WHERE status = 'granted'`)
  assert.ok(Math.abs(granted / CUSTOMERS - 0.6) < 0.04, `granted ${granted}`)
  for (const kind of ['churn', 'clv']) {
    const n = await one(`SELECT count(*) AS n FROM customer_scores WHERE kind = '${kind}'`)
    assert.ok(Math.abs(n / CUSTOMERS - 0.8) < 0.04, `${kind} ${n}`)
  }
  assert.ok(await one(`SELECT count(*) AS n FROM customers WHERE city = '上海'`) > CUSTOMERS * 0.1)
  assert.equal(await one(`SELECT count(*) AS n FROM events WHERE occurred_at < '${DATA_NOW.toISOString()}'::timestamptz - interval '365 days' OR occurred_at > '${DATA_NOW.toISOString()}'::timestamptz`), 0)
})

test('the compiled segment and the hand-written query count the same members, and refreshes store exactly them', async () => {
  const { compiled } = await agreeingCounts(db, DATA_NOW)
  assert.ok(compiled > 0, 'the segment has members at this size')
  const r = await measureRefresh(db)
  assert.equal(r.first.result?.members, compiled)
  assert.equal(r.first.result?.added, compiled)
  assert.ok(r.change.rescored > 0 && r.change.clicks > 0 && r.change.revoked > 0)
  assert.equal(r.second.result?.members, r.second.expected)
})
