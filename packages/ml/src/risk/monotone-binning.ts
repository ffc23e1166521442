/** Bins of one numeric feature: bin b holds values in (cuts[b−1], cuts[b]]; the last bin is open above. */
export interface NumericBins {
  /** Finite cut points (JSON-safe); there are cuts.length + 1 value bins. */
  cuts: number[]
  /** Whether missing values (NaN) get their own bin, placed after the value bins. */
  missingBin: boolean
}

export interface BinningOptions {
  /** Starting number of quantile bins. Default 20. */
  initialBins?: number
  /** Smallest share of rows a bin may hold. Default 0.05. */
  minBinShare?: number
  /** Most bins kept. Default 8. */
  maxBins?: number
  /**
   * ChiMerge stopping rule (Kerber 1992): keep merging the most similar neighbours while their 2×2
   * chi-square statistic is below this value. Default 3.84 (p = 0.05, 1 d.f.); 0 disables it.
   */
  chiSquare?: number
}

/**
 * "Optimal-ish" monotone binning of a numeric feature against a 0/1 bad flag: start from quantile bins, merge
 * neighbours until the bad rate runs monotonically in the direction of the overall trend (pool-adjacent-
 * violators), then merge bins below the minimum share, then the most similar neighbours (smallest chi-square)
 * until at most `maxBins` remain and every neighbouring pair differs significantly.
 * This is the usual coarse-classing recipe (Siddiqi 2006; Mironchyk & Tchistiakov 2017 on monotone
 * optimal binning). O(n log n).
 */
export function monotoneBinning(x: ArrayLike<number>, bad: ArrayLike<number>, options: BinningOptions = {}): NumericBins {
  const initial = options.initialBins ?? 20
  const minShare = options.minBinShare ?? 0.05
  const maxBins = options.maxBins ?? 8
  const present: number[] = []
  let missing = 0
  for (let i = 0; i < x.length; i++) (Number.isNaN(x[i] as number) ? missing++ : present.push(i))
  const order = present.sort((a, b) => (x[a] as number) - (x[b] as number))
  const n = order.length
  if (n === 0) return { cuts: [], missingBin: missing > 0 }
  // Quantile cut candidates on distinct values.
  const uppers: number[] = []
  for (let q = 1; q < initial; q++) {
    const v = x[order[Math.min(n - 1, Math.floor((q * n) / initial))] as number] as number
    const prev = x[order[Math.max(0, Math.floor((q * n) / initial) - 1)] as number] as number
    const cut = prev < v ? prev : v
    if (cut < (x[order[n - 1] as number] as number) && (uppers.length === 0 || cut > (uppers[uppers.length - 1] as number))) uppers.push(cut)
  }
  uppers.push(Infinity)
  // Counts per bin.
  type Bin = { upper: number; rows: number; bad: number }
  let bins: Bin[] = uppers.map((u) => ({ upper: u, rows: 0, bad: 0 }))
  let b = 0
  for (const i of order) {
    while ((x[i] as number) > (bins[b] as Bin).upper) b++
    const bin = bins[b] as Bin
    bin.rows++
    bin.bad += bad[i] as number
  }
  bins = bins.filter((bin) => bin.rows > 0)
  const rate = (bin: Bin): number => bin.bad / bin.rows
  const merge = (k: number): void => {
    const a = bins[k] as Bin
    const c = bins[k + 1] as Bin
    bins.splice(k, 2, { upper: c.upper, rows: a.rows + c.rows, bad: a.bad + c.bad })
  }
  // Trend: sign of the covariance of bin index with bad rate, weighted by rows.
  let sx = 0
  let sy = 0
  let sxy = 0
  let w = 0
  bins.forEach((bin, k) => {
    sx += k * bin.rows
    sy += bin.bad
    sxy += k * bin.bad
    w += bin.rows
  })
  const increasing = sxy / w - (sx / w) * (sy / w) >= 0
  for (let changed = true; changed && bins.length > 1; ) {
    changed = false
    for (let k = 0; k + 1 < bins.length; k++) {
      const violates = increasing ? rate(bins[k] as Bin) > rate(bins[k + 1] as Bin) : rate(bins[k] as Bin) < rate(bins[k + 1] as Bin)
      if (violates) {
        merge(k)
        changed = true
        break
      }
    }
  }
  const minRows = minShare * (n + missing)
  while (bins.length > 1) {
    let k = bins.findIndex((bin) => bin.rows < minRows)
    if (k < 0) break
    if (k === bins.length - 1) k--
    else if (k > 0 && Math.abs(rate(bins[k - 1] as Bin) - rate(bins[k] as Bin)) < Math.abs(rate(bins[k + 1] as Bin) - rate(bins[k] as Bin))) k--
    merge(k)
  }
  const critical = options.chiSquare ?? 3.84
  while (bins.length > 1) {
    let best = 0
    let bestChi = Infinity
    for (let k = 0; k + 1 < bins.length; k++) {
      const chi = chiSquare(bins[k] as Bin, bins[k + 1] as Bin)
      if (chi < bestChi) [best, bestChi] = [k, chi]
    }
    if (bins.length <= maxBins && bestChi >= critical) break
    merge(best)
  }
  return { cuts: bins.slice(0, -1).map((bin) => bin.upper), missingBin: missing > 0 }
}

/** Pearson chi-square of the 2×2 table (rows, bad) of two neighbouring bins. */
function chiSquare(a: { rows: number; bad: number }, b: { rows: number; bad: number }): number {
  const n = a.rows + b.rows
  const badRate = (a.bad + b.bad) / n
  if (badRate === 0 || badRate === 1) return 0
  let chi = 0
  for (const bin of [a, b]) {
    const eBad = bin.rows * badRate
    const eGood = bin.rows * (1 - badRate)
    chi += (bin.bad - eBad) ** 2 / eBad + (bin.rows - bin.bad - eGood) ** 2 / eGood
  }
  return chi
}

/** Bin index of a value under numeric bins (the missing bin, or the last bin when there is none, for NaN). */
export function numericBinOf(bins: NumericBins, v: number): number {
  if (Number.isNaN(v)) return bins.missingBin ? bins.cuts.length + 1 : bins.cuts.length
  let k = 0
  while (k < bins.cuts.length && v > (bins.cuts[k] as number)) k++
  return k
}
