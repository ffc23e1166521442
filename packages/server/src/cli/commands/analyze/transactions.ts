import type { Command } from 'commander'
import { dateParser } from '../../../io/parse-date.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import type { TransactionColumns } from '../../../features/transactions.ts'

/** Transaction-log flags: the feature loader's column spec, as commander parses it. */
export type TransactionFlags = TransactionColumns

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
