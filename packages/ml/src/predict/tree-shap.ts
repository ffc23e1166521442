import type { Tree } from './tree.ts'

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature attribution
 * for tree ensembles", Algorithm 2): adds to `phi` the Shapley value of every feature for one row `x`, where
 * a feature left out follows both branches weighted by training cover. The contributions sum to the tree's
 * output minus its cover-weighted expected value. Cost O(leaves × depth²) per row.
 */
export function treeShap(tree: Tree, x: ArrayLike<number>, phi: Float64Array, scale = 1): void {
  walk(tree, x, scale, phi, null)
}

/**
 * TreeSHAP of one tree for many rows. The row enters the algorithm only through the branch taken at each
 * split (x[feature] > threshold), so rows that take the same branch at every split node get the same
 * Shapley values: the additions to phi are computed once per such decision pattern (a tree of depth d has at
 * most 2^(2^d − 1) of them, and far fewer occur) and replayed for every later row in the same order, so
 * `add` changes phi exactly as treeShap would, bit for bit. Trees with more than 30 split nodes (whose
 * patterns would not fit a small integer) are walked for every row.
 */
export class TreeShapCache {
  private readonly tree: Tree
  private readonly scale: number
  private readonly splits: Int32Array
  private readonly patterns = new Map<number, { d: Int32Array; inc: Float64Array }>()
  private readonly rec: Recorder = { d: [], inc: [] }

  constructor(tree: Tree, scale = 1) {
    this.tree = tree
    this.scale = scale
    const splits: number[] = []
    for (let k = 0; k < tree.feature.length; k++) if ((tree.feature[k] as number) >= 0) splits.push(k)
    this.splits = Int32Array.from(splits)
  }

  /** Adds the tree's Shapley values for row x to phi (what treeShap(tree, x, phi, scale) adds). */
  add(x: ArrayLike<number>, phi: Float64Array): void {
    const s = this.splits
    if (s.length > 30) {
      walk(this.tree, x, this.scale, phi, null)
      return
    }
    const { feature, threshold } = this.tree
    let mask = 0
    for (let b = 0; b < s.length; b++) {
      const k = s[b] as number
      if ((x[feature[k] as number] as number) > (threshold[k] as number)) mask |= 1 << b
    }
    let p = this.patterns.get(mask)
    if (!p) {
      this.rec.d.length = 0
      this.rec.inc.length = 0
      walk(this.tree, x, this.scale, phi, this.rec)
      this.patterns.set(mask, { d: Int32Array.from(this.rec.d), inc: Float64Array.from(this.rec.inc) })
      return
    }
    const { d, inc } = p
    for (let i = 0; i < d.length; i++) {
      const j = d[i] as number
      phi[j] = (phi[j] as number) + (inc[i] as number)
    }
  }
}

interface Recorder {
  d: number[]
  inc: number[]
}

type Path = { d: Int32Array; z: Float64Array; o: Float64Array; w: Float64Array }

/** Path buffers per recursion level (and a copy per level for the cold child), reused across calls. */
interface Workspace {
  maxLen: number
  pool: Path[]
  saved: Path[]
}

let shared: Workspace | undefined

function workspace(maxLen: number): Workspace {
  if (shared && shared.maxLen >= maxLen) return shared
  const make = (): Path => ({ d: new Int32Array(maxLen), z: new Float64Array(maxLen), o: new Float64Array(maxLen), w: new Float64Array(maxLen) })
  shared = { maxLen, pool: Array.from({ length: maxLen + 1 }, make), saved: Array.from({ length: maxLen + 1 }, make) }
  return shared
}

const depthBounds = new WeakMap<Tree, number>()

/**
 * Algorithm 2's RECURSE from the root. Each leaf's share for path element i is added to phi (rec null) or,
 * with a recorder, both added and recorded as (feature, increment) in the order of the additions.
 */
function walk(tree: Tree, x: ArrayLike<number>, scale: number, phi: Float64Array, rec: Recorder | null): void {
  let bound = depthBounds.get(tree)
  if (bound === undefined) {
    bound = depthBound(tree)
    depthBounds.set(tree, bound)
  }
  const ws = workspace(bound + 2)
  const { pool, saved } = ws
  const recurse = (j: number, level: number, len: number, pz: number, po: number, pi: number): void => {
    const m = pool[level] as Path
    // EXTEND
    m.d[len] = pi
    m.z[len] = pz
    m.o[len] = po
    m.w[len] = len === 0 ? 1 : 0
    for (let i = len - 1; i >= 0; i--) {
      m.w[i + 1] = (m.w[i + 1] as number) + (po * (m.w[i] as number) * (i + 1)) / (len + 1)
      m.w[i] = (pz * (m.w[i] as number) * (len - i)) / (len + 1)
    }
    len++
    const f = tree.feature[j] as number
    if (f < 0) {
      for (let i = 1; i < len; i++) {
        const w = unwoundSum(m, len, i)
        const d = m.d[i] as number
        const inc = scale * w * ((m.o[i] as number) - (m.z[i] as number)) * (tree.value[j] as number)
        phi[d] = (phi[d] as number) + inc
        if (rec) {
          rec.d.push(d)
          rec.inc.push(inc)
        }
      }
      return
    }
    const xv = x[f] as number
    const goRight = xv > (tree.threshold[j] as number)
    const hot = goRight ? (tree.right[j] as number) : (tree.left[j] as number)
    const cold = goRight ? (tree.left[j] as number) : (tree.right[j] as number)
    let iz = 1
    let io = 1
    let k = -1
    for (let i = 1; i < len; i++) if (m.d[i] === f) k = i
    const next = pool[level + 1] as Path
    for (let i = 0; i < len; i++) {
      next.d[i] = m.d[i] as number
      next.z[i] = m.z[i] as number
      next.o[i] = m.o[i] as number
      next.w[i] = m.w[i] as number
    }
    let nlen = len
    if (k >= 0) {
      iz = m.z[k] as number
      io = m.o[k] as number
      unwind(next, nlen, k)
      nlen--
    }
    const rj = tree.cover[j] as number
    // Both children start from the same path: copy it again for the cold child after the hot one returns.
    const keep = saved[level] as Path
    for (let i = 0; i < nlen; i++) {
      keep.d[i] = next.d[i] as number
      keep.z[i] = next.z[i] as number
      keep.o[i] = next.o[i] as number
      keep.w[i] = next.w[i] as number
    }
    recurse(hot, level + 1, nlen, (iz * (tree.cover[hot] as number)) / rj, io, f)
    for (let i = 0; i < nlen; i++) {
      next.d[i] = keep.d[i] as number
      next.z[i] = keep.z[i] as number
      next.o[i] = keep.o[i] as number
      next.w[i] = keep.w[i] as number
    }
    recurse(cold, level + 1, nlen, (iz * (tree.cover[cold] as number)) / rj, 0, f)
  }
  recurse(0, 0, 0, 1, 1, -1)
}

/** UNWIND in place: removes element i from a path of length len (Algorithm 2's inverse of EXTEND). */
function unwind(m: Path, len: number, i: number): void {
  const l = len - 1
  let n = m.w[l] as number
  const o = m.o[i] as number
  const z = m.z[i] as number
  for (let j = l - 1; j >= 0; j--) {
    if (o !== 0) {
      const t = m.w[j] as number
      m.w[j] = (n * (l + 1)) / ((j + 1) * o)
      n = t - ((m.w[j] as number) * z * (l - j)) / (l + 1)
    } else {
      m.w[j] = ((m.w[j] as number) * (l + 1)) / (z * (l - j))
    }
  }
  for (let j = i; j < l; j++) {
    m.d[j] = m.d[j + 1] as number
    m.z[j] = m.z[j + 1] as number
    m.o[j] = m.o[j + 1] as number
  }
}

/** Sum of the weights the path would have after unwinding element i, without modifying it. */
function unwoundSum(m: Path, len: number, i: number): number {
  const l = len - 1
  const o = m.o[i] as number
  const z = m.z[i] as number
  let n = m.w[l] as number
  let total = 0
  for (let j = l - 1; j >= 0; j--) {
    if (o !== 0) {
      const t = (n * (l + 1)) / ((j + 1) * o)
      total += t
      n = (m.w[j] as number) - (t * z * (l - j)) / (l + 1)
    } else {
      total += ((m.w[j] as number) * (l + 1)) / (z * (l - j))
    }
  }
  return total
}

function depthBound(tree: Tree): number {
  let best = 0
  const stack: Array<[number, number]> = [[0, 0]]
  while (stack.length) {
    const [k, d] = stack.pop() as [number, number]
    best = Math.max(best, d)
    if ((tree.feature[k] as number) >= 0) stack.push([tree.left[k] as number, d + 1], [tree.right[k] as number, d + 1])
  }
  return best
}
