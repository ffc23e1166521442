import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { backends } from '../../../../test/backends.ts'
import type { Db } from '../../../store/db.ts'
import { loadMergeContexts } from './merge-context.ts'

const one = async (db: Db, sql: string, params: unknown[]): Promise<number> => {
  const [row] = await db.query<{ id: number }>(`${sql} RETURNING id`, params)
  assert.ok(row)
  return Number(row.id)
}

for (const backend of backends()) {
  describe(`loadMergeContexts (${backend.name})`, () => {
    let db: Db
    let ws: number
    let ada: number
    let wang: number
    let bare: number
    let other: number
    const opts = { baseUrl: 'https://shop.example.com/', workspaceName: 'Tea House' }

    before(async () => {
      db = await backend.open()
      ws = await one(db, `INSERT INTO workspaces (slug, name) VALUES ('merge-ws', 'Tea House')`, [])
      const customer = (ext: string, name: string | null, country: string | null, attributes: object) =>
        one(db, `INSERT INTO customers (workspace_id, external_id, name, email, city, country, attributes) VALUES ($1, $2, $3, $4, 'Taipei', $5, $6)`,
          [ws, ext, name, `${ext}@example.com`, country, JSON.stringify(attributes)])
      ada = await customer('c1', 'Ada Lovelace', 'GB', {})
      wang = await customer('c2', '王小明', 'TW', { first_name: '小明' })
      bare = await customer('c3', null, null, {})
      other = await one(db, `INSERT INTO customers (workspace_id, external_id, name) VALUES (1, 'x1', 'Elsewhere')`, [])

      const product = (sku: string, name: string, price: number | null, attributes: object) =>
        one(db, `INSERT INTO products (workspace_id, sku, name, category, price, attributes) VALUES ($1, $2, $3, 'Tea', $4, $5)`,
          [ws, sku, name, price, JSON.stringify(attributes)])
      const oolong = await product('oolong 1', 'Oolong', 12.5, { currency: 'TWD', url: 'https://tea.example/oolong', image_url: 'https://tea.example/o.jpg' })
      const puer = await product('puer', 'Pu-erh', null, { url: 'javascript:alert(1)' })
      const green = await product('green', 'Green', 8, {})

      const order = (ext: string, customerId: number, at: string, status: string, total: number) =>
        db.query(`INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, status, total, currency) VALUES ($1, $2, $3, $4, $5, $6, 'TWD')`,
          [ws, ext, customerId, at, status, total])
      await order('o1', ada, '2025-01-10T10:00:00Z', 'completed', 30)
      await order('o2', ada, '2025-02-01T23:30:00Z', 'paid', 45.5)
      await order('o3', ada, '2025-03-01T10:00:00Z', 'cancelled', 99)
      await order('o4', wang, '2024-12-24T08:00:00Z', 'shipped', 10)

      const mv = (kind: string) => one(db, `INSERT INTO model_versions (workspace_id, kind, version, status, actor_label) VALUES ($1, $2, 1, 'active', 'test')`, [ws, kind])
      const score = async (kind: string, customerId: number, band: string | null, label: string | null) =>
        db.query(`INSERT INTO customer_scores (workspace_id, kind, customer_id, model_version_id, band, label) VALUES ($1, $2, $3, $4, $5, $6)`,
          [ws, kind, customerId, await mv(`${kind}-${customerId}`), band, label])
      await score('clv', ada, 'high', null)
      await score('churn', ada, 'low', null)
      await score('cluster', ada, null, 'Tea lover')
      await score('rfm', ada, null, 'Champions')
      await score('next_category', ada, null, 'Tea')
      const rec = await mv('recommend')
      for (const [rank, p] of [[2, puer], [1, oolong], [3, green]] as const) {
        await db.query(`INSERT INTO customer_recommendations (workspace_id, customer_id, rank, product_id, score, source, model_version_id) VALUES ($1, $2, $3, $4, 0.5, 'model', $5)`,
          [ws, ada, rank, p, rec])
      }
    })
    after(() => db.close())

    test('fills customer, last non-cancelled order, bands, labels and ranked recommendations', async () => {
      const ctx = (await loadMergeContexts(db, ws, [ada], opts)).get(ada)
      assert.deepEqual(ctx, {
        customer: { name: 'Ada Lovelace', first_name: 'Ada', email: 'c1@example.com', city: 'Taipei', country: 'GB' },
        last_order: { date: '2025-02-01', total: 45.5, currency: 'TWD' },
        clv_band: 'high',
        churn_band: 'low',
        persona: 'Tea lover',
        rfm_segment: 'Champions',
        recommendations: [
          { name: 'Oolong', category: 'Tea', price: 12.5, currency: 'TWD', url: 'https://tea.example/oolong', image_url: 'https://tea.example/o.jpg' },
          { name: 'Pu-erh', category: 'Tea', price: null, currency: null, url: 'https://shop.example.com/p/puer', image_url: null },
          { name: 'Green', category: 'Tea', price: 8, currency: null, url: 'https://shop.example.com/p/green', image_url: null },
        ],
        unsubscribe_url: '',
        view_url: '',
        workspace: { name: 'Tea House' },
      })
    })

    test('takes at most recommendationLimit products; empty fields for a customer without data', async () => {
      const map = await loadMergeContexts(db, ws, [ada, wang, bare], { ...opts, recommendationLimit: 1 })
      assert.deepEqual(map.get(ada)?.recommendations.map((r) => r.name), ['Oolong'])
      assert.equal(map.get(wang)?.customer.first_name, '小明')
      assert.deepEqual(map.get(wang)?.last_order, { date: '2024-12-24', total: 10, currency: 'TWD' })
      assert.deepEqual(map.get(wang)?.recommendations, [])
      const b = map.get(bare)
      assert.deepEqual([b?.customer.name, b?.customer.first_name, b?.last_order, b?.clv_band, b?.persona], [null, null, null, null, null])
    })

    test('leaves out customers of other workspaces', async () => {
      const map = await loadMergeContexts(db, ws, [ada, other], opts)
      assert.deepEqual([...map.keys()], [ada])
    })

    test('runs one query for a batch, whatever its size, and none for an empty one', async () => {
      let queries = 0
      const counting: Db = { ...db, kind: db.kind, query: (sql, params) => { queries++; return db.query(sql, params) } }
      await loadMergeContexts(counting, ws, [ada, wang, bare], opts)
      assert.equal(queries, 1)
      assert.equal((await loadMergeContexts(counting, ws, [], opts)).size, 0)
      assert.equal(queries, 1)
    })
  })
}
