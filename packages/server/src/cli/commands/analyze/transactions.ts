import type { Command } from 'commander'
import { columnIndex, type Table } from '../../../io/read-table.ts'
import { dateParser } from '../../../io/parse-date.ts'
import { InputError, UsageError, at } from '../../../errors/rapport-error.ts'

/** A transaction log read from a table: dense customer indices, day numbers, amounts. */
export interface LoadedTransactions {
  customerIds: string[]
  customer: Int32Array
  day: Float64Array
  amount: Float64Array
  /** Dense invoice index per line when --invoice-col is given. */
  transaction?: Int32Array
  /** Lines dropped as cancellations. */
  dropped: number
}

export interface TransactionFlags {
  customerCol: string
  dateCol: string
  amountCol: string
  quantityCol?: string
  invoiceCol?: string
  dateFormat?: string
  excludeCancellations?: boolean
}

/** Adds the transaction-log column options shared by `analyze rfm` and `analyze clv`. */
export function withTransactionOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--customer-col <name>', 'customer id column')
    .requiredOption('--date-col <name>', 'purchase date column')
    .requiredOption('--amount-col <name>', 'amount column (unit price when --quantity-col is given)')
    .option('--quantity-col <name>', 'quantity column; the line value is then quantity × amount')
    .option('--invoice-col <name>', 'invoice / order id column (frequency counts invoices; default: customer-days)')
    .option('--date-format <pattern>', 'auto, YYYYMMDD, ISO, M/D/YYYY H:MM, D/M/YYYY … (default auto)')
    .option('--exclude-cancellations', 'drop lines whose invoice starts with "C" or whose value is negative')
}

/**
 * Reads customer, date and value per line; a blank customer id is skipped (it cannot be attributed),
 * a bad date or number is an input error naming file, line and column.
 */
export function loadTransactions(table: Table, flags: TransactionFlags): LoadedTransactions {
  const ci = columnIndex(table, flags.customerCol)
  const di = columnIndex(table, flags.dateCol)
  const ai = columnIndex(table, flags.amountCol)
  const qi = flags.quantityCol !== undefined ? columnIndex(table, flags.quantityCol) : -1
  const ii = flags.invoiceCol !== undefined ? columnIndex(table, flags.invoiceCol) : -1
  let parse
  try {
    parse = dateParser(flags.dateFormat)
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
    if (flags.excludeCancellations && (/^c/i.test(invoice) || value < 0)) {
      dropped++
      continue
    }
    const rawDate = row[di] ?? ''
    const d = parse(rawDate)
    if (d === undefined) {
      throw new InputError(at(table.file, table.lines[r] ?? 0, table.columns[di], `"${rawDate}" is not a date (--date-format ${flags.dateFormat ?? 'auto'})`))
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

/** Parses a date option (--as-of, --calibration-end) to a day number, with a usage error naming the flag. */
export function dayOption(flag: string, value: string, format?: string): number {
  const d = dateParser('auto')(value) ?? (format ? safe(() => dateParser(format)(value)) : undefined)
  if (d === undefined) throw new UsageError(`${flag} expects a date (YYYY-MM-DD, YYYYMMDD or M/D/YYYY), got "${value}"`)
  return d
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f()
  } catch {
    return undefined
  }
}
