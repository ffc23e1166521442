import { incrementalValue, meanLiftFromSums, proportionLift, type MeanLift, type ProportionLift } from '@rapport/ml'
import type { GroupCounts } from './campaign-results-query.ts'

/** A group's counts with its rates: opens and clicks over sent, conversion and revenue over every recipient. */
export interface GroupStats extends GroupCounts {
  open_rate: number | null
  click_rate: number | null
  conversion_rate: number | null
  revenue_per_recipient: number | null
}

export interface Estimate {
  value: number | null
  ci_low: number | null
  ci_high: number | null
}

/** Treated against holdout, at 95 %. Fields that cannot be computed are null and `note` says why. */
export interface Lift {
  conversion: ProportionLift
  revenue_per_recipient: MeanLift
  /** Conversions the send added: the rate difference (and its CI) × the treated recipients. */
  incremental_conversions: Estimate
  /** Revenue the send added: the per-recipient difference (and its CI) × the treated recipients. */
  incremental_revenue: Estimate
  note: string | null
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

export function withRates(c: GroupCounts): GroupStats {
  return {
    ...c,
    open_rate: ratio(c.opened, c.sent),
    click_rate: ratio(c.clicked, c.sent),
    // Intent to treat: a failed or uncertain send still counts in the treated group's denominator.
    conversion_rate: ratio(c.conversions, c.recipients),
    revenue_per_recipient: ratio(c.revenue, c.recipients),
  }
}

const scaled = (d: { diff: number | null; ci_low: number | null; ci_high: number | null }, n: number): Estimate => ({
  value: incrementalValue(d.diff, n),
  ci_low: incrementalValue(d.ci_low, n),
  ci_high: incrementalValue(d.ci_high, n),
})

export function liftOf(treated: GroupCounts, holdout: GroupCounts): Lift {
  const conversion = proportionLift({ n: treated.recipients, conversions: treated.conversions }, { n: holdout.recipients, conversions: holdout.conversions })
  const revenue = meanLiftFromSums(
    { n: treated.recipients, sum: treated.revenue, sumSquares: treated.revenue_sum_squares },
    { n: holdout.recipients, sum: holdout.revenue, sumSquares: holdout.revenue_sum_squares })
  return {
    conversion,
    revenue_per_recipient: revenue,
    incremental_conversions: scaled(conversion, treated.recipients),
    incremental_revenue: scaled(revenue, treated.recipients),
    note: noteFor(treated.recipients, holdout.recipients),
  }
}

function noteFor(treated: number, holdout: number): string | null {
  if (holdout === 0) return 'no holdout recipients: nobody was kept back from this send, so there is nothing to measure lift against'
  if (treated === 0) return 'no treated recipients: nobody was sent to, so there is no lift to measure'
  if (treated < 2 || holdout < 2) return 'fewer than 2 recipients in a group: the revenue interval and p-value need at least 2 in each'
  return null
}
