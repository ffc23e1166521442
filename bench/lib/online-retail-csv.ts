import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { join } from 'node:path'
import { parseDateAuto } from '../../packages/server/src/io/parse-date.ts'
import { readTable, stringColumn } from '../../packages/server/src/io/read-table.ts'
import { writeRecords } from '../../packages/server/src/io/write-records.ts'

/**
 * UCI Online Retail invoice lines (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
 * CustomerID, Country) → one CSV per entity for the importer. The importer takes one entity per file and an
 * order needs its total, so the raw file cannot be imported as is; the derived files keep the source's
 * column names where a column passes through, and `MAPPINGS` maps them to the entity's fields (the
 * `rapport import --map` pairs). Rules:
 * - A cancellation (InvoiceNo starting with "C", negative quantities) is an order of its own with status
 *   `refunded`, its lines and total as positive amounts.
 * - Rows without a CustomerID cannot be attributed to anyone and are dropped (counted).
 * - Codes that are not merchandise (postage, manual adjustments, carriage, fees) add to the order total but
 *   are not order lines: otherwise "POSTAGE" sits in most German baskets and in every basket rule.
 * - Repeated (invoice, code) lines are merged (the store keys order lines by order and product): quantities
 *   summed, the unit price the quantity-weighted mean.
 */
export const NON_MERCHANDISE = new Set(['POST', 'DOT', 'M', 'C2', 'D', 'CRUK', 'BANK CHARGES', 'AMAZONFEE', 'PADS', 'S', 'B'])
const COUNTRY_CODES: Record<string, string> = { Germany: 'DE', France: 'FR' }

export const MAPPINGS = {
  customers: { CustomerID: 'external_id' },
  products: { StockCode: 'sku', Description: 'name', UnitPrice: 'price' },
  orders: { InvoiceNo: 'external_id', CustomerID: 'customer_id', InvoiceDate: 'ordered_at' },
  order_items: { InvoiceNo: 'order_id', StockCode: 'sku', Quantity: 'quantity', UnitPrice: 'unit_price' },
} as const

export type RetailEntity = keyof typeof MAPPINGS

export interface DerivedRetail {
  files: Record<RetailEntity, string>
  counts: {
    sourceRows: number
    droppedNoCustomer: number
    droppedNoCustomerInvoices: number
    nonMerchandiseLines: number
    mergedLines: number
    customers: number
    products: number
    orders: number
    refunds: number
    orderLines: number
  }
}

interface Order { customer: string; at: string; total: number; lines: Map<string, { q: number; value: number }> }

const money = (x: number): string => (Math.round(x * 100) / 100).toFixed(2)

async function writeCsv(file: string, fields: string[], rows: Array<Record<string, unknown>>): Promise<void> {
  const out = createWriteStream(file)
  async function* all() { yield* rows }
  await writeRecords(all(), fields, 'csv', out)
  out.end()
  await finished(out)
}

export async function deriveOnlineRetail(sources: string[], dir: string): Promise<DerivedRetail> {
  const customers = new Map<string, string>()
  const products = new Map<string, { name: string; price: number }>()
  const orders = new Map<string, Order>()
  const noCustomerInvoices = new Set<string>()
  let sourceRows = 0
  let droppedNoCustomer = 0
  let nonMerchandiseLines = 0
  let mergedLines = 0
  for (const source of sources) {
    const t = await readTable(source)
    t.columns = t.columns.map((c) => c.replace(/^\uFEFF/, ''))
    const col = (name: string) => stringColumn(t, name)
    const [inv, code, desc, qty, date, price, cust, country] = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'].map(col) as string[][]
    for (let i = 0; i < t.rows.length; i++) {
      sourceRows++
      const invoice = inv?.[i]?.trim() ?? ''
      const customer = (cust?.[i] ?? '').trim().replace(/\.0$/, '')
      if (customer === '') {
        droppedNoCustomer++
        noCustomerInvoices.add(invoice)
        continue
      }
      customers.set(customer, COUNTRY_CODES[(country?.[i] ?? '').trim()] ?? '')
      const q = Math.abs(Number(qty?.[i]))
      const p = Number(price?.[i])
      const sku = (code?.[i] ?? '').trim()
      let order = orders.get(invoice)
      if (!order) {
        const day = parseDateAuto(date?.[i] ?? '')
        if (day === undefined || !Number.isFinite(day)) throw new Error(`${source} line ${t.lines[i]}: InvoiceDate "${date?.[i]}" is not a date`)
        order = { customer, at: new Date(Math.round(day * 86_400_000)).toISOString(), total: 0, lines: new Map() }
        orders.set(invoice, order)
      }
      order.total += q * p
      if (NON_MERCHANDISE.has(sku.toUpperCase())) {
        nonMerchandiseLines++
        continue
      }
      if (!products.has(sku)) products.set(sku, { name: (desc?.[i] ?? '').trim() || sku, price: p })
      const line = order.lines.get(sku)
      if (line) {
        mergedLines++
        line.q += q
        line.value += q * p
      } else order.lines.set(sku, { q, value: q * p })
    }
  }
  const files = {
    customers: join(dir, 'customers.csv'), products: join(dir, 'products.csv'), orders: join(dir, 'orders.csv'), order_items: join(dir, 'order_items.csv'),
  }
  await writeCsv(files.customers, ['CustomerID', 'country'], [...customers].map(([id, c]) => ({ CustomerID: id, country: c || undefined })))
  await writeCsv(files.products, ['StockCode', 'Description', 'UnitPrice'], [...products].map(([sku, p]) => ({ StockCode: sku, Description: p.name, UnitPrice: money(Math.max(0, p.price)) })))
  const orderRows = [...orders].map(([invoice, o]) => ({
    InvoiceNo: invoice, CustomerID: o.customer, InvoiceDate: o.at, status: invoice.startsWith('C') ? 'refunded' : 'completed',
    total: money(Math.abs(o.total)), currency: 'GBP', channel: 'web',
  }))
  await writeCsv(files.orders, ['InvoiceNo', 'CustomerID', 'InvoiceDate', 'status', 'total', 'currency', 'channel'], orderRows)
  const lineRows = [...orders].flatMap(([invoice, o]) => [...o.lines].map(([sku, l]) => ({
    InvoiceNo: invoice, StockCode: sku, Quantity: l.q, UnitPrice: money(Math.max(0, l.value / l.q)),
  })))
  await writeCsv(files.order_items, ['InvoiceNo', 'StockCode', 'Quantity', 'UnitPrice'], lineRows)
  return {
    files,
    counts: {
      sourceRows, droppedNoCustomer, droppedNoCustomerInvoices: noCustomerInvoices.size, nonMerchandiseLines, mergedLines,
      customers: customers.size, products: products.size, orders: orders.size,
      refunds: orderRows.filter((o) => o.status === 'refunded').length, orderLines: lineRows.length,
    },
  }
}
