/**
 * Limited-memory BFGS, the one quasi-Newton minimiser shared by the dense (predict/) and sparse (text/) logistic
 * regressions.
 */
export interface MinimizeLbfgsOptions {
  /** History length. Default 10. */
  memory?: number
  /** Iteration limit. Default 500. */
  maxIter?: number
  /** Stop when ‖g‖∞ ≤ gtol · max(1, |f|). Default 1e-6. */
  gtol?: number
  /** Stop when the relative decrease of f over one iteration is below ftol. Default 1e-10. */
  ftol?: number
}

export interface MinimizeLbfgsResult {
  x: Float64Array
  f: number
  iterations: number
  /** True when a gtol or ftol test passed; false at the iteration limit or when the line search stalls. */
  converged: boolean
}

/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 7.4/7.5) with a backtracking
 * Armijo line search. `fg(x, g)` returns f(x) and writes ∇f(x) into g. Each iteration costs one or a few
 * evaluations plus O(memory · dim).
 */
export function minimizeLbfgs(fg: (x: Float64Array, g: Float64Array) => number, x0: Float64Array, opts: MinimizeLbfgsOptions = {}): MinimizeLbfgsResult {
  const m = opts.memory ?? 10
  const maxIter = opts.maxIter ?? 500
  const gtol = opts.gtol ?? 1e-6
  const ftol = opts.ftol ?? 1e-10
  const n = x0.length
  const x = Float64Array.from(x0)
  const g = new Float64Array(n)
  let f = fg(x, g)
  const S: Float64Array[] = []
  const Y: Float64Array[] = []
  const rho: number[] = []
  const d = new Float64Array(n)
  const xNew = new Float64Array(n)
  const gNew = new Float64Array(n)
  const alpha = new Float64Array(m)
  for (let iter = 0; iter < maxIter; iter++) {
    if (normInf(g) <= gtol * Math.max(1, Math.abs(f))) return { x, f, iterations: iter, converged: true }
    // Two-loop recursion: d = -H g.
    for (let i = 0; i < n; i++) d[i] = -g[i]!
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(S[k]!, d)
      alpha[k] = a
      axpy(-a, Y[k]!, d)
    }
    if (S.length > 0) {
      const last = S.length - 1
      const gamma = dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!)
      for (let i = 0; i < n; i++) d[i]! *= gamma
    }
    for (let k = 0; k < S.length; k++) {
      const b = rho[k]! * dot(Y[k]!, d)
      axpy(alpha[k]! - b, S[k]!, d)
    }
    let slope = dot(g, d)
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = Y.length = rho.length = 0
      for (let i = 0; i < n; i++) d[i] = -g[i]!
      slope = dot(g, d)
    }
    let step = S.length === 0 ? Math.min(1, 1 / Math.max(1e-12, normInf(g))) : 1
    let fNew = Infinity
    let sufficient = false
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!
      fNew = fg(xNew, gNew)
      // Armijo's sufficient decrease, and a real one: once step · slope is below f's rounding, f + 1e-4 · step ·
      // slope equals f and a step that changes nothing would pass.
      if (fNew <= f + 1e-4 * step * slope && fNew < f) {
        sufficient = true
        break
      }
      step *= 0.5
    }
    if (!sufficient) {
      // No step along d decreases f enough: the curvature history misleads, f and its gradient disagree, or f
      // is at its rounding floor. Retry once from steepest descent; failing that, stop and say so (accepting a
      // step that does not lower f would let the ftol test below report the stall as convergence).
      if (S.length > 0) {
        S.length = Y.length = rho.length = 0
        continue
      }
      return { x, f, iterations: iter, converged: false }
    }
    const s = new Float64Array(n)
    const yv = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!
      yv[i] = gNew[i]! - g[i]!
    }
    const sy = dot(s, yv)
    if (sy > 1e-12) {
      if (S.length === m) {
        S.shift()
        Y.shift()
        rho.shift()
      }
      S.push(s)
      Y.push(yv)
      rho.push(1 / sy)
    }
    const rel = (f - fNew) / Math.max(1, Math.abs(f))
    x.set(xNew)
    g.set(gNew)
    f = fNew
    if (rel < ftol) return { x, f, iterations: iter + 1, converged: true }
  }
  return { x, f, iterations: maxIter, converged: false }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!
  return s
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i]! += a * x[i]!
}

function normInf(a: Float64Array): number {
  let m = 0
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]!)
    if (v > m) m = v
  }
  return m
}
