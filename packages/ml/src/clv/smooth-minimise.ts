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
