import type { Matrix } from '../data/pipeline.ts'
import { createRng, type Rng } from '../random.ts'

export interface IsolationForestOptions {
  /** Default 100. */
  nTrees?: number
  /** Rows drawn per tree (ψ). Default 256. */
  sampleSize?: number
  seed?: number
}

/** Isolation trees as parallel arrays; `size[k]` is the number of sampled rows left at leaf k. */
export interface IsolationForest {
  type: 'isolation-forest'
  sampleSize: number
  trees: Array<{ feature: number[]; threshold: number[]; left: number[]; right: number[]; size: number[] }>
}

/**
 * Isolation forest (Liu, Ting & Zhou 2008): random axis-parallel cuts isolate unusual rows in few steps.
 * Each tree is grown on ψ rows without replacement to height ⌈log₂ ψ⌉. Seeded. Fit O(trees × ψ log ψ);
 * scoring O(trees × log ψ) per row.
 */
export function fitIsolationForest(X: Matrix, options: IsolationForestOptions = {}): IsolationForest {
  const rng = createRng(options.seed ?? 0)
  const nTrees = options.nTrees ?? 100
  const psi = Math.min(options.sampleSize ?? 256, X.rows)
  const heightLimit = Math.ceil(Math.log2(Math.max(2, psi)))
  const trees: IsolationForest['trees'] = []
  const all = Int32Array.from({ length: X.rows }, (_, i) => i)
  for (let t = 0; t < nTrees; t++) {
    for (let i = 0; i < psi; i++) {
      const j = i + rng.int(X.rows - i)
      const tmp = all[i] as number
      all[i] = all[j] as number
      all[j] = tmp
    }
    trees.push(growIsolationTree(X, all.slice(0, psi), heightLimit, rng))
  }
  return { type: 'isolation-forest', sampleSize: psi, trees }
}

function growIsolationTree(X: Matrix, rows: Int32Array, limit: number, rng: Rng): IsolationForest['trees'][number] {
  const tree: IsolationForest['trees'][number] = { feature: [], threshold: [], left: [], right: [], size: [] }
  const grow = (idx: Int32Array, depth: number): number => {
    const k = tree.feature.length
    tree.feature.push(-1)
    tree.threshold.push(0)
    tree.left.push(-1)
    tree.right.push(-1)
    tree.size.push(idx.length)
    if (depth >= limit || idx.length <= 1) return k
    // Pick a feature that still varies among these rows (try each at most once, in random order).
    const order = Int32Array.from({ length: X.cols }, (_, j) => j)
    for (let a = 0; a < X.cols; a++) {
      const b = a + rng.int(X.cols - a)
      const j = order[b] as number
      order[b] = order[a] as number
      order[a] = j
      let lo = Infinity
      let hi = -Infinity
      for (const i of idx) {
        const v = X.data[i * X.cols + j] as number
        if (v < lo) lo = v
        if (v > hi) hi = v
      }
      if (!(hi > lo)) continue
      const cut = lo + rng.next() * (hi - lo)
      const left = idx.filter((i) => (X.data[i * X.cols + j] as number) < cut)
      const right = idx.filter((i) => (X.data[i * X.cols + j] as number) >= cut)
      tree.feature[k] = j
      tree.threshold[k] = cut
      tree.left[k] = grow(left, depth + 1)
      tree.right[k] = grow(right, depth + 1)
      return k
    }
    return k
  }
  grow(rows, 0)
  return tree
}

/** Average path length of an unsuccessful binary-search-tree search over n items: c(n) in the paper. */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0
  if (n === 2) return 1
  return 2 * (Math.log(n - 1) + 0.5772156649015329) - (2 * (n - 1)) / n
}

/** Anomaly score s = 2^(−E[h(x)] / c(ψ)) in (0, 1]: near 1 = anomalous, ≲ 0.5 = ordinary. */
export function isolationScores(forest: IsolationForest, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows)
  const c = averagePathLength(forest.sampleSize)
  for (let i = 0; i < X.rows; i++) {
    let total = 0
    for (const tree of forest.trees) {
      let k = 0
      let depth = 0
      while ((tree.feature[k] as number) >= 0) {
        const v = X.data[i * X.cols + (tree.feature[k] as number)] as number
        k = v < (tree.threshold[k] as number) ? (tree.left[k] as number) : (tree.right[k] as number)
        depth++
      }
      total += depth + averagePathLength(tree.size[k] as number)
    }
    out[i] = c > 0 ? 2 ** (-(total / forest.trees.length) / c) : 0.5
  }
  return out
}
