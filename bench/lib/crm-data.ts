import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { createRng } from '@rapport/ml'
import { systemActor } from '../../packages/server/src/domain/actor.ts'
import type { EntityName } from '../../packages/server/src/domain/entities.ts'
import { importFile } from '../../packages/server/src/services/import/import-file.ts'
import type { Db } from '../../packages/server/src/store/db.ts'

/** Cities the generated customers live in, evenly (the list benchmark filters by them). */
export const CITIES = Array.from({ length: 40 }, (_, i) => `City ${String(i).padStart(2, '0')}`)

export interface CrmSize {
  customers: number
  orderLines: number
}

const LINES_PER_ORDER = 4
const PRODUCTS = 2000

async function writeCsv(path: string, header: string, n: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path)
  out.write(`${header}\n`)
  for (let i = 0; i < n; i++) if (!out.write(`${line(i)}\n`)) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
}

/**
 * Writes customers, products, orders and order lines as CSV in `dir`: customers spread evenly over CITIES,
 * orders (four distinct products each) given to customers at random, so a customer has
 * orderLines / 4 / customers orders on average. Seeded: the same size gives the same files.
 */
export async function writeCrmCsv(dir: string, size: CrmSize): Promise<Record<'customers' | 'products' | 'orders' | 'order_items', string>> {
  const rng = createRng(42)
  const orders = Math.ceil(size.orderLines / LINES_PER_ORDER)
  const files = {
    customers: join(dir, 'customers.csv'),
    products: join(dir, 'products.csv'),
    orders: join(dir, 'orders.csv'),
    order_items: join(dir, 'order_items.csv'),
  }
  const t0 = Date.UTC(2023, 0, 1)
  await writeCsv(files.customers, 'external_id,name,email,city,country,signup_at', size.customers, (i) =>
    `C${i},Customer ${i},c${i}@example.com,${CITIES[i % CITIES.length]},GB,${new Date(t0 + i * 300_000).toISOString()}`)
  await writeCsv(files.products, 'sku,name,category,price', PRODUCTS, (i) => `P${i},Product ${i},cat${i % 12},${(1 + (i % 97)).toFixed(2)}`)
  const statuses = ['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'cancelled', 'refunded']
  await writeCsv(files.orders, 'external_id,customer_id,ordered_at,status,total', orders, (i) =>
    `O${i},C${rng.int(size.customers)},${new Date(t0 + i * 120_000).toISOString()},${statuses[rng.int(statuses.length)]},${(10 + rng.int(200)).toFixed(2)}`)
  await writeCsv(files.order_items, 'order_id,sku,quantity,unit_price', size.orderLines, (i) => {
    const o = Math.floor(i / LINES_PER_ORDER)
    const sku = (o * 7 + (i % LINES_PER_ORDER) * 500) % PRODUCTS
    return `O${o},P${sku},${1 + (i % 3)},${(1 + (sku % 97)).toFixed(2)}`
  })
  return files
}

/** Imports the files with `importFile` as the system actor of the workspace; returns seconds per entity. */
export async function importCrm(db: Db, workspaceId: number, files: Record<'customers' | 'products' | 'orders' | 'order_items', string>): Promise<Array<{ entity: string; rows: number; seconds: number }>> {
  const out: Array<{ entity: string; rows: number; seconds: number }> = []
  for (const entity of ['customers', 'products', 'orders', 'order_items'] as const satisfies readonly EntityName[]) {
    const s = await importFile(db, files[entity], { entity, actor: systemActor(workspaceId) })
    if (!s.committed) throw new Error(`${entity}: ${s.errorCount} errors, first: ${JSON.stringify(s.errors[0])}`)
    out.push({ entity, rows: s.read, seconds: s.seconds })
  }
  return out
}
