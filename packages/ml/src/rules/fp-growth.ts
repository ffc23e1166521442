import { basketCount, type Baskets } from './baskets.ts'
import { exactFraction, minimumCountExact, type Threshold } from './exact-threshold.ts'

export interface FrequentItemset {
  /** Item ids, ascending. */
  items: number[]
  /** Number of baskets containing every item. */
  count: number
  /** count / number of baskets. */
  support: number
}

export interface FpGrowthOptions {
  /**
   * Minimum support as a fraction of baskets; an itemset is frequent when count / n ≥ minSupport (arules),
   * decided on integer counts (see exact-threshold.ts).
   */
  minSupport: Threshold
  /** Longest itemset to report (default: unlimited). */
  maxLength?: number
}

/** Smallest basket count c ≥ 1 with c / n ≥ minSupport exactly (0.001 of 9,835 baskets is 10). */
export function minimumCount(minSupport: Threshold, n: number): number {
  return minimumCountExact(exactFraction(minSupport, 'minSupport'), n)
}

/**
 * FP-tree stored in parallel typed arrays: node 0 is the root; `item` holds the item's frequency rank.
 * Children are found through a per-node sibling list, header links chain the nodes of one item.
 */
class FpTree {
  item: Int32Array
  count: Float64Array
  parent: Int32Array
  firstChild: Int32Array
  nextSibling: Int32Array
  nextSame: Int32Array
  size = 1
  readonly head: Int32Array
  readonly itemCount: Float64Array
  /** Root child of each item (the root can have one child per item, too many for a sibling scan). */
  readonly rootChild: Int32Array

  constructor(nItems: number, capacity: number) {
    const cap = Math.max(16, capacity)
    // Links are written when a node is created, so nothing needs pre-filling (reset() sets the root).
    this.item = new Int32Array(cap)
    this.count = new Float64Array(cap)
    this.parent = new Int32Array(cap)
    this.firstChild = new Int32Array(cap)
    this.nextSibling = new Int32Array(cap)
    this.nextSame = new Int32Array(cap)
    this.head = new Int32Array(nItems)
    this.itemCount = new Float64Array(nItems)
    this.rootChild = new Int32Array(nItems)
    this.reset(nItems)
  }

  /** Empties the tree for reuse with items 0..nItems−1 (conditional trees are pooled per recursion depth). */
  reset(nItems: number): void {
    this.size = 1
    this.parent[0] = -1
    this.firstChild[0] = -1
    this.head.fill(-1, 0, nItems)
    this.itemCount.fill(0, 0, nItems)
    this.rootChild.fill(-1, 0, nItems)
  }

  /** Inserts a path of ranks (ascending = most frequent first) with a weight. */
  insert(path: Int32Array, len: number, weight: number): void {
    let node = 0
    for (let i = 0; i < len; i++) {
      const it = path[i] as number
      let child: number
      if (node === 0) child = this.rootChild[it] as number
      else {
        child = this.firstChild[node] as number
        while (child >= 0 && this.item[child] !== it) child = this.nextSibling[child] as number
      }
      if (child < 0) {
        if (this.size === this.item.length) this.grow()
        child = this.size++
        this.item[child] = it
        this.parent[child] = node
        this.firstChild[child] = -1
        this.count[child] = 0
        this.nextSibling[child] = this.firstChild[node] as number
        this.firstChild[node] = child
        this.nextSame[child] = this.head[it] as number
        this.head[it] = child
        if (node === 0) this.rootChild[it] = child
      }
      this.count[child] = (this.count[child] as number) + weight
      this.itemCount[it] = (this.itemCount[it] as number) + weight
      node = child
    }
  }

  private grow(): void {
    const cap = this.item.length * 2
    const g32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap)
      b.set(a)
      return b
    }
    this.item = g32(this.item)
    this.parent = g32(this.parent)
    this.firstChild = g32(this.firstChild)
    this.nextSibling = g32(this.nextSibling)
    this.nextSame = g32(this.nextSame)
    const c = new Float64Array(cap)
    c.set(this.count)
    this.count = c
  }
}

/**
 * Frequent itemsets by FP-growth (Han, Pei & Yin 2000): one pass counts items, a second builds the FP-tree
 * with items in descending frequency order, then each item's conditional tree is mined recursively.
 * Cost: two scans of the data plus work proportional to the number of frequent itemsets times their
 * conditional-tree sizes; memory is the tree, never the candidate lattice. Counts itemsets of length ≥ 1.
 */
export function fpGrowth(baskets: Baskets, options: FpGrowthOptions): FrequentItemset[] {
  const n = basketCount(baskets)
  const maxLength = options.maxLength ?? Infinity
  if (n === 0 || maxLength < 1) return []
  const minCount = minimumCount(options.minSupport, n)
  const nNames = baskets.names.length
  const freq = new Float64Array(nNames)
  for (let i = 0; i < baskets.items.length; i++) freq[baskets.items[i] as number] = (freq[baskets.items[i] as number] as number) + 1
  // Rank frequent items by descending count (ties by id) so shared prefixes sit near the root.
  const frequent: number[] = []
  for (let id = 0; id < nNames; id++) if ((freq[id] as number) >= minCount) frequent.push(id)
  frequent.sort((a, b) => (freq[b] as number) - (freq[a] as number) || a - b)
  const rankOf = new Int32Array(nNames).fill(-1)
  frequent.forEach((id, r) => (rankOf[id] = r))
  const nItems = frequent.length
  const tree = new FpTree(nItems, baskets.items.length + 1)
  const path = new Int32Array(Math.max(1, nItems))
  for (let b = 0; b < n; b++) {
    let len = 0
    for (let k = baskets.offsets[b] as number; k < (baskets.offsets[b + 1] as number); k++) {
      const r = rankOf[baskets.items[k] as number] as number
      if (r >= 0) path[len++] = r
    }
    if (len === 0) continue
    path.subarray(0, len).sort()
    tree.insert(path, len, 1)
  }
  const out: FrequentItemset[] = []
  // The recursion keeps ranks in `prefix`; emit translates them to item ids.
  const prefix: number[] = []
  const emit = (rank: number, count: number): void => {
    const items = new Array<number>(prefix.length + 1)
    for (let i = 0; i < prefix.length; i++) items[i] = frequent[prefix[i] as number] as number
    items[prefix.length] = frequent[rank] as number
    items.sort(ascending)
    out.push({ items, count, support: count / n })
  }
  const pool: Pool = { trees: [], counts: [], nItems }
  mine(tree, nItems, minCount, maxLength, prefix, emit, path, pool)
  return out
}

function ascending(a: number, b: number): number {
  return a - b
}

/** Conditional trees and count buffers, one per recursion depth, reused across siblings. */
interface Pool {
  trees: FpTree[]
  counts: Float64Array[]
  nItems: number
}

function mine(
  tree: FpTree,
  nItems: number,
  minCount: number,
  maxLength: number,
  prefix: number[],
  emit: (rank: number, count: number) => void,
  scratch: Int32Array,
  pool: Pool,
): void {
  const depth = prefix.length
  for (let it = nItems - 1; it >= 0; it--) {
    const support = tree.itemCount[it] as number
    if (support < minCount) continue
    emit(it, support)
    if (prefix.length + 1 >= maxLength) continue
    // Conditional pattern base: prefix paths of every node of `it`, weighted by that node's count.
    let condCount = pool.counts[depth]
    if (condCount === undefined) {
      condCount = new Float64Array(pool.nItems)
      pool.counts[depth] = condCount
    }
    condCount.fill(0, 0, it)
    let totalNodes = 0
    for (let node = tree.head[it] as number; node >= 0; node = tree.nextSame[node] as number) {
      const w = tree.count[node] as number
      for (let p = tree.parent[node] as number; p > 0; p = tree.parent[p] as number) {
        condCount[tree.item[p] as number] = (condCount[tree.item[p] as number] as number) + w
        totalNodes++
      }
    }
    let any = false
    for (let j = 0; j < it; j++) if ((condCount[j] as number) >= minCount) any = true
    if (!any) continue
    let cond = pool.trees[depth]
    if (cond === undefined) {
      cond = new FpTree(pool.nItems, 1024)
      pool.trees[depth] = cond
    }
    cond.reset(it)
    for (let node = tree.head[it] as number; node >= 0; node = tree.nextSame[node] as number) {
      let len = 0
      for (let p = tree.parent[node] as number; p > 0; p = tree.parent[p] as number) {
        const r = tree.item[p] as number
        if ((condCount[r] as number) >= minCount) scratch[len++] = r
      }
      if (len === 0) continue
      // Collected leaf-to-root, i.e. descending rank; the tree wants ascending rank (root first).
      for (let a = 0, b = len - 1; a < b; a++, b--) {
        const t = scratch[a] as number
        scratch[a] = scratch[b] as number
        scratch[b] = t
      }
      cond.insert(scratch, len, tree.count[node] as number)
    }
    prefix.push(it)
    mine(cond, it, minCount, maxLength, prefix, emit, scratch, pool)
    prefix.pop()
  }
}
