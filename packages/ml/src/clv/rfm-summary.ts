import type { CustomerSummary } from './customer-summary.ts'

export interface TransactionLog {
  /** Dense customer index per transaction line, 0..nCustomers−1. */
  customer: Int32Array
  /** Day number of each line (e.g. days since 1970-01-01); lines on the same whole day are one transaction. */
  day: Float64Array
  /** Value of each line. */
  amount: Float64Array
}

export interface SummaryOptions {
  /** Last day of the calibration period (inclusive), same scale as `day`. */
  calibrationEnd: number
  /** Last day of the holdout period (inclusive); default: the last day in the log. */
  observationEnd?: number
  /** Days per time unit: 7 for weeks (default), 1 for days. */
  unitDays?: number
}

export interface CalibrationHoldout {
  /** Customer index of each summary row (customers whose first purchase is after the calibration end are left out). */
  customers: Int32Array
  calibration: CustomerSummary
  /** Transactions (same-day merged) after the calibration end up to the observation end. */
  holdoutFrequency: Float64Array
  /** Value of those transactions. */
  holdoutSpend: Float64Array
  /** Length of the holdout period in units. */
  holdoutLength: number
}

/**
 * Builds the (x, t_x, T, m) summary of each customer from a transaction log, as in Fader, Hardie & Lee (2005):
 * purchases on the same day are merged into one transaction (values summed), the first purchase is not
 * counted in x, t_x and T are measured from each customer's first purchase to the last calibration purchase
 * and to the calibration end, in `unitDays`-day units; m is the mean value of the repeat transactions.
 * Cost: O(L log L) for L lines (one sort).
 */
export function buildCalibrationHoldout(log: TransactionLog, options: SummaryOptions): CalibrationHoldout {
  const n = log.customer.length
  const unit = options.unitDays ?? 7
  const calEnd = options.calibrationEnd
  let maxDay = -Infinity
  for (let i = 0; i < n; i++) maxDay = Math.max(maxDay, Math.floor(log.day[i] as number))
  const obsEnd = options.observationEnd ?? maxDay
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  order.sort((a, b) => (log.customer[a] as number) - (log.customer[b] as number) || (log.day[a] as number) - (log.day[b] as number))

  const customers: number[] = []
  const freq: number[] = []
  const rec: number[] = []
  const age: number[] = []
  const mon: number[] = []
  const hFreq: number[] = []
  const hSpend: number[] = []
  let i = 0
  while (i < n) {
    const c = log.customer[order[i] as number] as number
    let first = NaN
    let last = NaN
    let x = -1
    let repeatSpend = 0
    let hx = 0
    let hs = 0
    while (i < n && log.customer[order[i] as number] === c) {
      // One transaction = all lines of this customer on one day.
      const day = Math.floor(log.day[order[i] as number] as number)
      let value = 0
      while (i < n && log.customer[order[i] as number] === c && Math.floor(log.day[order[i] as number] as number) === day) {
        value += log.amount[order[i] as number] as number
        i++
      }
      if (day <= calEnd) {
        if (x < 0) first = day
        else repeatSpend += value
        x++
        last = day
      } else if (day <= obsEnd && x >= 0) {
        hx++
        hs += value
      }
    }
    if (x < 0) continue
    customers.push(c)
    freq.push(x)
    rec.push((last - first) / unit)
    age.push((calEnd - first) / unit)
    mon.push(x > 0 ? repeatSpend / x : 0)
    hFreq.push(hx)
    hSpend.push(hs)
  }
  return {
    customers: Int32Array.from(customers),
    calibration: {
      frequency: Float64Array.from(freq),
      recency: Float64Array.from(rec),
      age: Float64Array.from(age),
      monetary: Float64Array.from(mon),
    },
    holdoutFrequency: Float64Array.from(hFreq),
    holdoutSpend: Float64Array.from(hSpend),
    holdoutLength: Math.max(0, (obsEnd - calEnd) / unit),
  }
}
