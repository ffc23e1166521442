import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { writeFileSync } from 'node:fs'
import { readTable } from '../../../io/read-table.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'
import { loadTransactions } from '../../../features/transactions.ts'
import { clvAnalysis, TIME_UNIT_DAYS, type TimeUnit } from '../../../services/analytics/clv.ts'
import { dayOption, withTransactionOptions, type TransactionFlags } from './transactions.ts'

interface ClvFlags extends TransactionFlags {
  file: string
  calibrationEnd: string
  observationEnd?: string
  timeUnit: string
  model: string
  clvMonths: number
  discountRate: number
  out?: string
  json?: boolean
}

const isTimeUnit = (u: string): u is TimeUnit => Object.hasOwn(TIME_UNIT_DAYS, u)

/** `rapport analyze clv`: BG/NBD or Pareto/NBD + Gamma-Gamma on a transaction log, with a holdout check. */
export function registerClv(analyze: Command): void {
  withTableOptions(
    withTransactionOptions(
      analyze
        .command('clv')
        .description('customer lifetime value: BG/NBD or Pareto/NBD purchase model and Gamma-Gamma spend model, fitted by maximum likelihood on a calibration period, checked on the holdout period after it')
        .requiredOption('--file <file>', 'transaction table, one line per purchase (or invoice line)'),
    )
      .requiredOption('--calibration-end <date>', 'last day of the calibration period (inclusive)')
      .option('--observation-end <date>', 'last day of the holdout period (default: last date in the file)')
      .option('--time-unit <unit>', 'day, week or month', 'week')
      .option('--model <name>', 'bgnbd or paretonbd', 'bgnbd')
      .option('--clv-months <n>', 'CLV horizon in months', numberOption('--clv-months'), 12)
      .option('--discount-rate <x>', 'monthly discount rate for CLV', numberOption('--discount-rate'), 0.01)
      .option('--out <file.csv>', 'write per-customer predictions to a CSV file')
      .option('--json', 'print one JSON object'),
  ).action(async (flags: ClvFlags & Record<string, unknown>) => {
    if (!isTimeUnit(flags.timeUnit)) throw new UsageError(`--time-unit must be day, week or month, got "${flags.timeUnit}"`)
    if (flags.model !== 'bgnbd' && flags.model !== 'paretonbd') throw new UsageError(`--model must be bgnbd or paretonbd, got "${flags.model}"`)
    const tx = loadTransactions(await readTable(flags.file, tableOptions(flags)), flags)
    const calibrationEnd = dayOption('--calibration-end', flags.calibrationEnd, flags.dateFormat)
    const observationEnd = flags.observationEnd !== undefined ? dayOption('--observation-end', flags.observationEnd, flags.dateFormat) : undefined
    const { summary, customers: rows, holdoutLength: h, spendParams } = clvAnalysis(tx, {
      model: flags.model,
      timeUnit: flags.timeUnit,
      calibrationEnd,
      observationEnd,
      clvMonths: flags.clvMonths,
      discountRate: flags.discountRate,
      source: flags.file,
    })
    const n = summary.customers
    if (flags.out) {
      writeFileSync(flags.out, stringify(rows, { header: true }))
      info(`wrote ${n} customers to ${flags.out}`)
    }
    const result = { file: flags.file, ...summary }
    if (flags.json) {
      printJson(result)
      return
    }
    const repeaters = summary.repeatCustomers
    const fit = { params: summary.params, logLikelihood: summary.logLikelihood }
    const holdout = summary.holdout
    info(`${flags.model} on ${n} customers (${repeaters} with repeat purchases), calibration to ${result.calibrationEnd}`)
    printTable(['parameter', 'value'], [...Object.entries(fit.params).map(([k, v]) => [k, v as number]), ['log-likelihood', fit.logLikelihood]])
    if (spendParams) printTable(['gamma-gamma', 'value'], Object.entries(spendParams).map(([k, v]) => [k, v as number]))
    if (holdout) info(`holdout ${h.toFixed(1)} ${flags.timeUnit}s: predicted ${holdout.predicted.toFixed(1)} repeat purchases, actual ${holdout.actual}`)
  })
}
