/**
 * Seeded pseudo-random numbers (mulberry32 for 32-bit state). Every stochastic algorithm in @rapport/ml
 * takes a `seed` or an `Rng` so that results are reproducible; none calls Math.random.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [0, n). */
  int(n: number): number
  /** Standard normal (Box–Muller). */
  normal(): number
}

export function createRng(seed = 0): Rng {
  let s = (seed >>> 0) ^ 0x9e3779b9
  let spare: number | undefined
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    normal: () => {
      if (spare !== undefined) {
        const v = spare
        spare = undefined
        return v
      }
      let u = 0
      while (u === 0) u = next()
      const v = next()
      const r = Math.sqrt(-2 * Math.log(u))
      spare = r * Math.sin(2 * Math.PI * v)
      return r * Math.cos(2 * Math.PI * v)
    },
  }
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(a: T, rng: Rng): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = a[i]
    a[i] = a[j]
    a[j] = t
  }
  return a
}

/** Exactly round(share × n) items, kept in order (Knuth's selection sampling, Algorithm S). O(n). */
export function sampleInOrder(items: Int32Array, share: number, rng: Rng): Int32Array {
  if (share >= 1) return items
  const n = items.length
  const k = Math.max(1, Math.round(share * n))
  const out = new Int32Array(k)
  let m = 0
  for (let t = 0; t < n && m < k; t++) if ((n - t) * rng.next() < k - m) out[m++] = items[t] as number
  return out
}
