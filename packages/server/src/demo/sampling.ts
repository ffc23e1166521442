import { createRng } from '@rapport/ml'
import type { Rng } from '@rapport/ml'

/**
 * Small samplers for the demo generator, all driven by a seeded `Rng` so that one seed gives one dataset.
 */

/** An independent stream for one part of the generator, so changing one part leaves the others' draws alone. */
export function streamRng(seed: number, stream: string): Rng {
  let h = 2166136261 ^ (seed >>> 0)
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 16777619)
  return createRng(h >>> 0)
}

/** Gamma(shape, scale) by Marsaglia & Tsang (2000), with the u^(1/shape) boost for shape < 1. O(1) expected. */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(1 - rng.next(), 1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    const x = rng.normal()
    const v0 = 1 + c * x
    if (v0 <= 0) continue
    const v = v0 * v0 * v0
    const u = 1 - rng.next()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale
  }
}

/** Beta(a, b) as a ratio of gammas. */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a, 1)
  return x / (x + gamma(rng, b, 1))
}

/** Poisson(mean) by inversion for small means, normal approximation above 60 (enough for counts here). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()))
  const limit = Math.exp(-mean)
  let k = 0
  let p = rng.next()
  while (p > limit) {
    k++
    p *= rng.next()
  }
  return k
}

/** Exponential with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean
}

export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[rng.int(items.length)]
  if (item === undefined) throw new RangeError('pick from an empty list')
  return item
}

/** Running sums of non-negative weights, for `pickIndex`. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length)
  let s = 0
  for (let i = 0; i < weights.length; i++) {
    s += weights[i] ?? 0
    out[i] = s
  }
  return out
}

/** Index drawn with probability proportional to its weight, by binary search over `cumulative` sums. O(log n). */
export function pickIndex(rng: Rng, cum: Float64Array): number {
  const total = cum[cum.length - 1] ?? 0
  const x = rng.next() * total
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((cum[mid] ?? 0) > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Integer in [lo, hi]. */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1)
}
