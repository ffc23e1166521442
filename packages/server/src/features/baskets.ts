import { basketsFromLong, encodeBaskets, type Baskets } from '@rapport/ml'
import { readRecords } from '../io/records.ts'
import { readTable, stringColumn } from '../io/read-table.ts'
import type { TableOptions } from '../io/table-options.ts'

/** Basket format: one basket per line, items separated by `sep` (default comma), no header. */
export async function readBasketLines(file: string, opts: TableOptions): Promise<Baskets> {
  const rows: string[][] = []
  for await (const rec of readRecords(file, { ...opts, sep: opts.sep ?? ',', header: false })) rows.push(rec.values.map((v) => v.trim()))
  return encodeBaskets(rows)
}

/** Long format: one row per (transaction, item). */
export async function readLongBaskets(file: string, opts: TableOptions, txCol: string, itemCol: string): Promise<Baskets> {
  const table = await readTable(file, opts)
  return basketsFromLong(stringColumn(table, txCol).map((s) => s.trim()), stringColumn(table, itemCol).map((s) => s.trim()))
}
