import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemActor } from '../packages/server/src/domain/actor.ts'
import { readTable, stringColumn } from '../packages/server/src/io/read-table.ts'
import { importFile } from '../packages/server/src/services/import/import-file.ts'
import { openDb } from '../packages/server/src/store/open-db.ts'
import { deriveOnlineRetail, MAPPINGS } from './lib/online-retail-csv.ts'
import { dataFile } from './lib/report.ts'

const sources = ['germany', 'france'].map((c) => dataFile('online-retail', `${c}.csv`))
const absent = sources.some((s) => s === undefined) && 'shared data absent'

test('Online Retail: derived files keep every attributable invoice, refunds for C invoices, totals as in the source; the importer takes them with the mapping', { skip: absent }, async () => {
  const files = sources as string[]
  // Independent count from the raw lines: per invoice with a CustomerID, |Σ quantity × price| and whether it is a cancellation.
  const expected = new Map<string, number>()
  const customers = new Set<string>()
  let noCustomer = 0
  for (const f of files) {
    const t = await readTable(f)
    t.columns = t.columns.map((c) => c.replace(/^\uFEFF/, ''))
    const [inv, q, p, c] = ['InvoiceNo', 'Quantity', 'UnitPrice', 'CustomerID'].map((n) => stringColumn(t, n)) as string[][]
    for (let i = 0; i < t.rows.length; i++) {
      if ((c?.[i] ?? '').trim() === '') {
        noCustomer++
        continue
      }
      customers.add(c?.[i] as string)
      expected.set(inv?.[i] as string, (expected.get(inv?.[i] as string) ?? 0) + Number(q?.[i]) * Number(p?.[i]))
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-retail-test-'))
  const db = await openDb({ dataDir: 'memory://' })
  try {
    const d = await deriveOnlineRetail(files, dir)
    assert.equal(d.counts.droppedNoCustomer, noCustomer)
    assert.equal(noCustomer, 66, 'SOURCE.md: 66 French lines have no CustomerID')
    assert.equal(d.counts.customers, customers.size)
    assert.equal(d.counts.orders, expected.size)

    const orders = await readTable(d.files.orders)
    const [id, status, total] = ['InvoiceNo', 'status', 'total'].map((n) => stringColumn(orders, n)) as string[][]
    for (let i = 0; i < orders.rows.length; i++) {
      const invoice = id?.[i] as string
      assert.equal(status?.[i], invoice.startsWith('C') ? 'refunded' : 'completed', invoice)
      assert.ok(Math.abs(Number(total?.[i]) - Math.abs(expected.get(invoice) ?? NaN)) < 0.006, `${invoice}: total ${total?.[i]} vs ${expected.get(invoice)}`)
    }

    const actor = systemActor(1)
    const read: Record<string, number> = {}
    for (const entity of ['customers', 'products', 'orders', 'order_items'] as const) {
      const s = await importFile(db, d.files[entity], { entity, actor, map: { ...MAPPINGS[entity] } })
      assert.ok(s.committed, `${entity}: ${JSON.stringify(s.errors[0])}`)
      read[entity] = s.inserted
    }
    assert.deepEqual(read, { customers: d.counts.customers, products: d.counts.products, orders: d.counts.orders, order_items: d.counts.orderLines })
    const [refunded] = await db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM orders WHERE workspace_id = 1 AND status = 'refunded' AND external_id LIKE 'C%'`)
    assert.equal(Number(refunded?.n), d.counts.refunds)
  } finally {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
