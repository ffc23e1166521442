import { minimizeLbfgs } from '../optimize/lbfgs.ts'
import type { MinimiseResult } from './nelder-mead.ts'

/**
 * Minimises a smooth f with an analytic gradient (`fg(x, g)` returns f and writes ∇f into g) by L-BFGS from
 * each starting point, keeping the lowest. Scale f to O(1) (a mean per customer, not a sum) so that the
 * gradient test means the same at any data size: a run counts as converged when ‖∇f‖∞ ≤ 1e-6 at its end.
 * Non-finite values count as +∞ (the line search steps back), so f may reject parameters outside a box.
 */
export function minimiseSmooth(fg: (x: Float64Array, g: Float64Array) => number, starts: readonly number[][]): MinimiseResult {
  let best: MinimiseResult | undefined
  for (const start of starts) {
    const r = minimizeLbfgs(fg, Float64Array.from(start), { maxIter: 1000, gtol: 1e-12, ftol: 1e-16 })
    const g = new Float64Array(start.length)
    const value = fg(r.x, g)
    let gmax = 0
    for (const v of g) gmax = Math.max(gmax, Math.abs(v))
    const converged = Number.isFinite(value) && gmax <= 1e-6
    if (best === undefined || value < best.value) best = { x: Array.from(r.x), value, iterations: r.iterations, converged }
  }
  if (best === undefined) throw new Error('minimiseSmooth needs at least one start')
  return best
}

/** The distinct values of a list in first-seen order, and each entry's index among them. */
export function distinct(values: readonly number[]): { values: Float64Array; index: Int32Array } {
  const at = new Map<number, number>()
  const index = new Int32Array(values.length)
  values.forEach((v, i) => {
    let k = at.get(v)
    if (k === undefined) at.set(v, (k = at.size))
    index[i] = k
  })
  return { values: Float64Array.from(at.keys()), index }
}

/** True (with a zero gradient) when a log-parameter lies outside [lo, hi]: the objective is then +Infinity. */
export function outside(v: Float64Array, lo: number, hi: number, grad: Float64Array): boolean {
  for (const t of v) {
    if (!(t >= lo && t <= hi)) {
      grad.fill(0)
      return true
    }
  }
  return false
}
