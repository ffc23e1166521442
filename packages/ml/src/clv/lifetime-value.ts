export interface LifetimeValueOptions {
  /** Number of discounting periods in the horizon (e.g. 12 months). */
  periods: number
  /** Length of one period in the model's time unit (e.g. 52/12 weeks per month). */
  periodLength: number
  /** Discount rate per period (e.g. 0.01 a month). */
  discountRate: number
}

/**
 * Discounted customer lifetime value over a horizon: Σₖ (E[Y(k·L)] − E[Y((k−1)·L)]) · spend / (1 + d)^k,
 * the purchases expected in each period times the expected spend per purchase, discounted to today
 * (the scheme of Fader, Hardie & Lee 2005 "RFM and CLV", and lifetimes' customer_lifetime_value).
 * `expectedPurchases(t)` is the customer's conditional expected purchases up to t. O(periods) calls.
 */
export function discountedLifetimeValue(
  expectedPurchases: (t: number) => number,
  spend: number,
  options: LifetimeValueOptions,
): number {
  let value = 0
  let previous = 0
  for (let k = 1; k <= options.periods; k++) {
    const cumulative = expectedPurchases(k * options.periodLength)
    value += ((cumulative - previous) * spend) / Math.pow(1 + options.discountRate, k)
    previous = cumulative
  }
  return value
}
