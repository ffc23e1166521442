/** Good/bad counts of one bin and its weight of evidence. */
export interface BinStats {
  good: number
  bad: number
  /** ln(share of all goods in this bin / share of all bads in this bin); positive = safer than average. */
  woe: number
  /** This bin's term of the information value: (good share − bad share) × woe. */
  iv: number
}

/**
 * Weight of evidence and information value of a binned feature (Siddiqi, "Credit Risk Scorecards", 2006,
 * ch. 6). `smoothing` adds that many pseudo-counts of good and bad to every bin so an all-good or all-bad bin
 * keeps a finite WoE. O(bins).
 */
export function weightOfEvidence(good: ArrayLike<number>, bad: ArrayLike<number>, smoothing = 0.5): { bins: BinStats[]; iv: number } {
  const k = good.length
  let G = 0
  let B = 0
  for (let i = 0; i < k; i++) {
    G += good[i] as number
    B += bad[i] as number
  }
  const bins: BinStats[] = []
  let iv = 0
  for (let i = 0; i < k; i++) {
    const g = good[i] as number
    const b = bad[i] as number
    const pg = (g + smoothing) / (G + smoothing * k)
    const pb = (b + smoothing) / (B + smoothing * k)
    const woe = Math.log(pg / pb)
    const term = (pg - pb) * woe
    iv += term
    bins.push({ good: g, bad: b, woe, iv: term })
  }
  return { bins, iv }
}
