import type { Results } from '../api/campaign-types.ts'
import { wilsonInterval } from './rate-interval.ts'

/** One bar of the per-variant chart: a group's conversion rate and its 95 % interval (null: nobody in it). */
export interface RateBar {
  name: string
  holdout: boolean
  rate: number | null
  low: number | null
  high: number | null
  recipients: number
}

/** Each variant's treated recipients, then the holdout, as rates with Wilson intervals. */
export function rateBars(r: Pick<Results, 'variants' | 'holdout'>, holdoutName: string): RateBar[] {
  const bar = (name: string, holdout: boolean, g: { conversions: number; recipients: number }): RateBar => {
    const ci = wilsonInterval(g.conversions, g.recipients)
    return { name, holdout, rate: g.recipients > 0 ? g.conversions / g.recipients : null, low: ci?.[0] ?? null, high: ci?.[1] ?? null, recipients: g.recipients }
  }
  return [...r.variants.map((v) => bar(v.name, false, v.treated)), bar(holdoutName, true, r.holdout)]
}
