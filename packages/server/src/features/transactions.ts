import { columnIndex, type Table } from '../io/read-table.ts'
import { dateParser, type DateParser } from '../io/parse-date.ts'
import { InputError, UsageError, at } from '../errors/rapport-error.ts'

/** A transaction log read from a table: dense customer indices, day numbers, amounts. */
export interface LoadedTransactions {
  customerIds: string[]
  customer: Int32Array
  day: Float64Array
  amount: Float64Array
  /** Dense invoice index per line when an invoice column is given. */
  transaction?: Int32Array
  /** Lines dropped as cancellations. */
  dropped: number
}

/** Which columns hold what, and how dates are written. */
export interface TransactionColumns {
  customerCol: string
  dateCol: string
  amountCol: string
  quantityCol?: string | undefined
  invoiceCol?: string | undefined
  dateFormat?: string | undefined
  excludeCancellations?: boolean | undefined
}

/**
 * Reads customer, date and value per line; a blank customer id is skipped (it cannot be attributed),
 * a bad date or number is an input error naming file, line and column.
 */
export function loadTransactions(table: Table, spec: TransactionColumns): LoadedTransactions {
  const ci = columnIndex(table, spec.customerCol)
  const di = columnIndex(table, spec.dateCol)
  const ai = columnIndex(table, spec.amountCol)
  const qi = spec.quantityCol !== undefined ? columnIndex(table, spec.quantityCol) : -1
  const ii = spec.invoiceCol !== undefined ? columnIndex(table, spec.invoiceCol) : -1
  let parse: DateParser
  try {
    parse = dateParser(spec.dateFormat)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const ids = new Map<string, number>()
  const invoices = new Map<string, number>()
  const customer: number[] = []
  const day: number[] = []
  const amount: number[] = []
  const transaction: number[] = []
  let dropped = 0
  const num = (r: number, col: number): number => {
    const raw = (table.rows[r]?.[col] ?? '').trim()
    const v = Number(raw)
    if (raw === '' || !Number.isFinite(v)) {
      throw new InputError(at(table.file, table.lines[r] ?? 0, table.columns[col], `"${raw}" is not a number`))
    }
    return v
  }
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r] as string[]
    const id = (row[ci] ?? '').trim()
    if (id === '') continue
    const invoice = ii >= 0 ? (row[ii] ?? '').trim() : ''
    const value = qi >= 0 ? num(r, qi) * num(r, ai) : num(r, ai)
    if (spec.excludeCancellations && (/^c/i.test(invoice) || value < 0)) {
      dropped++
      continue
    }
    const rawDate = row[di] ?? ''
    const d = parse(rawDate)
    if (d === undefined) {
      throw new InputError(at(table.file, table.lines[r] ?? 0, table.columns[di], `"${rawDate}" is not a date (--date-format ${spec.dateFormat ?? 'auto'})`))
    }
    let c = ids.get(id)
    if (c === undefined) {
      c = ids.size
      ids.set(id, c)
    }
    customer.push(c)
    day.push(d)
    amount.push(value)
    if (ii >= 0) {
      let t = invoices.get(invoice)
      if (t === undefined) {
        t = invoices.size
        invoices.set(invoice, t)
      }
      transaction.push(t)
    }
  }
  if (customer.length === 0) throw new InputError(`${table.file}: no transactions with a customer id`)
  return {
    customerIds: [...ids.keys()],
    customer: Int32Array.from(customer),
    day: Float64Array.from(day),
    amount: Float64Array.from(amount),
    ...(ii >= 0 ? { transaction: Int32Array.from(transaction) } : {}),
    dropped,
  }
}

/** Last purchase day (floored) of a log. */
export function lastDay(tx: LoadedTransactions): number {
  let last = -Infinity
  for (let i = 0; i < tx.day.length; i++) last = Math.max(last, Math.floor(tx.day[i] as number))
  return last
}
