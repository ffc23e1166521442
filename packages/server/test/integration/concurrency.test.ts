import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { systemActor } from '../../src/domain/actor.ts'
import { importFile } from '../../src/services/import/import-file.ts'
import type { Db } from '../../src/store/db.ts'
import { backends } from '../backends.ts'
import { authHeaders, startApp, workspace } from '../api/harness.ts'

/**
 * The concurrency defects of issue 13 as tests: lost updates, orphans left by an import racing a delete,
 * and deadlocks between overlapping batches. They matter on PostgreSQL (many connections); on PGlite
 * (one connection) they run too and must hold trivially.
 */
const dir = mkdtempSync(join(tmpdir(), 'rapport-conc-'))
after(() => rmSync(dir, { recursive: true, force: true }))

for (const backend of backends()) {
  describe(`concurrency on ${backend.name}`, () => {
    let db: Db
    let app: FastifyInstance
    before(async () => {
      db = await backend.open()
      app = await startApp(db)
    })
    after(async () => {
      await app.close()
      await db.close()
    })

    test('10 clients × 50 PATCHes of distinct fields of one customer: every last change is present', async () => {
      const api = await workspace(db, 'conc-patch')
      const id = (await api('POST', '/api/v1/customers', { external_id: 'p1' })).body.id as number
      const genders = ['female', 'male', 'other', 'unknown']
      const fields: Array<[string, (i: number) => unknown]> = [
        ['name', (i) => `name ${i}`], ['email', (i) => `e${i}@example.com`], ['phone', (i) => `+86 138 0000 ${String(1000 + i)}`],
        ['city', (i) => `city ${i}`], ['region', (i) => `region ${i}`], ['country', (i) => `C${String.fromCharCode(65 + (i % 26))}`],
        ['gender', (i) => genders[i % 4]], ['birth_date', (i) => `1990-01-${String(1 + (i % 28)).padStart(2, '0')}`],
        ['signup_at', (i) => `2024-02-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`], ['tags', (i) => [`t${i}`]],
      ]
      const rounds = 50
      const failures: string[] = []
      await Promise.all(fields.map(async ([field, value]) => {
        for (let i = 0; i < rounds; i++) {
          const r = await api('PATCH', `/api/v1/customers/${id}`, { [field]: value(i) })
          if (r.status !== 200) failures.push(`${field} #${i}: ${r.status} ${r.text}`)
        }
      }))
      assert.deepEqual(failures, [])
      const final = (await api('GET', `/api/v1/customers/${id}`)).body
      for (const [field, value] of fields) assert.deepEqual(final[field], value(rounds - 1), field)
    })

    test('If-Match: a write with the current ETag succeeds; with a stale one it is 412 and changes nothing', async () => {
      const api = await workspace(db, 'conc-etag')
      const created = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: authHeaders(app, 'conc-etag'), payload: { external_id: 'e1', city: 'Oslo' } })
      const etag = String(created.headers.etag)
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/)
      const id = JSON.parse(created.body).id as number
      const ok = await api('PATCH', `/api/v1/customers/${id}`, { city: 'Rome' }, { 'if-match': etag })
      assert.equal(ok.status, 200)
      const stale = await api('PATCH', `/api/v1/customers/${id}`, { city: 'Lima' }, { 'if-match': etag })
      assert.equal(stale.status, 412)
      assert.equal(stale.body.error.code, 'precondition_failed')
      assert.equal((await api('GET', `/api/v1/customers/${id}`)).body.city, 'Rome')
      const del = await api('DELETE', `/api/v1/customers/${id}`, undefined, { 'if-match': etag })
      assert.equal(del.status, 412)
    })

    test('an import of order lines racing deletes of their orders leaves no order line without its order (repeated)', async () => {
      const api = await workspace(db, 'conc-orphans')
      const wsId = api.id
      const orders = 2000
      const linesPerOrder = 20
      const products = 40
      const file = (name: string, header: string, rows: string[]) => {
        const p = join(dir, `${backend.name}-${name}`)
        writeFileSync(p, `${header}\n${rows.join('\n')}\n`)
        return p
      }
      const actor = systemActor(wsId)
      await importFile(db, file('c.csv', 'external_id', ['c1']), { entity: 'customers', actor })
      await importFile(db, file('p.csv', 'sku,name', Array.from({ length: products }, (_, i) => `p${i},P${i}`)), { entity: 'products', actor })
      for (let round = 0; round < 2; round++) {
        const orderRows = Array.from({ length: orders }, (_, i) => `r${round}-o${i},c1,2025-01-01T00:00:00Z,10`)
        await importFile(db, file(`o${round}.csv`, 'external_id,customer_id,ordered_at,total', orderRows), { entity: 'orders', actor })
        const lines: string[] = []
        for (let o = 0; o < orders; o++) for (let l = 0; l < linesPerOrder; l++) lines.push(`r${round}-o${o},p${l},1,1.00`)
        // The first 50 orders of the file: their lines are resolved in the first batch, before the deletes.
        const first = Array.from({ length: 50 }, (_, i) => `r${round}-o${i}`)
        const ids = (await db.query<{ id: number }>('SELECT id FROM orders WHERE workspace_id = $1 AND external_id = ANY($2::text[])', [wsId, first])).map((r) => Number(r.id))
        assert.equal(ids.length, 50)
        let fired: Promise<unknown> | undefined
        const imported = importFile(db, file(`i${round}.csv`, 'order_id,sku,quantity,unit_price', lines), {
          entity: 'order_items', actor, batchSize: 2000,
          onProgress: (read) => {
            if (read >= 8000 && !fired) fired = Promise.all(ids.map((id) => api('DELETE', `/api/v1/orders/${id}`)))
          },
        })
        const summary = await imported
        const deletes = (await fired) as Array<{ status: number }> | undefined
        assert.ok(deletes, 'the deletes were sent while the import ran')
        assert.ok(deletes.every((d) => d.status === 204 || d.status === 404), JSON.stringify(deletes.map((d) => d.status)))
        // Either way is safe: the deletes waited for the import (their orders were locked when it resolved
        // them), or they came first and the import refused the lines of the orders that were gone.
        if (!summary.committed) assert.ok(summary.errors.every((e) => /unknown order/.test(e.reason)), JSON.stringify(summary.errors.slice(0, 3)))
        const [orphans] = await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM order_items i WHERE i.workspace_id = $1 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = i.workspace_id AND o.id = i.order_id)',
          [wsId],
        )
        assert.equal(Number(orphans?.n), 0, `round ${round}: order lines without their order`)
      }
    })

    test('20 clients sending overlapping order and event batches get no 5xx, and every accepted item is stored once', async () => {
      const api = await workspace(db, 'conc-batch')
      const customers = Array.from({ length: 50 }, (_, i) => ({ external_id: `bc${i}` }))
      assert.equal((await api('POST', '/api/v1/customers', customers[0])).status, 201)
      for (const c of customers.slice(1)) await api('POST', '/api/v1/customers', c)
      for (let p = 0; p < 20; p++) await api('POST', '/api/v1/products', { sku: `bp${p}`, name: `P${p}` })
      const seconds = backend.name === 'PostgreSQL' ? 30 : 5
      const until = Date.now() + seconds * 1000
      const statuses = new Map<number, number>()
      const acceptedOrders = new Set<string>()
      const acceptedEvents = new Set<string>()
      let rng = 12345
      const rand = (n: number) => {
        rng = (rng * 1103515245 + 12345) % 2147483648
        return rng % n
      }
      await Promise.all(Array.from({ length: 20 }, async (_, client) => {
        while (Date.now() < until) {
          // Overlapping keys from small shared pools, in a different random order each time.
          const orderIds = Array.from({ length: 30 }, () => `bo${rand(200)}`)
          const eventIds = Array.from({ length: 60 }, () => `be${rand(400)}`)
          const orderItems = orderIds.map((id) => ({
            external_id: id, customer_id: `bc${rand(50)}`, ordered_at: '2025-03-01T00:00:00Z', total: 5,
            items: [{ sku: `bp${rand(10)}`, quantity: 1, unit_price: 5 }, { sku: `bp${10 + rand(10)}`, quantity: 2, unit_price: 1 }],
          }))
          const eventItems = eventIds.map((id) => ({ external_id: id, customer_id: `bc${rand(50)}`, type: 'view', occurred_at: '2025-03-01T00:00:00Z' }))
          const [o, e] = await Promise.all([
            api('POST', '/api/v1/orders/batch', { items: orderItems }),
            api('POST', '/api/v1/events/batch', { items: eventItems }),
          ])
          for (const r of [o, e]) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
          if (o.status === 200) for (const id of orderIds) acceptedOrders.add(id)
          if (e.status === 200) for (const id of eventIds) acceptedEvents.add(id)
          void client
        }
      }))
      const fiveXx = [...statuses].filter(([s]) => s >= 500)
      assert.deepEqual(fiveXx, [], `statuses: ${JSON.stringify([...statuses])}`)
      assert.ok((statuses.get(200) ?? 0) > 20, `statuses: ${JSON.stringify([...statuses])}`)
      const stored = await db.query<{ external_id: string; n: number }>('SELECT external_id, count(*)::int AS n FROM orders WHERE workspace_id = $1 GROUP BY external_id', [api.id])
      assert.deepEqual(stored.map((r) => r.external_id).sort(), [...acceptedOrders].sort())
      assert.ok(stored.every((r) => Number(r.n) === 1))
      const events = await db.query<{ external_id: string }>('SELECT external_id FROM events WHERE workspace_id = $1', [api.id])
      assert.deepEqual(events.map((r) => r.external_id).sort(), [...acceptedEvents].sort())
    })
  })
}

