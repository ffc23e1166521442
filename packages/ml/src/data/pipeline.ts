import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import type { Column, Frame } from './frame.ts'

/**
 * Preprocessing fitted on training rows only, saved with the model as plain JSON: median imputation with
 * missing indicators, one-hot encoding with rare levels bucketed into "(other)", standardisation of numeric
 * inputs, and (optionally) smoothed target encoding for high-cardinality categoricals, fitted out-of-fold on
 * the training rows so a row never sees its own label (Micci-Barreca 2001; scikit-learn's TargetEncoder idea).
 * Fit and transform are O(rows × columns).
 */
export interface PipelineOptions {
  /** Scale numeric inputs to zero mean, unit variance (linear models want it, trees ignore it). Default true. */
  standardize?: boolean
  /** Levels seen on fewer than max(minLevelCount, rareShare × rows) training rows go to "(other)". */
  rareShare?: number
  minLevelCount?: number
  /** Categoricals with more kept levels than this are target-encoded (when a target is given). Default 30. */
  maxOneHotLevels?: number
  /** Prior weight of the smoothed target mean. Default 20. */
  targetSmoothing?: number
  /** Inner folds for the out-of-fold target encoding of training rows. Default 5. */
  innerFolds?: number
  seed?: number
  /** Add a 0/1 "(missing)" feature for numeric inputs that had missing values in training. Default true. */
  missingIndicators?: boolean
  /**
   * Linear-spline hinges max(0, x − knot) at this many training quantiles for numeric inputs with more than
   * 10 distinct values, so linear models can bend (a piecewise-linear spline basis). Default 0.
   */
  splineKnots?: number
}

export type InputSpec =
  | { kind: 'numeric'; name: string; median: number; mean: number; std: number; indicator: boolean; knots?: number[] }
  | { kind: 'onehot'; name: string; levels: string[]; other: boolean; missing: boolean }
  | { kind: 'target'; name: string; levels: string[]; means: number[]; prior: number }

export interface Pipeline {
  inputs: InputSpec[]
  /** Output feature names, e.g. `tenure`, `Contract=Two year`, `TotalCharges (missing)`. */
  features: string[]
  /** For each output feature, the index of the input column it came from (for grouped explanations). */
  featureInput: number[]
}

/** A dense row-major matrix of model inputs. */
export interface Matrix {
  rows: number
  cols: number
  data: Float64Array
}

const OTHER = '(other)'
const MISSING = '(missing)'

/**
 * Fits the pipeline on a training frame (and its 0/1 target, needed only for target encoding) and returns it
 * with the transformed training matrix. Target-encoded columns of that matrix hold out-of-fold encodings.
 */
export function fitPipeline(frame: Frame, y: ArrayLike<number> | undefined, options: PipelineOptions = {}): { pipeline: Pipeline; matrix: Matrix } {
  const n = frame.nRows
  const minCount = Math.max(options.minLevelCount ?? 5, (options.rareShare ?? 0.01) * n)
  const maxOneHot = options.maxOneHotLevels ?? 30
  const smoothing = options.targetSmoothing ?? 20
  const standardize = options.standardize ?? true
  const indicators = options.missingIndicators ?? true
  const inputs: InputSpec[] = frame.columns.map((col) => {
    if (col.kind !== 'categorical') return fitNumeric(col.name, col.values, standardize, indicators, options.splineKnots ?? 0)
    const counts = new Float64Array(col.levels.length)
    let missing = 0
    for (const c of col.codes) {
      if (c < 0) missing++
      else counts[c] = (counts[c] as number) + 1
    }
    const kept = col.levels.filter((_, k) => (counts[k] ?? 0) >= minCount)
    const other = kept.length < col.levels.length
    if (y !== undefined && kept.length > maxOneHot) return fitTarget(col.name, col, y, smoothing)
    return { kind: 'onehot', name: col.name, levels: kept, other, missing: missing > 0 }
  })
  const features: string[] = []
  const featureInput: number[] = []
  inputs.forEach((spec, j) => {
    for (const f of featureNames(spec)) {
      features.push(f)
      featureInput.push(j)
    }
  })
  const pipeline: Pipeline = { inputs, features, featureInput }
  const matrix = transform(pipeline, frame)
  if (y !== undefined && inputs.some((s) => s.kind === 'target')) oofTargetColumns(pipeline, frame, y, matrix, options)
  return { pipeline, matrix }
}

function fitNumeric(name: string, values: Float64Array, standardize: boolean, indicators: boolean, nKnots: number): InputSpec {
  const present = Array.from(values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)
  const m = present.length
  const median = m === 0 ? 0 : m % 2 ? (present[(m - 1) / 2] as number) : ((present[m / 2 - 1] as number) + (present[m / 2] as number)) / 2
  let sum = 0
  let sq = 0
  for (const v of values) sum += Number.isNaN(v) ? median : v
  const mean = values.length ? sum / values.length : 0
  for (const v of values) sq += ((Number.isNaN(v) ? median : v) - mean) ** 2
  const std = values.length > 1 ? Math.sqrt(sq / values.length) : 0
  const knots: number[] = []
  if (nKnots > 0 && new Set(present).size > 10) {
    for (let k = 1; k <= nKnots; k++) {
      const q = present[Math.floor((k * m) / (nKnots + 1))] as number
      if (knots.length === 0 || q > (knots[knots.length - 1] as number)) knots.push(q)
    }
  }
  return {
    kind: 'numeric',
    name,
    median,
    mean: standardize ? mean : 0,
    std: standardize && std > 1e-12 ? std : 1,
    indicator: indicators && m < values.length,
    ...(knots.length ? { knots } : {}),
  }
}

function fitTarget(name: string, col: Extract<Column, { kind: 'categorical' }>, y: ArrayLike<number>, smoothing: number): InputSpec {
  const { means, prior } = targetMeans(col, y, smoothing, null)
  return { kind: 'target', name, levels: col.levels.slice(), means: Array.from(means), prior }
}

/** Smoothed per-level target means over the rows where `use` is true (all rows when null). */
function targetMeans(col: Extract<Column, { kind: 'categorical' }>, y: ArrayLike<number>, m: number, use: Uint8Array | null) {
  const sums = new Float64Array(col.levels.length)
  const counts = new Float64Array(col.levels.length)
  let total = 0
  let count = 0
  for (let i = 0; i < col.codes.length; i++) {
    if (use && !use[i]) continue
    const yi = y[i] as number
    total += yi
    count++
    const c = col.codes[i] as number
    if (c >= 0) {
      sums[c] = (sums[c] as number) + yi
      counts[c] = (counts[c] as number) + 1
    }
  }
  const prior = count ? total / count : 0
  const means = new Float64Array(col.levels.length)
  for (let k = 0; k < means.length; k++) means[k] = ((sums[k] as number) + prior * m) / ((counts[k] as number) + m)
  return { means, prior }
}

function oofTargetColumns(pipeline: Pipeline, frame: Frame, y: ArrayLike<number>, matrix: Matrix, options: PipelineOptions): void {
  const folds = stratifiedKFold(Array.from(y), Math.min(options.innerFolds ?? 5, Math.max(2, frame.nRows)), options.seed ?? 0)
  const k = Math.max(...folds) + 1
  pipeline.inputs.forEach((spec, j) => {
    if (spec.kind !== 'target') return
    const col = frame.columns[j] as Extract<Column, { kind: 'categorical' }>
    const f = pipeline.featureInput.indexOf(j)
    for (let fold = 0; fold < k; fold++) {
      const use = new Uint8Array(frame.nRows)
      for (let i = 0; i < frame.nRows; i++) use[i] = folds[i] === fold ? 0 : 1
      const { means, prior } = targetMeans(col, y, options.targetSmoothing ?? 20, use)
      for (let i = 0; i < frame.nRows; i++) {
        if (use[i]) continue
        const c = col.codes[i] as number
        matrix.data[i * matrix.cols + f] = c < 0 ? prior : (means[c] as number)
      }
    }
  })
}

function featureNames(spec: InputSpec): string[] {
  if (spec.kind === 'numeric') {
    const out = [spec.name, ...(spec.knots ?? []).map((k) => `${spec.name} (above ${k})`)]
    return spec.indicator ? [...out, `${spec.name} ${MISSING}`] : out
  }
  if (spec.kind === 'target') return [`${spec.name} (target mean)`]
  const out = spec.levels.map((l) => `${spec.name}=${l}`)
  if (spec.other) out.push(`${spec.name}=${OTHER}`)
  if (spec.missing) out.push(`${spec.name}=${MISSING}`)
  return out
}

/**
 * Applies a fitted pipeline to a frame whose columns carry the training names (extra columns are ignored,
 * absent ones read as missing). Levels unseen in training go to "(other)" when it exists, else to no level.
 */
export function transform(pipeline: Pipeline, frame: Frame): Matrix {
  const n = frame.nRows
  const cols = pipeline.features.length
  const data = new Float64Array(n * cols)
  let offset = 0
  for (const spec of pipeline.inputs) {
    const col = frame.columns.find((c) => c.name === spec.name)
    if (spec.kind === 'numeric') {
      const values = col && col.kind !== 'categorical' ? col.values : undefined
      const knots = spec.knots ?? []
      for (let i = 0; i < n; i++) {
        const raw = values ? (values[i] as number) : Number.NaN
        const miss = Number.isNaN(raw)
        const v = miss ? spec.median : raw
        data[i * cols + offset] = (v - spec.mean) / spec.std
        for (let k = 0; k < knots.length; k++) data[i * cols + offset + 1 + k] = Math.max(0, v - (knots[k] as number)) / spec.std
        if (spec.indicator) data[i * cols + offset + 1 + knots.length] = miss ? 1 : 0
      }
      offset += 1 + knots.length + (spec.indicator ? 1 : 0)
      continue
    }
    const cat = col && col.kind === 'categorical' ? col : undefined
    const index = new Map(spec.levels.map((l, k) => [l, k]))
    const map = cat ? cat.levels.map((l) => index.get(l) ?? -2) : []
    if (spec.kind === 'target') {
      for (let i = 0; i < n; i++) {
        const c = cat ? (cat.codes[i] as number) : -1
        const k = c < 0 ? -1 : (map[c] as number)
        data[i * cols + offset] = k < 0 ? spec.prior : (spec.means[k] as number)
      }
      offset += 1
      continue
    }
    const width = spec.levels.length + (spec.other ? 1 : 0) + (spec.missing ? 1 : 0)
    for (let i = 0; i < n; i++) {
      const c = cat ? (cat.codes[i] as number) : -1
      let k: number
      if (c < 0) k = spec.missing ? spec.levels.length + (spec.other ? 1 : 0) : -1
      else {
        const m = map[c] as number
        k = m >= 0 ? m : spec.other ? spec.levels.length : -1
      }
      if (k >= 0) data[i * cols + offset + k] = 1
    }
    offset += width
  }
  return { rows: n, cols, data }
}
