import { systemActor } from '../../src/domain/actor.ts'
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { backends } from '../backends.ts'
import type { Db } from '../../src/store/db.ts'
import { importFile } from '../../src/services/import/import-file.ts'
import { exportEntity } from '../../src/services/export/export-entity.ts'
import { writeRecords } from '../../src/io/write-records.ts'
import { migrate } from '../../src/store/migrate.ts'

const dir = mkdtempSync(join(tmpdir(), 'rapport-int-'))
const file = (name: string, text: string): string => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

const customersCsv = `external_id,name,email,city,country,tags
c1,Ann Lee,ann@example.com,London,GB,vip;news
c2,Bob,bob-at-example,Paris,FR,
c3,陈伟,chen@example.cn,上海,CN,
c4,Dee,dee@example.com,Rome,IT,
c5,Eve,eve@example.com,Oslo,NO,
c6,Fay,fay@example.com,Oslo,NO,
,Nobody,no@example.com,Oslo,NO,
`
const goodCustomers = `external_id,name,email,city,country
k1,Kim,kim@example.com,Seoul,KR
k2,Lou,lou@example.com,Lyon,FR
`
const products = `sku,name,category,price
p1,Coffee beans,coffee,12.50
p2,Filter papers,coffee,3.20
`
const orders = `{"external_id":"o1","customer_id":"k1","ordered_at":"2025-01-01T10:00:00Z","total":15.7,"status":"completed"}
{"external_id":"o2","customer_id":"k2","ordered_at":"2025-01-02T10:00:00Z","total":12.5}
`
const items = `order_id,sku,quantity,unit_price
o1,p1,1,12.50
o1,p2,1,3.20
o2,p1,1,12.50
o2,p9,1,1.00
`

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${table}`)
  return Number(row?.n)
}

async function exportText(db: Db, entity: 'customers' | 'order_items', fields: string[]): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  await writeRecords(exportEntity(db, systemActor(1), entity), fields, 'csv', out)
  return Buffer.concat(chunks).toString('utf8')
}

for (const backend of backends()) {
  describe(`store and import on ${backend.name}`, () => {
    let db: Db
    before(async () => {
      db = await backend.open()
    })
    after(async () => {
      await db.close()
    })

    test('migrations are safe to run twice', async () => {
      assert.deepEqual(await migrate(db), [])
      assert.equal(await count(db, 'workspaces'), 1)
    })

    test('a file with bad rows writes nothing and reports each as file:line: column: reason', async () => {
      const p = file('customers.csv', customersCsv)
      const s = await importFile(db, p, { entity: 'customers', actor: systemActor(1) })
      assert.equal(s.committed, false)
      assert.equal(s.rejected, 2)
      assert.deepEqual(
        s.errors.map((e) => [e.line, e.column]),
        [[3, 'email'], [8, 'external_id']],
      )
      assert.equal(s.errors[1]?.reason, 'is required')
      assert.equal(await count(db, 'customers'), 0)
    })

    test('--skip-invalid imports the rest and writes the rejects file', async () => {
      const p = file('customers2.csv', customersCsv)
      const s = await importFile(db, p, { entity: 'customers', actor: systemActor(1), skipInvalid: true })
      assert.equal(s.committed, true)
      assert.equal(s.inserted, 5)
      assert.equal(await count(db, 'customers'), 5)
      const rejects = readFileSync(`${p}.rejects.csv`, 'utf8').trim().split('\n')
      assert.equal(rejects.length, 3)
      assert.match(rejects[1] ?? '', /^3,email: Invalid email address,c2,/)
      const [tags] = await db.query<{ tags: string[] }>("SELECT tags FROM customers WHERE external_id = 'c1'")
      assert.deepEqual(tags?.tags, ['vip', 'news'])
    })

    test('importing a good file twice leaves identical counts and changes nothing', async () => {
      const p = file('good.csv', goodCustomers)
      const first = await importFile(db, p, { entity: 'customers', actor: systemActor(1) })
      const before = await count(db, 'customers')
      const [stamp] = await db.query<{ u: string }>("SELECT updated_at::text AS u FROM customers WHERE external_id = 'k1'")
      const second = await importFile(db, p, { entity: 'customers', actor: systemActor(1) })
      const [stamp2] = await db.query<{ u: string }>("SELECT updated_at::text AS u FROM customers WHERE external_id = 'k1'")
      assert.equal(first.inserted, 2)
      assert.equal(second.inserted + second.updated, 0)
      assert.equal(second.unchanged, 2)
      assert.equal(await count(db, 'customers'), before)
      assert.equal(stamp2?.u, stamp?.u)
    })

    test('a changed row is updated in place', async () => {
      const p = file('changed.csv', goodCustomers.replace('Lyon', 'Nice'))
      const s = await importFile(db, p, { entity: 'customers', actor: systemActor(1) })
      assert.equal(s.updated, 1)
      const [row] = await db.query<{ city: string }>("SELECT city FROM customers WHERE external_id = 'k2'")
      assert.equal(row?.city, 'Nice')
    })

    test('references resolve by external id; an unknown product is a row error', async () => {
      await importFile(db, file('products.csv', products), { entity: 'products', actor: systemActor(1) })
      const o = await importFile(db, file('orders.jsonl', orders), { entity: 'orders', actor: systemActor(1) })
      assert.equal(o.inserted, 2)
      const bad = await importFile(db, file('items.csv', items), { entity: 'order_items', actor: systemActor(1) })
      assert.equal(bad.committed, false)
      assert.deepEqual(bad.errors, [{ line: 5, column: 'sku', reason: 'unknown product "p9"' }])
      assert.equal(await count(db, 'order_items'), 0)
      const ok = await importFile(db, file('items2.csv', items.split('\n').slice(0, 4).join('\n')), { entity: 'order_items', actor: systemActor(1) })
      assert.equal(ok.inserted, 3)
      const text = await exportText(db, 'order_items', ['order_id', 'sku', 'quantity', 'unit_price'])
      assert.equal(text, 'order_id,sku,quantity,unit_price\no1,p1,1,12.5\no1,p2,1,3.2\no2,p1,1,12.5\n')
    })

    test('consent history is append-only', async () => {
      const p = file('consents.csv', 'customer_id,channel,status,recorded_at\nk1,email,granted,2025-01-01T00:00:00Z\nk1,email,revoked,2025-02-01T00:00:00Z\n')
      const s = await importFile(db, p, { entity: 'consents', actor: systemActor(1) })
      assert.equal(s.inserted, 2)
      const again = await importFile(db, p, { entity: 'consents', actor: systemActor(1) })
      assert.equal(again.inserted, 0)
      assert.equal(await count(db, 'consents'), 2)
      await assert.rejects(db.query("UPDATE consents SET status = 'granted'"), /append-only/)
      await assert.rejects(db.query('DELETE FROM consents'), /append-only/)
      await db.query("DELETE FROM customers WHERE external_id = 'k1'")
      assert.equal(await count(db, 'consents'), 0, 'erasing a customer removes their consent history')
    })

    test('deletes keep the integrity the fact tables have no foreign keys for', async () => {
      await importFile(db, file('events.csv', 'customer_id,type,sku,occurred_at\nk2,view,p1,2025-01-05T00:00:00Z\nk2,view,,2025-01-06T00:00:00Z\n'), { entity: 'events', actor: systemActor(1) })
      assert.equal(await count(db, 'events'), 2)
      await assert.rejects(db.query("DELETE FROM products WHERE sku = 'p1'"), /referenced by order lines/)
      await db.query("DELETE FROM orders WHERE external_id = 'o2'")
      assert.equal(await count(db, 'order_items'), 0, 'order lines go with their orders (o1 went with customer k1)')
      await db.query("DELETE FROM products WHERE sku = 'p1'")
      const [ev] = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM events WHERE product_id IS NULL')
      assert.equal(Number(ev?.n), 2, 'events keep their customer but lose the deleted product')
      await db.query("DELETE FROM customers WHERE external_id = 'k2'")
      assert.equal(await count(db, 'events'), 0, "a customer's events go with them")
    })

    test('parsing on the worker thread gives the same errors, rejects and rows as on this thread', async () => {
      const inThread = file('w-customers.csv', customersCsv.replace(/\bc(\d)\b/g, 'w$1'))
      const onWorker = file('w-customers-2.csv', customersCsv.replace(/\bc(\d)\b/g, 'w$1'))
      const a = await importFile(db, inThread, { entity: 'customers', actor: systemActor(1), parseInWorker: false })
      const b = await importFile(db, onWorker, { entity: 'customers', actor: systemActor(1), parseInWorker: true })
      assert.equal(b.committed, false)
      assert.deepEqual(b.errors, a.errors)
      assert.deepEqual([b.read, b.rejected, b.format, b.ignoredColumns], [a.read, a.rejected, a.format, a.ignoredColumns])
      const skipped = await importFile(db, onWorker, { entity: 'customers', actor: systemActor(1), parseInWorker: true, skipInvalid: true })
      assert.equal(skipped.inserted, 5)
      const rejects = readFileSync(`${onWorker}.rejects.csv`, 'utf8').trim().split('\n')
      assert.equal(rejects.length, 3)
      assert.match(rejects[1] ?? '', /^3,email: Invalid email address,w2,/)
    })

    test('a malformed file read by the worker fails with file:line and the input-error class', async () => {
      const p = file('w-bad.csv', 'external_id,name\nx1,Ann\nx2,Bob,extra\n')
      await assert.rejects(importFile(db, p, { entity: 'customers', actor: systemActor(1), parseInWorker: true }), (e: Error) => {
        assert.equal(e.name, 'InputError')
        assert.match(e.message, /w-bad\.csv:3: has 3 fields but the header has 2/)
        return true
      })
    })

    test('awkward text survives the bulk path; a key repeated across batches keeps its last row', async () => {
      const awkward = ['say "hi"', 'back\\slash', '{braces,comma}', 'NULL', '多字节 ✓']
      const rows = awkward.map((name, i) => `a${i},"${name.replace(/"/g, '""')}"`)
      rows.push('a0,first again', 'a1,second', 'a0,last wins')
      for (const parseInWorker of [false, true]) {
        const p = file(`awkward-${parseInWorker}.csv`, `external_id,name\n${rows.join('\n')}\n`)
        const s = await importFile(db, p, { entity: 'customers', actor: systemActor(1), parseInWorker, batchSize: 2 })
        assert.equal(s.committed, true)
        const got = await db.query<{ external_id: string; name: string }>("SELECT external_id, name FROM customers WHERE external_id LIKE 'a_' ORDER BY external_id")
        assert.deepEqual(got.map((r) => r.name), ['last wins', 'second', ...awkward.slice(2)])
      }
    })

    test('export is ordered by key in byte order', async () => {
      const text = await exportText(db, 'customers', ['external_id', 'city'])
      assert.equal(text.split('\n')[0], 'external_id,city')
      const ids = text.trim().split('\n').slice(1).map((l) => l.split(',')[0])
      assert.deepEqual(ids, [...(ids as string[])].sort())
    })
  })
}
