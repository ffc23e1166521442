/** A fitted map from raw scores to calibrated probabilities. */
export type Calibrator =
  | { type: 'platt'; a: number; b: number }
  | { type: 'isotonic'; x: number[]; y: number[] }

/**
 * Platt scaling (Platt 1999): P(y=1|s) = σ(a·s + b), fitted by Newton's method on the log-likelihood with
 * Platt's smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2) so it stays finite on separable scores. O(iters × n).
 */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const n = scores.length
  let pos = 0
  for (let i = 0; i < n; i++) pos += (labels[i] as number) === 1 ? 1 : 0
  const hi = (pos + 1) / (pos + 2)
  const lo = 1 / (n - pos + 2)
  let a = 0
  let b = Math.log((pos + 1) / (n - pos + 1))
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0
    let gb = 0
    let haa = 1e-12
    let hab = 0
    let hbb = 1e-12
    for (let i = 0; i < n; i++) {
      const s = scores[i] as number
      const t = (labels[i] as number) === 1 ? hi : lo
      const p = 1 / (1 + Math.exp(-(a * s + b)))
      const r = p - t
      const w = p * (1 - p)
      ga += r * s
      gb += r
      haa += w * s * s
      hab += w * s
      hbb += w
    }
    const det = haa * hbb - hab * hab
    if (Math.abs(det) < 1e-300) break
    const da = (hbb * ga - hab * gb) / det
    const db = (haa * gb - hab * ga) / det
    a -= da
    b -= db
    if (Math.abs(da) + Math.abs(db) < 1e-10) break
  }
  return { type: 'platt', a, b }
}

/**
 * Isotonic calibration by pool-adjacent-violators (Zadrozny & Elkan 2002): the non-decreasing step function
 * of the score closest to the labels in squared error; applied with linear interpolation between block
 * centres. O(n log n).
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((i, j) => (scores[i] as number) - (scores[j] as number))
  const bx: number[] = []
  const by: number[] = []
  const bw: number[] = []
  for (const i of order) {
    bx.push(scores[i] as number)
    by.push(labels[i] as number)
    bw.push(1)
    while (by.length > 1 && (by[by.length - 2] as number) >= (by[by.length - 1] as number)) {
      const w2 = bw.pop() as number
      const y2 = by.pop() as number
      const x2 = bx.pop() as number
      const w1 = bw[bw.length - 1] as number
      const k = by.length - 1
      by[k] = ((by[k] as number) * w1 + y2 * w2) / (w1 + w2)
      bx[k] = ((bx[k] as number) * w1 + x2 * w2) / (w1 + w2)
      bw[k] = w1 + w2
    }
  }
  return { type: 'isotonic', x: bx, y: by }
}

/** Calibrated probability of one raw score. */
export function calibrate(c: Calibrator, s: number): number {
  if (c.type === 'platt') return 1 / (1 + Math.exp(-(c.a * s + c.b)))
  const { x, y } = c
  if (x.length === 0) return 0.5
  if (s <= (x[0] as number)) return y[0] as number
  if (s >= (x[x.length - 1] as number)) return y[y.length - 1] as number
  let lo = 0
  let hi = x.length - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if ((x[mid] as number) <= s) lo = mid
    else hi = mid
  }
  const x0 = x[lo] as number
  const x1 = x[hi] as number
  const t = x1 > x0 ? (s - x0) / (x1 - x0) : 0
  return (y[lo] as number) + t * ((y[hi] as number) - (y[lo] as number))
}
