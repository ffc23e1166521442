import type { Matrix } from '../data/pipeline.ts'
import { binMatrix, type BinnedMatrix } from '../predict/hist-binning.ts'
import { addTreeValues, type Tree } from '../predict/tree.ts'
import { createRng, sampleInOrder, type Rng } from '../random.ts'

/**
 * A forest of uplift trees: each tree is grown to separate rows by their treatment effect directly (the
 * causal-tree criterion of Athey & Imbens 2016: a split's gain is n_L(τ_L − τ)² + n_R(τ_R − τ)², τ the
 * difference of the arms' response rates in a node), on a random half of the rows, and "honest" (Wager &
 * Athey 2018): one half of that sample chooses the splits, the other half estimates each leaf's effect, so
 * the leaf values are not inflated by the search. A leaf must hold `minLeafShare` of each arm's growing rows:
 * large leaves, because an effect of a few points is only measurable on thousands of rows; the tree stays
 * coarse and the forest averages many coarse partitions. Seeded. Cost O(trees × depth × rows × features).
 */
export interface UpliftForestOptions {
  /** Default 100. */
  nTrees?: number
  /** Default 4. */
  maxDepth?: number
  /** Each leaf holds at least this share of each arm's growing rows. Default 0.2. */
  minLeafShare?: number
  /** And at least this many rows of each arm. Default 10. */
  minLeafRows?: number
  /** Share of rows drawn (without replacement) for each tree. Default 0.5. */
  subsample?: number
  /** Split on one half of a tree's sample and estimate leaf effects on the other. Default true. */
  honest?: boolean
  seed?: number
}

export interface UpliftForest {
  type: 'uplift-forest'
  /** Leaf values are effects (differences of response rates); the forest's output is their mean. */
  trees: Tree[]
}

/** Fits the forest on a model matrix, 0/1 outcomes and 0/1 treatment (1 = treated). */
export function fitUpliftForest(X: Matrix, y: ArrayLike<number>, treatment: ArrayLike<number>, options: UpliftForestOptions = {}): UpliftForest {
  const nTrees = Math.max(1, Math.floor(options.nTrees ?? 100))
  const subsample = options.subsample ?? 0.5
  const honest = options.honest ?? true
  const binned = binMatrix(X)
  const rng = createRng((options.seed ?? 0) + 104729)
  const all = Int32Array.from({ length: X.rows }, (_, i) => i)
  const trees: Tree[] = []
  for (let t = 0; t < nTrees; t++) {
    const sampled = sampleInOrder(all, subsample, rng)
    let grow = sampled
    let estimate = sampled
    if (honest) {
      const half = Uint8Array.from(sampled, () => (rng.next() < 0.5 ? 1 : 0))
      grow = sampled.filter((_, k) => half[k] === 1)
      estimate = sampled.filter((_, k) => half[k] === 0)
    }
    const tree = growUpliftTree(binned, y, treatment, grow, options)
    setLeafEffects(tree, X, y, treatment, estimate)
    trees.push(tree)
  }
  return { type: 'uplift-forest', trees }
}

/** Mean effect over the trees for every row. */
export function upliftForestPredict(forest: UpliftForest, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows)
  for (const tree of forest.trees) addTreeValues(tree, X, out, 1 / forest.trees.length)
  return out
}

/** Treated rows, treated responders, control rows, control responders. */
type ArmStats = [number, number, number, number]

function addRow(s: ArmStats, treated: boolean, y: number): void {
  if (treated) {
    s[0] += 1
    s[1] += y
  } else {
    s[2] += 1
    s[3] += y
  }
}

function armStats(rows: Int32Array, y: ArrayLike<number>, treatment: ArrayLike<number>): ArmStats {
  const s: ArmStats = [0, 0, 0, 0]
  for (const i of rows) addRow(s, treatment[i] === 1, y[i] as number)
  return s
}

const effect = (nt: number, rt: number, nc: number, rc: number): number => rt / nt - rc / nc

/** One tree grown depth-first on `rows`; leaf values are left at 0 for setLeafEffects. */
function growUpliftTree(X: BinnedMatrix, y: ArrayLike<number>, treatment: ArrayLike<number>, rows: Int32Array, options: UpliftForestOptions): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [], cover: [] }
  const maxDepth = options.maxDepth ?? 4
  const root = armStats(rows, y, treatment)
  const minArm = Math.max(options.minLeafRows ?? 10, Math.ceil((options.minLeafShare ?? 0.2) * Math.min(root[0], root[2])))
  const p = X.cols
  const node = (idx: Int32Array, depth: number): number => {
    const k = tree.feature.length
    tree.feature.push(-1)
    tree.threshold.push(0)
    tree.left.push(-1)
    tree.right.push(-1)
    tree.value.push(0)
    tree.cover.push(idx.length)
    const [nt, rt, nc, rc] = armStats(idx, y, treatment)
    if (depth >= maxDepth || nt < 2 * minArm || nc < 2 * minArm) return k
    const tau = effect(nt, rt, nc, rc)
    let bestGain = 1e-12
    let bestF = -1
    let bestBin = -1
    for (let j = 0; j < p; j++) {
      const nBins = (X.edges[j] as Float64Array).length
      if (nBins < 2) continue
      const hist = new Float64Array(4 * nBins)
      for (const i of idx) {
        const b = 4 * (X.bins[i * p + j] as number) + (treatment[i] === 1 ? 0 : 2)
        hist[b] = (hist[b] as number) + 1
        hist[b + 1] = (hist[b + 1] as number) + (y[i] as number)
      }
      let lnt = 0
      let lrt = 0
      let lnc = 0
      let lrc = 0
      for (let b = 0; b + 1 < nBins; b++) {
        lnt += hist[4 * b] as number
        lrt += hist[4 * b + 1] as number
        lnc += hist[4 * b + 2] as number
        lrc += hist[4 * b + 3] as number
        if (lnt < minArm || lnc < minArm) continue
        if (nt - lnt < minArm || nc - lnc < minArm) break
        const dl = effect(lnt, lrt, lnc, lrc) - tau
        const dr = effect(nt - lnt, rt - lrt, nc - lnc, rc - lrc) - tau
        const gain = (lnt + lnc) * dl * dl + (nt - lnt + nc - lnc) * dr * dr
        if (gain > bestGain) {
          bestGain = gain
          bestF = j
          bestBin = b
        }
      }
    }
    if (bestF < 0) return k
    const goesLeft = (i: number): boolean => (X.bins[i * p + bestF] as number) <= bestBin
    const left = idx.filter(goesLeft)
    const right = idx.filter((i) => !goesLeft(i))
    tree.feature[k] = bestF
    tree.threshold[k] = (X.edges[bestF] as Float64Array)[bestBin] as number
    tree.left[k] = node(left, depth + 1)
    tree.right[k] = node(right, depth + 1)
    return k
  }
  node(rows, 0)
  return tree
}

/**
 * Leaf value = the effect measured on the estimation rows that reach the leaf. A leaf where one arm has no
 * estimation row (rare with large leaves) takes the effect of all estimation rows instead.
 */
function setLeafEffects(tree: Tree, X: Matrix, y: ArrayLike<number>, treatment: ArrayLike<number>, rows: Int32Array): void {
  const stats = tree.feature.map((): ArmStats => [0, 0, 0, 0])
  for (const i of rows) {
    let k = 0
    while ((tree.feature[k] as number) >= 0) {
      k = (X.data[i * X.cols + (tree.feature[k] as number)] as number) > (tree.threshold[k] as number) ? (tree.right[k] as number) : (tree.left[k] as number)
    }
    addRow(stats[k] as ArmStats, treatment[i] === 1, y[i] as number)
  }
  const [nt, rt, nc, rc] = armStats(rows, y, treatment)
  const overall = nt > 0 && nc > 0 ? effect(nt, rt, nc, rc) : 0
  tree.value = stats.map((s, k) => {
    if ((tree.feature[k] as number) >= 0) return 0
    const [a, b, c, d] = s
    return a > 0 && c > 0 ? effect(a, b, c, d) : overall
  })
}

