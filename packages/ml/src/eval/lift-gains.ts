import { sortedOrder } from './binary-auc.ts'

/** One row of a lift/gains table: a slice of customers ranked by score, best first. */
export interface LiftRow {
  /** 1 = the highest-scored slice. */
  bucket: number
  rows: number
  positives: number
  /** Positive rate in this slice. */
  rate: number
  /** Rate in this slice divided by the overall rate. */
  lift: number
  /** Share of all positives captured by this slice and those above it. */
  cumulativeGain: number
  /** Cumulative positive rate divided by the overall rate. */
  cumulativeLift: number
  minScore: number
}

/**
 * Decile lift and cumulative gains: sort by score descending, cut into `buckets` near-equal slices, report
 * each slice's response rate against the base rate — the table a marketer uses to choose how deep to target.
 * O(n log n).
 */
export function liftTable(labels: ArrayLike<number>, scores: ArrayLike<number>, buckets = 10): LiftRow[] {
  const n = labels.length
  const order = sortedOrder(scores).reverse()
  let total = 0
  for (let i = 0; i < n; i++) total += (labels[i] as number) === 1 ? 1 : 0
  const base = n ? total / n : 0
  const out: LiftRow[] = []
  let cumPos = 0
  let cumRows = 0
  for (let b = 0; b < buckets; b++) {
    const start = Math.round((b * n) / buckets)
    const end = Math.round(((b + 1) * n) / buckets)
    if (end <= start) continue
    let pos = 0
    let minScore = Infinity
    for (let t = start; t < end; t++) {
      const i = order[t] as number
      if ((labels[i] as number) === 1) pos++
      minScore = Math.min(minScore, scores[i] as number)
    }
    cumPos += pos
    cumRows += end - start
    const rate = pos / (end - start)
    out.push({
      bucket: b + 1,
      rows: end - start,
      positives: pos,
      rate,
      lift: base ? rate / base : 0,
      cumulativeGain: total ? cumPos / total : 0,
      cumulativeLift: base ? cumPos / cumRows / base : 0,
      minScore,
    })
  }
  return out
}
