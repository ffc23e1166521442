/**
 * ln ₂F₁(a, b; c; z) for real a, b, c > 0 and z < 1, the Gauss hypergeometric function that the Pareto/NBD
 * likelihood and the BG/NBD conditional expectation need.
 * For 0 ≤ z < 1 every series term is positive, so the power series is summed directly (no cancellation),
 * with a running rescale so large sums cannot overflow; when c − a − b < 0 the Euler transformation
 * ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) first turns the divergent-at-1 series into a convergent
 * one. Negative z is mapped into (0, 1) by Pfaff: ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)).
 * Cost: O(1/(1−z)) terms. Reference: Abramowitz & Stegun 15.1.1, 15.3.3, 15.3.4.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new RangeError(`logHyp2f1 needs z < 1, got ${z}`)
  if (z === 0) return 0
  if (z < 0) {
    const w = z / (z - 1)
    return -a * Math.log1p(-z) + logHyp2f1(a, c - b, c, w)
  }
  if (c - a - b < 0 && c - a > 0 && c - b > 0) {
    return (c - a - b) * Math.log1p(-z) + logSeries(c - a, c - b, c, z)
  }
  return logSeries(a, b, c, z)
}

function logSeries(a: number, b: number, c: number, z: number): number {
  let term = 1
  let sum = 1
  let logScale = 0
  const maxTerms = 2_000_000
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z
    sum += term
    if (sum > 1e280) {
      logScale += Math.log(sum)
      term /= sum
      sum = 1
    }
    // Past the peak the ratio is < 1 and shrinking, so a negligible term means the tail is negligible too.
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && n > 2) break
  }
  return logScale + Math.log(sum)
}

/** ₂F₁(a, b; c; z) itself (exp of logHyp2f1; parameters as there). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return Math.exp(logHyp2f1(a, b, c, z))
}
