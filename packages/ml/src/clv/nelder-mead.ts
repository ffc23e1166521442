export interface NelderMeadOptions {
  /** Initial simplex edge (default 0.5 in each coordinate). */
  step?: number
  /** Stop when the simplex' function values span less than this (default 1e-10). */
  fTolerance?: number
  /** ... and its vertices lie within this distance of the best one (default 1e-8). */
  xTolerance?: number
  maxIterations?: number
  /** Box [lower, upper] for every coordinate; points outside count as +∞ (default unbounded). */
  bounds?: [number, number]
}

export interface MinimiseResult {
  x: number[]
  value: number
  iterations: number
  converged: boolean
}

/**
 * Minimises f over Rⁿ by the Nelder–Mead simplex (Nelder & Mead 1965, with the Lagarias et al. 1998
 * coefficients ρ=1, χ=2, γ=½, σ=½). Derivative-free, O(n) evaluations per iteration. Non-finite values
 * count as +∞, so a model may reject parameters by returning NaN.
 */
export function nelderMead(f: (x: number[]) => number, x0: number[], options: NelderMeadOptions = {}): MinimiseResult {
  const n = x0.length
  const step = options.step ?? 0.5
  const fTol = options.fTolerance ?? 1e-10
  const xTol = options.xTolerance ?? 1e-8
  const maxIter = options.maxIterations ?? 500 * n
  const [lower, upper] = options.bounds ?? [-Infinity, Infinity]
  const value = (x: number[]): number => {
    for (const xi of x) if (!(xi >= lower && xi <= upper)) return Infinity
    const v = f(x)
    return Number.isFinite(v) ? v : Infinity
  }
  const simplex: number[][] = [x0.slice()]
  for (let i = 0; i < n; i++) {
    const v = x0.slice()
    v[i] = (v[i] as number) + step
    simplex.push(v)
  }
  let fs = simplex.map(value)
  let iter = 0
  let converged = false
  for (; iter < maxIter; iter++) {
    const order = fs.map((_, i) => i).sort((a, b) => (fs[a] as number) - (fs[b] as number))
    const sorted = order.map((i) => simplex[i] as number[])
    fs = order.map((i) => fs[i] as number)
    simplex.splice(0, simplex.length, ...sorted)
    const best = simplex[0] as number[]
    let size = 0
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(((simplex[i] as number[])[j] as number) - (best[j] as number)))
    if (Math.abs((fs[n] as number) - (fs[0] as number)) <= fTol && size <= xTol) {
      converged = true
      break
    }
    const centroid = new Array<number>(n).fill(0)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + ((simplex[i] as number[])[j] as number) / n
    const worst = simplex[n] as number[]
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - (worst[j] as number)))
    const xr = along(1)
    const fr = value(xr)
    if (fr < (fs[0] as number)) {
      const xe = along(2)
      const fe = value(xe)
      if (fe < fr) replaceWorst(xe, fe)
      else replaceWorst(xr, fr)
      continue
    }
    if (fr < (fs[n - 1] as number)) {
      replaceWorst(xr, fr)
      continue
    }
    const outside = fr < (fs[n] as number)
    const xc = along(outside ? 0.5 : -0.5)
    const fc = value(xc)
    if (fc < (outside ? fr : (fs[n] as number))) {
      replaceWorst(xc, fc)
      continue
    }
    for (let i = 1; i <= n; i++) {
      const v = (simplex[i] as number[]).map((x, j) => (best[j] as number) + 0.5 * (x - (best[j] as number)))
      simplex[i] = v
      fs[i] = value(v)
    }
  }
  return { x: simplex[0] as number[], value: fs[0] as number, iterations: iter, converged }

  function replaceWorst(x: number[], fx: number): void {
    simplex[n] = x
    fs[n] = fx
  }
}

/**
 * Nelder–Mead restarted from its own optimum until a restart no longer improves by more than 1e-6
 * (a collapsed simplex can stall away from the minimum), keeping the best over several starting points.
 * At most 10 restarts per start, and none once the optimum reaches within 1 of the bounds, so a
 * likelihood that keeps rising along a ridge towards infinite parameters still returns promptly.
 */
export function minimiseWithRestarts(f: (x: number[]) => number, starts: number[][], options: NelderMeadOptions = {}): MinimiseResult {
  let best: MinimiseResult | undefined
  for (const start of starts) {
    let r = nelderMead(f, start, options)
    for (let k = 0; k < 10; k++) {
      const again = nelderMead(f, r.x, { ...options, step: 0.1 })
      const improved = r.value - again.value
      r = again.value <= r.value ? { ...again, iterations: r.iterations + again.iterations } : r
      if (!(improved > 1e-6)) break
      // Running into the box: a boundary solution (e.g. no dropout in the data); more polish is pointless.
      const [lo, hi] = options.bounds ?? [-Infinity, Infinity]
      if (r.x.some((v) => v <= lo + 1 || v >= hi - 1)) break
    }
    if (best === undefined || r.value < best.value) best = r
  }
  if (best === undefined) throw new Error('minimiseWithRestarts needs at least one start')
  return best
}

/**
 * Box for log-parameters of the CLV models: e^±15 ≈ 3·10⁻⁷ … 3·10⁶. Likelihoods of data with no dropout
 * (or no heterogeneity) rise forever along a ridge towards infinite parameters; the box stops the walk
 * there, and a parameter at the box edge signals that boundary solution.
 */
export const LOG_BOUNDS: NelderMeadOptions = { bounds: [-15, 15] }
