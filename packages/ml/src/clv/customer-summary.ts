/**
 * Per-customer repeat-purchase summary that the BG/NBD, Pareto/NBD and Gamma-Gamma models take
 * (Fader, Hardie & Lee 2005 notation): x repeat transactions, recency t_x (time of the last purchase
 * since the first), age T (calibration end since the first purchase), all in one time unit.
 */
export interface CustomerSummary {
  /** x: number of repeat transactions in the calibration period (first purchase excluded). */
  frequency: Float64Array
  /** t_x: time from the first to the last calibration purchase (0 when x = 0). */
  recency: Float64Array
  /** T: time from the first purchase to the calibration end. */
  age: Float64Array
  /** Mean value of the repeat transactions (0 when x = 0), the Gamma-Gamma input. */
  monetary: Float64Array
}
