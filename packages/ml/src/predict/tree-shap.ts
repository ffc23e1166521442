import type { Tree } from './tree.ts'

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature attribution
 * for tree ensembles", Algorithm 2): adds to `phi` the Shapley value of every feature for one row `x`, where
 * a feature left out follows both branches weighted by training cover. The contributions sum to the tree's
 * output minus its cover-weighted expected value. Cost O(leaves × depth²) per row.
 */
export function treeShap(tree: Tree, x: ArrayLike<number>, phi: Float64Array, scale = 1): void {
  const maxLen = depthBound(tree) + 2
  // Path arrays per recursion level, preallocated: feature, zero fraction, one fraction, weight.
  const pool = Array.from({ length: maxLen + 1 }, () => ({
    d: new Int32Array(maxLen),
    z: new Float64Array(maxLen),
    o: new Float64Array(maxLen),
    w: new Float64Array(maxLen),
  }))
  const recurse = (j: number, level: number, len: number, pz: number, po: number, pi: number): void => {
    const m = pool[level] as (typeof pool)[number]
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
        phi[d] = (phi[d] as number) + scale * w * ((m.o[i] as number) - (m.z[i] as number)) * (tree.value[j] as number)
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
    const next = pool[level + 1] as (typeof pool)[number]
    next.d.set(m.d.subarray(0, len))
    next.z.set(m.z.subarray(0, len))
    next.o.set(m.o.subarray(0, len))
    next.w.set(m.w.subarray(0, len))
    let nlen = len
    if (k >= 0) {
      iz = m.z[k] as number
      io = m.o[k] as number
      unwind(next, nlen, k)
      nlen--
    }
    const rj = tree.cover[j] as number
    // Both children start from the same path: copy it again for the cold child after the hot one returns.
    const saved = { d: next.d.slice(0, nlen), z: next.z.slice(0, nlen), o: next.o.slice(0, nlen), w: next.w.slice(0, nlen) }
    recurse(hot, level + 1, nlen, (iz * (tree.cover[hot] as number)) / rj, io, f)
    next.d.set(saved.d)
    next.z.set(saved.z)
    next.o.set(saved.o)
    next.w.set(saved.w)
    recurse(cold, level + 1, nlen, (iz * (tree.cover[cold] as number)) / rj, 0, f)
  }
  recurse(0, 0, 0, 1, 1, -1)
}

type Path = { d: Int32Array; z: Float64Array; o: Float64Array; w: Float64Array }

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
