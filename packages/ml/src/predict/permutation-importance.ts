import type { Matrix } from '../data/pipeline.ts'
import { createRng } from '../random.ts'

export interface Importance {
  /** Group index (an original input column when features are grouped by `featureInput`). */
  group: number
  /** Mean drop of the score when the group is shuffled; larger = more important. */
  drop: number
  std: number
}

/**
 * Permutation importance (Breiman 2001; Fisher, Rudin & Dominici 2019): shuffle the rows of one group of
 * feature columns together — all one-hot columns of one original input move as one — and measure how much
 * `score` falls. Seeded. Cost O(groups × repeats × predict cost).
 */
export function permutationImportance(
  predict: (X: Matrix) => Float64Array,
  X: Matrix,
  y: ArrayLike<number>,
  score: (y: ArrayLike<number>, p: ArrayLike<number>) => number,
  featureGroup: readonly number[],
  options: { repeats?: number; seed?: number } = {},
): Importance[] {
  const repeats = options.repeats ?? 5
  const rng = createRng(options.seed ?? 0)
  const baseline = score(y, predict(X))
  const groups = [...new Set(featureGroup)].sort((a, b) => a - b)
  const work: Matrix = { rows: X.rows, cols: X.cols, data: Float64Array.from(X.data) }
  const perm = new Int32Array(X.rows)
  return groups.map((group) => {
    const cols = featureGroup.flatMap((g, j) => (g === group ? [j] : []))
    const drops: number[] = []
    for (let r = 0; r < repeats; r++) {
      for (let i = 0; i < X.rows; i++) perm[i] = i
      for (let i = X.rows - 1; i > 0; i--) {
        const j = rng.int(i + 1)
        const t = perm[i] as number
        perm[i] = perm[j] as number
        perm[j] = t
      }
      for (const c of cols) for (let i = 0; i < X.rows; i++) work.data[i * X.cols + c] = X.data[(perm[i] as number) * X.cols + c] as number
      drops.push(baseline - score(y, predict(work)))
      for (const c of cols) for (let i = 0; i < X.rows; i++) work.data[i * X.cols + c] = X.data[i * X.cols + c] as number
    }
    const mean = drops.reduce((a, b) => a + b, 0) / drops.length
    const std = Math.sqrt(drops.reduce((a, b) => a + (b - mean) ** 2, 0) / drops.length)
    return { group, drop: mean, std }
  })
}
