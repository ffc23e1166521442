/** One probability bin of a reliability diagram. */
export interface CalibrationBin {
  /** Bin bounds [from, to). */
  from: number
  to: number
  rows: number
  meanPredicted: number
  observedRate: number
}

/**
 * Reliability table over `bins` equal-width probability bins (empty bins left out) and the expected
 * calibration error: Σ (rows/n)·|observed − mean predicted| (Naeini et al. 2015). O(n).
 */
export function calibrationTable(labels: ArrayLike<number>, probs: ArrayLike<number>, bins = 10): { bins: CalibrationBin[]; ece: number } {
  const n = labels.length
  const count = new Float64Array(bins)
  const sumP = new Float64Array(bins)
  const sumY = new Float64Array(bins)
  for (let i = 0; i < n; i++) {
    const p = probs[i] as number
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))
    count[b] = (count[b] as number) + 1
    sumP[b] = (sumP[b] as number) + p
    sumY[b] = (sumY[b] as number) + ((labels[i] as number) === 1 ? 1 : 0)
  }
  const out: CalibrationBin[] = []
  let ece = 0
  for (let b = 0; b < bins; b++) {
    const c = count[b] as number
    if (c === 0) continue
    const meanPredicted = (sumP[b] as number) / c
    const observedRate = (sumY[b] as number) / c
    ece += (c / n) * Math.abs(observedRate - meanPredicted)
    out.push({ from: b / bins, to: (b + 1) / bins, rows: c, meanPredicted, observedRate })
  }
  return { bins: out, ece: n ? ece : NaN }
}
