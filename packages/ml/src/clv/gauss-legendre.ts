export interface QuadratureRule {
  nodes: Float64Array
  weights: Float64Array
}

const cache = new Map<number, QuadratureRule>()

/**
 * n-point Gauss–Legendre nodes and weights on [−1, 1], found by Newton's method on Pₙ from the
 * Tricomi initial guesses (Press et al., Numerical Recipes §4.6). Exact for polynomials of degree 2n − 1.
 * O(n²) once per n (cached).
 */
export function gaussLegendre(n: number): QuadratureRule {
  const hit = cache.get(n)
  if (hit) return hit
  const nodes = new Float64Array(n)
  const weights = new Float64Array(n)
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5))
    let dp = 0
    for (let it = 0; it < 100; it++) {
      let p0 = 1
      let p1 = 0
      for (let j = 1; j <= n; j++) {
        const p2 = p1
        p1 = p0
        p0 = ((2 * j - 1) * z * p1 - (j - 1) * p2) / j
      }
      dp = (n * (z * p0 - p1)) / (z * z - 1)
      const dz = p0 / dp
      z -= dz
      if (Math.abs(dz) < 1e-15) break
    }
    nodes[i] = -z
    nodes[n - 1 - i] = z
    weights[i] = 2 / ((1 - z * z) * dp * dp)
    weights[n - 1 - i] = weights[i] as number
  }
  const rule = { nodes, weights }
  cache.set(n, rule)
  return rule
}

/**
 * ln ∫ₐᵇ exp(g(u)) du for a smooth log-integrand g, by composite Gauss–Legendre (`panels` × 20 points),
 * accumulated with a running maximum so that exp never overflows or underflows.
 */
export function logIntegrate(g: (u: number) => number, a: number, b: number, panels: number): number {
  const { nodes, weights } = gaussLegendre(20)
  const h = (b - a) / panels
  const logs: number[] = []
  let max = -Infinity
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * h
    for (let i = 0; i < nodes.length; i++) {
      const v = g(mid + 0.5 * h * (nodes[i] as number)) + Math.log(0.5 * h * (weights[i] as number))
      logs.push(v)
      if (v > max) max = v
    }
  }
  if (max === -Infinity) return -Infinity
  let s = 0
  for (const v of logs) s += Math.exp(v - max)
  return max + Math.log(s)
}
