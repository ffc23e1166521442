import { mean, quantileSorted, skewness, standardDeviation } from './summary.ts'

export interface ColumnInput {
  name: string
  /** Raw cell text; '' and the usual NA spellings count as missing. */
  values: ArrayLike<string>
}

export interface HistogramBin {
  from: number
  to: number
  count: number
}

export interface ColumnProfile {
  name: string
  kind: 'numeric' | 'categorical'
  count: number
  missing: number
  distinct: number
  /** Most frequent values with their counts (ties broken by value, ascending). */
  top: Array<{ value: string; count: number }>
  numeric?: {
    mean: number
    std: number
    min: number
    q25: number
    median: number
    q75: number
    max: number
    skewness: number
    histogram: HistogramBin[]
  }
}

export interface DescribeOptions {
  /** Top values to list per column (default 5). */
  top?: number
  /** Equal-width histogram bins for numeric columns (default 10). */
  bins?: number
}

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?'])

/**
 * Profiles every column of a table, the way pandas' describe() and R's summary() do together: counts,
 * missing, distinct, top values; for columns whose non-missing cells all parse as numbers also mean,
 * standard deviation, type-7 quartiles, skewness and an equal-width histogram. O(n log n) per column.
 */
export function describeColumns(columns: readonly ColumnInput[], options: DescribeOptions = {}): ColumnProfile[] {
  const topN = options.top ?? 5
  const bins = Math.max(1, options.bins ?? 10)
  return columns.map((col) => {
    const counts = new Map<string, number>()
    const nums: number[] = []
    let missing = 0
    let numeric = true
    for (let i = 0; i < col.values.length; i++) {
      const v = (col.values[i] as string).trim()
      if (MISSING.has(v.toLowerCase())) {
        missing++
        continue
      }
      counts.set(v, (counts.get(v) ?? 0) + 1)
      if (numeric) {
        const x = Number(v)
        if (Number.isFinite(x)) nums.push(x)
        else numeric = false
      }
    }
    const top = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, topN)
      .map(([value, count]) => ({ value, count }))
    const profile: ColumnProfile = {
      name: col.name,
      kind: numeric && nums.length > 0 ? 'numeric' : 'categorical',
      count: col.values.length - missing,
      missing,
      distinct: counts.size,
      top,
    }
    if (profile.kind === 'numeric') {
      const sorted = Float64Array.from(nums).sort()
      profile.numeric = {
        mean: mean(sorted),
        std: standardDeviation(sorted),
        min: sorted[0] as number,
        q25: quantileSorted(sorted, 0.25),
        median: quantileSorted(sorted, 0.5),
        q75: quantileSorted(sorted, 0.75),
        max: sorted[sorted.length - 1] as number,
        skewness: skewness(sorted),
        histogram: histogram(sorted, bins),
      }
    }
    return profile
  })
}

/** Equal-width histogram of sorted values; the last bin is closed on the right. */
export function histogram(sorted: ArrayLike<number>, bins: number): HistogramBin[] {
  const n = sorted.length
  if (n === 0) return []
  const lo = sorted[0] as number
  const hi = sorted[n - 1] as number
  if (hi === lo) return [{ from: lo, to: hi, count: n }]
  const width = (hi - lo) / bins
  const out = Array.from({ length: bins }, (_, b) => ({ from: lo + b * width, to: b === bins - 1 ? hi : lo + (b + 1) * width, count: 0 }))
  for (let i = 0; i < n; i++) {
    const b = Math.min(bins - 1, Math.floor(((sorted[i] as number) - lo) / width))
    ;(out[b] as HistogramBin).count++
  }
  return out
}
