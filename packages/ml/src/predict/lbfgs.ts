/** Objective for minimisation: writes the gradient into `grad` and returns the value. */
export type Objective = (x: Float64Array, grad: Float64Array) => number

export interface LbfgsOptions {
  /** History length. Default 10. */
  memory?: number
  maxIterations?: number
  /** Stop when the largest gradient component is below this. Default 1e-6. */
  gradientTolerance?: number
}

/**
 * Limited-memory BFGS (Nocedal & Wright, "Numerical Optimization", algorithm 7.4) with a backtracking
 * Armijo line search; updates with non-positive curvature are skipped. Each iteration costs one or a few
 * objective calls plus O(memory × dims). Minimises `f` starting from `x0` (not modified).
 */
export function lbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions = {}): { x: Float64Array; value: number; iterations: number } {
  const m = options.memory ?? 10
  const maxIter = options.maxIterations ?? 500
  const tol = options.gradientTolerance ?? 1e-6
  const d = x0.length
  const x = Float64Array.from(x0)
  const g = new Float64Array(d)
  let fx = f(x, g)
  const S: Float64Array[] = []
  const Y: Float64Array[] = []
  const rho: number[] = []
  const dir = new Float64Array(d)
  const xNew = new Float64Array(d)
  const gNew = new Float64Array(d)
  const alpha = new Float64Array(m)
  let iter = 0
  for (; iter < maxIter; iter++) {
    if (maxAbs(g) < tol) break
    // Two-loop recursion: dir = −H g.
    for (let i = 0; i < d; i++) dir[i] = -(g[i] as number)
    for (let k = S.length - 1; k >= 0; k--) {
      const a = (rho[k] as number) * dot(S[k] as Float64Array, dir)
      alpha[k] = a
      axpy(-a, Y[k] as Float64Array, dir)
    }
    if (S.length > 0) {
      const s = S[S.length - 1] as Float64Array
      const y = Y[Y.length - 1] as Float64Array
      const gamma = dot(s, y) / dot(y, y)
      for (let i = 0; i < d; i++) dir[i] = (dir[i] as number) * gamma
    } else {
      const gn = Math.sqrt(dot(g, g))
      for (let i = 0; i < d; i++) dir[i] = (dir[i] as number) / Math.max(1, gn)
    }
    for (let k = 0; k < S.length; k++) {
      const b = (rho[k] as number) * dot(Y[k] as Float64Array, dir)
      axpy((alpha[k] as number) - b, S[k] as Float64Array, dir)
    }
    let slope = dot(g, dir)
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = Y.length = rho.length = 0
      for (let i = 0; i < d; i++) dir[i] = -(g[i] as number)
      slope = dot(g, dir)
    }
    let step = 1
    let fNew = Infinity
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < d; i++) xNew[i] = (x[i] as number) + step * (dir[i] as number)
      fNew = f(xNew, gNew)
      if (fNew <= fx + 1e-4 * step * slope) break
      step *= 0.5
    }
    if (!(fNew < fx || fNew <= fx + 1e-4 * step * slope)) break
    const s = new Float64Array(d)
    const y = new Float64Array(d)
    for (let i = 0; i < d; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number)
      y[i] = (gNew[i] as number) - (g[i] as number)
    }
    const sy = dot(s, y)
    if (sy > 1e-12) {
      if (S.length === m) {
        S.shift()
        Y.shift()
        rho.shift()
      }
      S.push(s)
      Y.push(y)
      rho.push(1 / sy)
    }
    const converged = Math.abs(fx - fNew) <= 1e-12 * Math.max(1, Math.abs(fx))
    x.set(xNew)
    g.set(gNew)
    fx = fNew
    if (converged) break
  }
  return { x, value: fx, iterations: iter }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number)
  return s
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = (y[i] as number) + a * (x[i] as number)
}

function maxAbs(a: Float64Array): number {
  let m = 0
  for (const v of a) m = Math.max(m, Math.abs(v))
  return m
}
