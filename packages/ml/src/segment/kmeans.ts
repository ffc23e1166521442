import { createRng, type Rng } from '../random.ts'
import type { DenseMatrix } from './dense-matrix.ts'
import { createSimdLloyd } from './lloyd-simd.ts'
import { packCentres } from './packed-centres.ts'

export interface KMeansOptions {
  k: number
  /** Independent k-means++ initialisations; the lowest inertia wins (default 4). */
  restarts?: number
  seed?: number
  /** Lloyd iterations per restart (default 300). */
  maxIterations?: number
  /** Stop when the squared centre shift ≤ tolerance × mean feature variance (scikit-learn's rule; default 1e-4). */
  tolerance?: number
  /**
   * Use the WebAssembly SIMD Lloyd step (bit-identical results, about 2× faster) when available and n ≥ 2048.
   * Default true.
   */
  simd?: boolean
}

export interface KMeansResult {
  /** k × d centres, row-major. */
  centroids: Float64Array
  labels: Int32Array
  sizes: Int32Array
  /** Sum of squared distances to the assigned centre. */
  inertia: number
  iterations: number
  k: number
}

/**
 * k-means by Lloyd's algorithm (Lloyd 1982) with k-means++ seeding (Arthur & Vassilvitskii 2007) and
 * several restarts. Each iteration costs O(n·k·d): distances use ‖c‖² − 2x·c (the ‖x‖² term is the same
 * for every centre) in a plain loop over the row-major Float64Array.
 */
export function kMeans(x: DenseMatrix, options: KMeansOptions): KMeansResult {
  const { rows: n, cols: d } = x
  const k = options.k
  if (!(k >= 1) || !Number.isInteger(k)) throw new RangeError(`k must be a positive integer, got ${k}`)
  if (n < k) throw new RangeError(`k-means needs at least k = ${k} points, got ${n}`)
  const restarts = Math.max(1, options.restarts ?? 4)
  const maxIter = options.maxIterations ?? 300
  const tol = (options.tolerance ?? 1e-4) * meanVariance(x)
  const rng = createRng(options.seed ?? 0)
  let best: KMeansResult | undefined
  const labels = new Int32Array(n)
  const next = new Float64Array(k * d)
  const counts = new Int32Array(k)
  const simd = options.simd !== false && n >= 2048 ? createSimdLloyd(x, k) : undefined
  for (let run = 0; run < restarts; run++) {
    const centroids = kMeansPlusPlus(x, k, rng)
    let iterations = 0
    let inertia = 0
    for (let it = 0; it < maxIter; it++) {
      inertia = simd ? simd.step(centroids, labels, next, counts) : lloydIteration(x, centroids, k, labels, next, counts)
      iterations++
      let shift = 0
      for (let i = 0; i < k * d; i++) {
        const dlt = (next[i] as number) - (centroids[i] as number)
        shift += dlt * dlt
      }
      centroids.set(next)
      if (shift <= tol) break
    }
    // Final assignment against the final centres, so labels and inertia describe the returned centroids.
    inertia = assign(x, centroids, k, labels)
    if (best === undefined || inertia < best.inertia) {
      const sizes = new Int32Array(k)
      for (let i = 0; i < n; i++) sizes[labels[i] as number] = (sizes[labels[i] as number] as number) + 1
      best = { centroids: centroids.slice(), labels: labels.slice(), sizes, inertia, iterations, k }
    }
  }
  return best as KMeansResult
}

/**
 * One Lloyd step: assigns every point to its nearest centre and writes the new centres (means) into `next`.
 * An empty cluster takes the point farthest from its centre, as scikit-learn does. Returns the inertia
 * of the assignment. O(n·k·d), no allocation beyond O(k·d).
 *
 * Speed: distances are ‖c‖² − 2x·c, with the centres packed in blocks of 8 laid out [block][feature][8]
 * and pre-scaled by −2, so the inner loop loads each coordinate of x once and updates 8 independent
 * accumulators (about 2× faster in V8 than one dot product per centre).
 */
export function lloydIteration(
  x: DenseMatrix,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
  next: Float64Array,
  counts: Int32Array,
): number {
  const { rows: n, cols: d, data } = x
  const blocks = Math.ceil(k / 8)
  const packed = new Float64Array(blocks * d * 8)
  const offset = new Float64Array(blocks * 8)
  packCentres(centroids, k, d, packed, offset)
  next.fill(0)
  counts.fill(0)
  let inertia = 0
  let farthest = -1
  let farthestDist = -1
  for (let i = 0; i < n; i++) {
    const base = i * d
    let bestC = 0
    let bestD = Infinity
    for (let b = 0; b < blocks; b++) {
      const o = b * 8
      let d0 = offset[o] as number
      let d1 = offset[o + 1] as number
      let d2 = offset[o + 2] as number
      let d3 = offset[o + 3] as number
      let d4 = offset[o + 4] as number
      let d5 = offset[o + 5] as number
      let d6 = offset[o + 6] as number
      let d7 = offset[o + 7] as number
      let q = b * d * 8
      for (let j = 0; j < d; j++, q += 8) {
        const v = data[base + j] as number
        d0 += v * (packed[q] as number)
        d1 += v * (packed[q + 1] as number)
        d2 += v * (packed[q + 2] as number)
        d3 += v * (packed[q + 3] as number)
        d4 += v * (packed[q + 4] as number)
        d5 += v * (packed[q + 5] as number)
        d6 += v * (packed[q + 6] as number)
        d7 += v * (packed[q + 7] as number)
      }
      if (d0 < bestD) {
        bestD = d0
        bestC = o
      }
      if (d1 < bestD) {
        bestD = d1
        bestC = o + 1
      }
      if (d2 < bestD) {
        bestD = d2
        bestC = o + 2
      }
      if (d3 < bestD) {
        bestD = d3
        bestC = o + 3
      }
      if (d4 < bestD) {
        bestD = d4
        bestC = o + 4
      }
      if (d5 < bestD) {
        bestD = d5
        bestC = o + 5
      }
      if (d6 < bestD) {
        bestD = d6
        bestC = o + 6
      }
      if (d7 < bestD) {
        bestD = d7
        bestC = o + 7
      }
    }
    let xn = 0
    const nb = bestC * d
    for (let j = 0; j < d; j++) {
      const v = data[base + j] as number
      xn += v * v
      next[nb + j] = (next[nb + j] as number) + v
    }
    labels[i] = bestC
    counts[bestC] = (counts[bestC] as number) + 1
    const sq = Math.max(0, bestD + xn)
    inertia += sq
    if (sq > farthestDist) {
      farthestDist = sq
      farthest = i
    }
  }
  for (let c = 0; c < k; c++) {
    const m = counts[c] as number
    if (m > 0) {
      for (let j = 0; j < d; j++) next[c * d + j] = (next[c * d + j] as number) / m
    } else if (farthest >= 0) {
      for (let j = 0; j < d; j++) next[c * d + j] = data[farthest * d + j] as number
      farthestDist = -1
    }
  }
  return inertia
}

/** Labels of the nearest centre (exact squared distances); returns the inertia. O(n·k·d). */
export function assign(x: DenseMatrix, centroids: Float64Array, k: number, labels: Int32Array): number {
  const { rows: n, cols: d, data } = x
  let inertia = 0
  for (let i = 0; i < n; i++) {
    let bestC = 0
    let bestD = Infinity
    for (let c = 0; c < k; c++) {
      let s = 0
      for (let j = 0; j < d; j++) {
        const t = (data[i * d + j] as number) - (centroids[c * d + j] as number)
        s += t * t
      }
      if (s < bestD) {
        bestD = s
        bestC = c
      }
    }
    labels[i] = bestC
    inertia += bestD
  }
  return inertia
}

/** k-means++ seeding: each new centre drawn with probability ∝ squared distance to the nearest chosen one. O(n·k·d). */
export function kMeansPlusPlus(x: DenseMatrix, k: number, rng: Rng): Float64Array {
  const { rows: n, cols: d, data } = x
  const centroids = new Float64Array(k * d)
  const dist = new Float64Array(n).fill(Infinity)
  let pick = rng.int(n)
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) centroids[c * d + j] = data[pick * d + j] as number
    if (c === k - 1) break
    let total = 0
    for (let i = 0; i < n; i++) {
      let s = 0
      for (let j = 0; j < d; j++) {
        const t = (data[i * d + j] as number) - (centroids[c * d + j] as number)
        s += t * t
      }
      if (s < (dist[i] as number)) dist[i] = s
      total += dist[i] as number
    }
    if (total === 0) {
      pick = rng.int(n) // all points coincide with chosen centres
      continue
    }
    let u = rng.next() * total
    pick = n - 1
    for (let i = 0; i < n; i++) {
      u -= dist[i] as number
      if (u < 0) {
        pick = i
        break
      }
    }
  }
  return centroids
}

function meanVariance(x: DenseMatrix): number {
  const { rows: n, cols: d, data } = x
  if (n === 0 || d === 0) return 0
  let total = 0
  for (let j = 0; j < d; j++) {
    let s = 0
    let s2 = 0
    for (let i = 0; i < n; i++) {
      const v = data[i * d + j] as number
      s += v
      s2 += v * v
    }
    const m = s / n
    total += Math.max(0, s2 / n - m * m)
  }
  return total / d
}
