import type { Matrix } from '../data/pipeline.ts'
import { createRng, sampleInOrder, type Rng } from '../random.ts'
import { stratifiedKFold, kFold } from '../eval/stratified-kfold.ts'
import { binMatrix, type BinnedMatrix } from './hist-binning.ts'
import { growTree } from './grow-tree.ts'
import { addTreeValues, type Tree } from './tree.ts'
import { sigmoid } from './logistic.ts'

export interface GbdtOptions {
  loss?: 'logistic' | 'squared'
  /** Most boosting rounds. Default 200. */
  nTrees?: number
  /** Shrinkage. Default 0.05. */
  learningRate?: number
  /** Default 3. */
  maxDepth?: number
  /** Default 20. */
  minSamplesLeaf?: number
  /** Default 1e-3. */
  minChildWeight?: number
  /** L2 on leaf values. Default 1. */
  lambda?: number
  /** Share of rows drawn (without replacement) for each tree. Default 0.8. */
  subsample?: number
  /** Share of features each tree may use. Default 1. */
  colsample?: number
  /** Default 255. */
  maxBins?: number
  /**
   * Hold out this share of the training rows and stop when their loss has not improved for `patience`
   * rounds, keeping the best round. 'auto' (default) does so only above 10,000 rows, like scikit-learn.
   */
  earlyStopping?: boolean | 'auto'
  validationFraction?: number
  patience?: number
  /**
   * Boosted ensembles averaged into one (each with its own row and column samples): lowers the variance of
   * the subsampled fit at `bags` × the cost. Default 1.
   */
  bags?: number
  seed?: number
  /**
   * The matrix columns the trees may split on (ascending; default all). The others are neither binned nor
   * searched, and the trees' feature indices still refer to the full matrix.
   */
  columns?: ArrayLike<number>
}

export interface GbdtModel {
  type: 'gbdt'
  loss: 'logistic' | 'squared'
  /** Initial margin (log-odds of the base rate, or the mean). */
  base: number
  /** Trees whose leaf values already include the learning rate. */
  trees: Tree[]
}

/**
 * Gradient-boosted decision trees over histogram-binned features (Friedman 2001; second-order leaves as in
 * XGBoost, Chen & Guestrin 2016; histogram splits as in LightGBM, Ke et al. 2017), with logistic or squared
 * loss, shrinkage, depth/leaf limits, row and column subsampling, early stopping on a validation split and
 * optional bagging of several boosted ensembles. Written here because no well-kept JavaScript library
 * implements this. Seeded. Cost O(bags × trees × depth × rows × features) plus one O(rows log rows) binning pass.
 */
export function fitGbdt(X: Matrix, y: ArrayLike<number>, options: GbdtOptions = {}): GbdtModel {
  const cols = options.columns
  if (cols !== undefined && cols.length < X.cols) {
    const q = cols.length
    const data = new Float64Array(X.rows * q)
    for (let i = 0; i < X.rows; i++) for (let c = 0; c < q; c++) data[i * q + c] = X.data[i * X.cols + (cols[c] as number)] as number
    const model = fitGbdt({ rows: X.rows, cols: q, data }, y, { ...options, columns: undefined })
    for (const tree of model.trees) for (let k = 0; k < tree.feature.length; k++) if ((tree.feature[k] as number) >= 0) tree.feature[k] = cols[tree.feature[k] as number] as number
    return model
  }
  const loss = options.loss ?? 'logistic'
  const seed = options.seed ?? 0
  const bags = Math.max(1, Math.floor(options.bags ?? 1))
  const n = X.rows
  const stop = options.earlyStopping === 'auto' || options.earlyStopping === undefined ? n > 10_000 : options.earlyStopping
  const isValid = new Uint8Array(n)
  if (stop) {
    const k = Math.max(2, Math.round(1 / (options.validationFraction ?? 0.1)))
    const folds = loss === 'logistic' ? stratifiedKFold(Array.from(y), k, seed) : kFold(n, k, seed)
    for (let i = 0; i < n; i++) isValid[i] = folds[i] === 0 ? 1 : 0
  }
  const trainList: number[] = []
  const validRows: number[] = []
  for (let i = 0; i < n; i++) (isValid[i] ? validRows : trainList).push(i)
  const rows = { train: Int32Array.from(trainList), valid: stop ? validRows : undefined }
  const binned = binMatrix(X, options.maxBins ?? 255)
  let base = 0
  for (const i of rows.train) base += y[i] as number
  base /= Math.max(1, rows.train.length)
  if (loss === 'logistic') base = Math.log(Math.max(1e-12, base) / Math.max(1e-12, 1 - base))
  // Bags differ only in their random streams (row and column samples); their mean margin is one ensemble
  // whose leaf values are divided by the number of bags, so TreeSHAP and JSON need nothing new.
  const trees: Tree[] = []
  for (let b = 0; b < bags; b++) {
    const bag = boost(X, binned, y, base, rows, options, createRng(seed + 1000 * b))
    if (bags > 1) for (const tree of bag) for (let k = 0; k < tree.value.length; k++) tree.value[k] = (tree.value[k] as number) / bags
    trees.push(...bag)
  }
  return { type: 'gbdt', loss, base, trees }
}

/** One boosted ensemble from `base`; trees' leaf values include the learning rate. */
function boost(
  X: Matrix,
  binned: BinnedMatrix,
  y: ArrayLike<number>,
  base: number,
  rows: { train: Int32Array; valid: number[] | undefined },
  options: GbdtOptions,
  rng: Rng,
): Tree[] {
  const loss = options.loss ?? 'logistic'
  const nTrees = options.nTrees ?? 200
  const lr = options.learningRate ?? 0.05
  const trainRows = rows.train
  const margin = new Float64Array(X.rows).fill(base)
  const g = new Float64Array(X.rows)
  const h = new Float64Array(X.rows)
  const trees: Tree[] = []
  let bestLoss = Infinity
  let bestRounds = 0
  const patience = options.patience ?? 20
  const subsample = options.subsample ?? 0.8
  const colsample = options.colsample ?? 1
  const growOptions = {
    maxDepth: options.maxDepth ?? 3,
    minSamplesLeaf: options.minSamplesLeaf ?? 20,
    minChildWeight: options.minChildWeight ?? 1e-3,
    lambda: options.lambda ?? 1,
    minGain: 1e-9,
  }
  for (let t = 0; t < nTrees; t++) {
    for (let t = 0; t < trainRows.length; t++) {
      const i = trainRows[t] as number
      const m = margin[i] as number
      const yi = y[i] as number
      if (loss === 'logistic') {
        const p = sigmoid(m)
        g[i] = p - yi
        h[i] = Math.max(p * (1 - p), 1e-16)
      } else {
        g[i] = m - yi
        h[i] = 1
      }
    }
    const sampled = sampleInOrder(trainRows, subsample, rng)
    const features = colsample < 1 ? sampleInOrder(Int32Array.from({ length: X.cols }, (_, j) => j), colsample, rng) : undefined
    const tree = growTree(binned, g, h, sampled, { ...growOptions, features })
    for (let k = 0; k < tree.value.length; k++) tree.value[k] = (tree.value[k] as number) * lr
    trees.push(tree)
    addTreeValues(tree, X, margin)
    if (rows.valid) {
      const l = meanLoss(loss, y, margin, rows.valid)
      if (l < bestLoss - 1e-9) {
        bestLoss = l
        bestRounds = trees.length
      } else if (trees.length - bestRounds >= patience) break
    }
  }
  if (rows.valid) trees.length = Math.max(1, bestRounds)
  return trees
}

/** Raw ensemble output: log-odds for the logistic loss, the prediction for squared loss. */
export function gbdtMargin(model: GbdtModel, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows).fill(model.base)
  for (const tree of model.trees) addTreeValues(tree, X, out)
  return out
}

/** P(y=1) under the logistic loss; the regression prediction under squared loss. */
export function gbdtPredict(model: GbdtModel, X: Matrix): Float64Array {
  const m = gbdtMargin(model, X)
  if (model.loss === 'logistic') for (let i = 0; i < m.length; i++) m[i] = sigmoid(m[i] as number)
  return m
}

function meanLoss(loss: GbdtModel['loss'], y: ArrayLike<number>, margin: Float64Array, rows: number[]): number {
  let s = 0
  for (const i of rows) {
    const m = margin[i] as number
    const yi = y[i] as number
    s += loss === 'logistic' ? (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - yi * m : (m - yi) ** 2
  }
  return s / Math.max(1, rows.length)
}

