import type { Matrix } from '../data/pipeline.ts'

/**
 * A binary decision tree as parallel arrays (JSON-friendly). Node 0 is the root; `feature[k] < 0` marks a
 * leaf. A row goes left when `x[feature] <= threshold` (missing values, NaN, go left too); `cover` is the
 * number of training rows that reached the node (TreeSHAP needs it).
 */
export interface Tree {
  feature: number[]
  threshold: number[]
  left: number[]
  right: number[]
  value: number[]
  cover: number[]
}

/** Output of one tree for row `i` of X. O(depth). */
export function treeValue(tree: Tree, X: Matrix, i: number): number {
  let k = 0
  const off = i * X.cols
  for (;;) {
    const f = tree.feature[k] as number
    if (f < 0) return tree.value[k] as number
    k = (X.data[off + f] as number) > (tree.threshold[k] as number) ? (tree.right[k] as number) : (tree.left[k] as number)
  }
}

/** Adds `scale ×` the tree's output to `out` for every row. */
export function addTreeValues(tree: Tree, X: Matrix, out: Float64Array, scale = 1): void {
  for (let i = 0; i < X.rows; i++) out[i] = (out[i] as number) + scale * treeValue(tree, X, i)
}

/** Cover-weighted mean leaf value: the tree's expected output over its training rows. */
export function treeExpectedValue(tree: Tree): number {
  let s = 0
  let c = 0
  for (let k = 0; k < tree.feature.length; k++) {
    if ((tree.feature[k] as number) >= 0) continue
    s += (tree.value[k] as number) * (tree.cover[k] as number)
    c += tree.cover[k] as number
  }
  return c ? s / c : 0
}

/** Depth of the deepest leaf (root alone = 0). */
export function treeDepth(tree: Tree): number {
  const depth = (k: number): number => ((tree.feature[k] as number) < 0 ? 0 : 1 + Math.max(depth(tree.left[k] as number), depth(tree.right[k] as number)))
  return tree.feature.length ? depth(0) : 0
}
