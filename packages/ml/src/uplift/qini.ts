import { checkBinaryPair, descendingOrder } from './rank-order.ts'

/**
 * Qini curve and normalised Qini AUC with scikit-uplift's definitions (`qini_curve`, `perfect_qini_curve`,
 * `qini_auc_score`), written from their formulas:
 *
 * Sort rows by descending uplift. At the end of each group of tied scores (so the curve does not depend on
 * how ties are ordered), with n = rows so far, n_t / n_c treated / control rows so far and r_t / r_c their
 * responders so far, the curve is at (n, r_t − r_c · n_t / n_c), with r_c · n_t / n_c taken as 0 while
 * n_c = 0. The point (0, 0) starts the curve.
 *
 * The perfect curve (negative_effect = true) is the Qini curve of the score y·w − y·(1 − w): treated
 * responders first, control responders last. The random line joins (0, 0) to the curve's last point (N, Q).
 * qini_auc = (area(model) − N·Q/2) / (area(perfect) − N·Q/2), areas by the trapezoid rule.
 */
export interface QiniCurve {
  /** Rows targeted so far, starting at 0. */
  x: Float64Array
  /** Incremental responders so far. */
  y: Float64Array
}

export function qiniCurve(y: ArrayLike<number>, uplift: ArrayLike<number>, treatment: ArrayLike<number>): QiniCurve {
  checkBinaryPair(y, treatment)
  if (uplift.length !== y.length) throw new RangeError(`uplift has ${uplift.length} rows but y has ${y.length}`)
  const order = descendingOrder(uplift)
  const n = order.length
  const xs = [0]
  const ys = [0]
  let nt = 0
  let rt = 0
  let rc = 0
  for (let p = 0; p < n; p++) {
    const i = order[p] as number
    if (treatment[i] === 1) {
      nt++
      rt += y[i] as number
    } else rc += y[i] as number
    const last = p === n - 1 || uplift[order[p + 1] as number] !== uplift[i]
    if (!last) continue
    const nc = p + 1 - nt
    xs.push(p + 1)
    ys.push(rt - (nc > 0 ? (rc * nt) / nc : 0))
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) }
}

/** The best achievable Qini curve when the treatment may also hurt (scikit-uplift's negative_effect=True). */
export function perfectQiniCurve(y: ArrayLike<number>, treatment: ArrayLike<number>): QiniCurve {
  checkBinaryPair(y, treatment)
  const ideal = Float64Array.from({ length: y.length }, (_, i) => (y[i] as number) * (treatment[i] === 1 ? 1 : -1))
  return qiniCurve(y, ideal, treatment)
}

/** Area under a curve with increasing x, by the trapezoid rule (scikit-learn's `auc`). */
export function trapezoidArea(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let area = 0
  for (let i = 1; i < x.length; i++) area += ((x[i] as number) - (x[i - 1] as number)) * ((y[i] as number) + (y[i - 1] as number)) / 2
  return area
}

/** Normalised Qini AUC (scikit-uplift `qini_auc_score(..., negative_effect=True)`): 0 = random, 1 = perfect. */
export function qiniAucScore(y: ArrayLike<number>, uplift: ArrayLike<number>, treatment: ArrayLike<number>): number {
  const actual = qiniCurve(y, uplift, treatment)
  const perfect = perfectQiniCurve(y, treatment)
  const n = perfect.x[perfect.x.length - 1] as number
  const baseline = (n * (perfect.y[perfect.y.length - 1] as number)) / 2
  return (trapezoidArea(actual.x, actual.y) - baseline) / (trapezoidArea(perfect.x, perfect.y) - baseline)
}
