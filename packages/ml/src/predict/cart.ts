import type { Matrix } from '../data/pipeline.ts'
import { binMatrix } from './hist-binning.ts'
import { growTree } from './grow-tree.ts'
import { addTreeValues, type Tree } from './tree.ts'

export interface CartOptions {
  /** Default 6. */
  maxDepth?: number
  /** Default 20: leaves smaller than this overfit on customer tables. */
  minSamplesLeaf?: number
  /** Candidate thresholds per feature; features with fewer distinct values are split exactly. Default 255. */
  maxBins?: number
}

export interface CartModel {
  type: 'tree'
  tree: Tree
}

/**
 * A CART decision tree (Breiman et al. 1984) minimising squared error: for a 0/1 target its leaves are
 * class-1 frequencies and its splits maximise the Gini decrease (for two classes, Gini decrease is twice the
 * variance decrease). Thresholds come from up to `maxBins` quantiles. Cost O(depth × rows × features).
 */
export function fitCart(X: Matrix, y: ArrayLike<number>, options: CartOptions = {}): CartModel {
  const binned = binMatrix(X, options.maxBins ?? 255)
  const n = X.rows
  const g = new Float64Array(n)
  for (let i = 0; i < n; i++) g[i] = -(y[i] as number)
  const h = new Float64Array(n).fill(1)
  const tree = growTree(binned, g, h, Int32Array.from({ length: n }, (_, i) => i), {
    maxDepth: options.maxDepth ?? 6,
    minSamplesLeaf: options.minSamplesLeaf ?? 20,
    minChildWeight: 0,
    lambda: 0,
    minGain: 1e-12,
  })
  return { type: 'tree', tree }
}

/** Leaf value of each row: the class-1 frequency (classification) or mean target (regression). */
export function cartPredict(model: CartModel, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows)
  addTreeValues(model.tree, X, out)
  return out
}
