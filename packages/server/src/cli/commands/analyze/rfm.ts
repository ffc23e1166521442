import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { writeFileSync } from 'node:fs'
import { readTable } from '../../../io/read-table.ts'
import { formatDay } from '../../../io/parse-date.ts'
import { tableOptions, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'
import { lastDay, loadTransactions } from '../../../features/transactions.ts'
import { rfmAnalysis } from '../../../services/analytics/rfm.ts'
import { dayOption, withTransactionOptions, type TransactionFlags } from './transactions.ts'

interface RfmFlags extends TransactionFlags {
  file: string
  asOf?: string
  out?: string
  json?: boolean
}

/** `rapport analyze rfm`: recency, frequency, monetary scores and named segments per customer. */
export function registerRfm(analyze: Command): void {
  withTableOptions(
    withTransactionOptions(
      analyze
        .command('rfm')
        .description('RFM scores (1-5) and named segments per customer, with a segment summary')
        .requiredOption('--file <file>', 'transaction table, one line per purchase (or invoice line)'),
    )
      .option('--as-of <date>', 'reference date for recency (default: the last date in the file)')
      .option('--out <file.csv>', 'write per-customer scores to a CSV file')
      .option('--json', 'print one JSON object'),
  ).action(async (flags: RfmFlags & Record<string, unknown>) => {
    const tx = loadTransactions(await readTable(flags.file, tableOptions(flags)), flags)
    const asOf = flags.asOf !== undefined ? dayOption('--as-of', flags.asOf, flags.dateFormat) : lastDay(tx)
    const { customers, segments: summary } = rfmAnalysis(tx, asOf)
    if (flags.out) {
      writeFileSync(flags.out, stringify(customers, { header: true }))
      info(`wrote ${customers.length} customers to ${flags.out}`)
    }
    if (flags.json) {
      printJson({ file: flags.file, asOf: formatDay(asOf), lines: tx.day.length, droppedCancellations: tx.dropped, customers: customers.length, segments: summary, scores: customers })
      return
    }
    info(`${customers.length} customers as of ${formatDay(asOf)} (${tx.dropped} cancellation lines dropped)`)
    printTable(
      ['segment', 'customers', 'share', 'revenue', 'revenue share', 'mean recency (d)', 'mean frequency'],
      summary.map((s) => [s.segment, s.customers, s.share, s.revenue, s.revenueShare, s.meanRecency, s.meanFrequency]),
    )
  })
}
