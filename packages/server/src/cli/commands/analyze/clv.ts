import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { writeFileSync } from 'node:fs'
import {
  bgnbdConditionalExpected,
  bgnbdProbabilityAlive,
  buildCalibrationHoldout,
  discountedLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  paretoNbdConditionalExpected,
  paretoNbdProbabilityAlive,
  type FitResult,
} from '@rapport/ml'
import { readTable } from '../../../io/read-table.ts'
import { formatDay } from '../../../io/parse-date.ts'
import { InputError, UsageError } from '../../../errors/rapport-error.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'
import { dayOption, loadTransactions, withTransactionOptions, type TransactionFlags } from './transactions.ts'

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

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 365.25 / 12 }

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
    const unitDays = UNIT_DAYS[flags.timeUnit]
    if (unitDays === undefined) throw new UsageError(`--time-unit must be day, week or month, got "${flags.timeUnit}"`)
    if (flags.model !== 'bgnbd' && flags.model !== 'paretonbd') throw new UsageError(`--model must be bgnbd or paretonbd, got "${flags.model}"`)
    const table = await readTable(flags.file, tableOptions(flags))
    const tx = loadTransactions(table, flags)
    const calibrationEnd = Math.floor(dayOption('--calibration-end', flags.calibrationEnd, flags.dateFormat))
    let lastDay = -Infinity
    for (let i = 0; i < tx.day.length; i++) lastDay = Math.max(lastDay, Math.floor(tx.day[i] as number))
    const observationEnd = flags.observationEnd !== undefined ? Math.floor(dayOption('--observation-end', flags.observationEnd, flags.dateFormat)) : lastDay
    const split = buildCalibrationHoldout(tx, { calibrationEnd, observationEnd, unitDays })
    const cal = split.calibration
    if (cal.frequency.length < 2) throw new InputError(`${flags.file}: fewer than 2 customers purchase on or before ${formatDay(calibrationEnd)}`)
    const t0 = performance.now()
    const fit: FitResult<object> = flags.model === 'bgnbd' ? fitBgNbd(cal) : fitParetoNbd(cal)
    const expected = (i: number, t: number): number => {
      const x = cal.frequency[i] as number
      const tx_ = cal.recency[i] as number
      const T = cal.age[i] as number
      return flags.model === 'bgnbd'
        ? bgnbdConditionalExpected(fit.params as Parameters<typeof bgnbdConditionalExpected>[0], t, x, tx_, T)
        : paretoNbdConditionalExpected(fit.params as Parameters<typeof paretoNbdConditionalExpected>[0], t, x, tx_, T)
    }
    const alive = (i: number): number =>
      flags.model === 'bgnbd'
        ? bgnbdProbabilityAlive(fit.params as Parameters<typeof bgnbdProbabilityAlive>[0], cal.frequency[i] as number, cal.recency[i] as number, cal.age[i] as number)
        : paretoNbdProbabilityAlive(fit.params as Parameters<typeof paretoNbdProbabilityAlive>[0], cal.frequency[i] as number, cal.recency[i] as number, cal.age[i] as number)
    const repeaters = cal.frequency.filter((x) => x > 0).length
    const spendFit = repeaters >= 3 ? fitGammaGamma(cal.frequency, cal.monetary) : undefined
    const seconds = (performance.now() - t0) / 1000
    const n = cal.frequency.length
    const h = split.holdoutLength
    let predicted = 0
    let actual = 0
    let absError = 0
    const monthUnits = 365.25 / 12 / unitDays
    const rows = Array.from({ length: n }, (_, i) => {
      const pred = h > 0 ? expected(i, h) : 0
      predicted += pred
      actual += split.holdoutFrequency[i] as number
      absError += Math.abs(pred - (split.holdoutFrequency[i] as number))
      const x = cal.frequency[i] as number
      const spend = spendFit ? gammaGammaExpectedSpend(spendFit.params, x, cal.monetary[i] as number) : NaN
      const clv = spendFit
        ? discountedLifetimeValue((t) => expected(i, t), spend, { periods: flags.clvMonths, periodLength: monthUnits, discountRate: flags.discountRate })
        : NaN
      return {
        customer: tx.customerIds[split.customers[i] as number] as string,
        frequency: x,
        recency: cal.recency[i] as number,
        T: cal.age[i] as number,
        monetary: cal.monetary[i] as number,
        pAlive: alive(i),
        predictedHoldout: pred,
        actualHoldout: split.holdoutFrequency[i] as number,
        expectedSpend: spend,
        clv,
      }
    })
    const holdout = h > 0 ? { length: h, unit: flags.timeUnit, predicted, actual, meanAbsoluteError: absError / n } : null
    if (flags.out) {
      writeFileSync(flags.out, stringify(rows, { header: true }))
      info(`wrote ${n} customers to ${flags.out}`)
    }
    const result = {
      file: flags.file,
      model: flags.model,
      timeUnit: flags.timeUnit,
      calibrationEnd: formatDay(calibrationEnd),
      observationEnd: formatDay(observationEnd),
      customers: n,
      repeatCustomers: repeaters,
      droppedCancellations: tx.dropped,
      params: fit.params,
      logLikelihood: fit.logLikelihood,
      converged: fit.converged,
      gammaGamma: spendFit ? { params: spendFit.params, logLikelihood: spendFit.logLikelihood, customers: repeaters } : null,
      holdout,
      clv: spendFit ? { months: flags.clvMonths, monthlyDiscountRate: flags.discountRate, total: rows.reduce((s, r) => s + r.clv, 0) } : null,
      seconds,
    }
    if (flags.json) {
      printJson(result)
      return
    }
    info(`${flags.model} on ${n} customers (${repeaters} with repeat purchases), calibration to ${result.calibrationEnd}`)
    printTable(['parameter', 'value'], [...Object.entries(fit.params).map(([k, v]) => [k, v as number]), ['log-likelihood', fit.logLikelihood]])
    if (spendFit) printTable(['gamma-gamma', 'value'], Object.entries(spendFit.params).map(([k, v]) => [k, v as number]))
    if (holdout) info(`holdout ${h.toFixed(1)} ${flags.timeUnit}s: predicted ${predicted.toFixed(1)} repeat purchases, actual ${actual}`)
  })
}
