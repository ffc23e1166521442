import type { Matrix } from '@rapport/ml'
import type { OrderFeatures } from '../../../features/store/order-features.ts'

/**
 * The isolation forest's inputs per order and the robust z-scores that say which of them made an order
 * unusual. Inputs: log(1 + total) (totals are skewed: on the raw scale every cut would fall among the few
 * largest), items, adjustment, hour rarity and the two velocity counts. Hour rarity is
 * max(0, ln(1/24 ÷ share of training orders in that UTC hour) − ln 2): 0 for any hour with at least half
 * the uniform share, growing for quiet hours. An hour of day is circular, its rarity is not; and a shop busy
 * around the clock gets a constant 0 the forest never cuts on, instead of a noise input. The z-score of input j is
 * (x − median) / scale with scale = 1.4826 · MAD, or 1.2533 · mean absolute deviation when the MAD is 0
 * (mostly-constant counts such as velocity), or 1 when both are 0; all from the training orders.
 */
export const ANOMALY_INPUTS = ['log_total', 'items', 'adjustment', 'hour_rarity', 'orders_prev_24h', 'orders_prev_7d'] as const

export interface RobustStats {
  /** Share of training orders per UTC hour 0..23. */
  hourShare: number[]
  median: number[]
  scale: number[]
}

export function hourShares(f: OrderFeatures): number[] {
  const counts = new Array<number>(24).fill(0)
  for (const h of f.columns.hour_utc) counts[h] = (counts[h] as number) + 1
  const n = Math.max(1, f.orderIds.length)
  return counts.map((c) => c / n)
}

export function anomalyMatrix(f: OrderFeatures, hourShare: readonly number[]): Matrix {
  const cols = ANOMALY_INPUTS.length
  const rows = f.orderIds.length
  const data = new Float64Array(rows * cols)
  const c = f.columns
  for (let i = 0; i < rows; i++) {
    const o = i * cols
    data[o] = Math.log1p(Math.max(0, c.total[i] as number))
    data[o + 1] = c.items[i] as number
    data[o + 2] = c.adjustment[i] as number
    data[o + 3] = hourRarity(hourShare[c.hour_utc[i] as number] ?? 0)
    data[o + 4] = c.orders_prev_24h[i] as number
    data[o + 5] = c.orders_prev_7d[i] as number
  }
  return { rows, cols, data }
}

/** An hour no training order used counts as rarer than any that had one. */
export function hourRarity(share: number): number {
  return share > 0 ? Math.max(0, Math.log(1 / 24 / share) - Math.LN2) : Math.log(24 * 1e6)
}

export function robustStats(X: Matrix, hourShare: number[]): RobustStats {
  const median: number[] = []
  const scale: number[] = []
  const col = new Float64Array(X.rows)
  for (let j = 0; j < X.cols; j++) {
    for (let i = 0; i < X.rows; i++) col[i] = X.data[i * X.cols + j] as number
    const m = quantileSorted(Float64Array.from(col).sort(), 0.5)
    const dev = Float64Array.from(col, (v) => Math.abs(v - m)).sort()
    const mad = quantileSorted(dev, 0.5)
    const meanAbs = dev.reduce((s, v) => s + v, 0) / Math.max(1, dev.length)
    median.push(m)
    scale.push(mad > 0 ? 1.4826 * mad : meanAbs > 0 ? 1.2533 * meanAbs : 1)
  }
  return { hourShare, median, scale }
}

/** z-scores of row i against the training medians and scales. */
export function robustZ(X: Matrix, i: number, s: RobustStats): number[] {
  return ANOMALY_INPUTS.map((_, j) => ((X.data[i * X.cols + j] as number) - (s.median[j] as number)) / (s.scale[j] as number))
}

/** Linear-interpolated quantile of an ascending array (NaN when empty). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const pos = (n - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.min(n - 1, lo + 1)
  return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number))
}
