import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { writeFileSync } from 'node:fs'
import { computeRfm, summariseSegments } from '@rapport/ml'
import { readTable } from '../../../io/read-table.ts'
import { formatDay } from '../../../io/parse-date.ts'
import { tableOptions, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'
import { dayOption, loadTransactions, withTransactionOptions, type TransactionFlags } from './transactions.ts'

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
    const table = await readTable(flags.file, tableOptions(flags))
    const tx = loadTransactions(table, flags)
    let last = -Infinity
    for (let i = 0; i < tx.day.length; i++) last = Math.max(last, tx.day[i] as number)
    const asOf = flags.asOf !== undefined ? dayOption('--as-of', flags.asOf, flags.dateFormat) : Math.floor(last)
    const t = computeRfm({ customer: tx.customer, day: tx.day, amount: tx.amount, ...(tx.transaction ? { transaction: tx.transaction } : {}) }, asOf)
    const summary = summariseSegments(t)
    const customers = Array.from(t.customers, (c, i) => ({
      customer: tx.customerIds[c] as string,
      recency: t.recency[i] as number,
      frequency: t.frequency[i] as number,
      monetary: Math.round((t.monetary[i] as number) * 100) / 100,
      r: t.r[i] as number,
      f: t.f[i] as number,
      m: t.m[i] as number,
      score: `${t.r[i]}${t.f[i]}${t.m[i]}`,
      segment: t.segments[i] as string,
    }))
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
