import { selectRows, type Frame } from '../data/frame.ts'
import type { ColumnSchema } from '../data/infer-schema.ts'
import { fitPipeline, transform, type Matrix, type Pipeline, type PipelineOptions } from '../data/pipeline.ts'
import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import { calibrate, fitIsotonic, fitPlatt, type Calibrator } from './calibration.ts'
import { cartPredict, fitCart, type CartModel, type CartOptions } from './cart.ts'
import { fitGbdt, gbdtMargin, type GbdtModel, type GbdtOptions } from './gbdt.ts'
import { columnMeans } from './linear-contributions.ts'
import { selectLogisticC } from './logistic-cv.ts'
import { fitLogistic, logisticMargin, sigmoid, type LogisticModel, type LogisticOptions } from './logistic.ts'

export type ModelKind = 'logistic' | 'gbdt' | 'tree' | 'blend'

export interface ClassifierOptions {
  /**
   * 'blend' averages the log-odds of logistic regression and GBDT (a bag of 5 boosted ensembles unless
   * `gbdt.bags` says otherwise). Default 'logistic'.
   */
  model?: ModelKind
  seed?: number
  pipeline?: PipelineOptions
  /** Logistic options; without an explicit C, C is chosen by inner 3-fold CV on the training rows. */
  logistic?: LogisticOptions
  gbdt?: GbdtOptions
  tree?: CartOptions
  /** Recalibrate probabilities on inner out-of-fold scores. Default 'none'. */
  calibration?: 'none' | 'platt' | 'isotonic'
  /**
   * The columns a blend's trees may split on: 'all' (default) or 'inputs', which leaves out the spline hinges
   * the linear member gets (a split on max(0, x − k) is a split on x, so only the bin resolution changes, at a
   * fraction of the histogram work). The default stays 'all' so bench/results/predict.md's figures hold.
   */
  treeColumns?: 'all' | 'inputs'
}

export type Member = LogisticModel | GbdtModel | CartModel

/** Everything needed to score a new table: schema, preprocessing, fitted model(s), calibration. JSON-safe. */
export interface TrainedClassifier {
  format: 'rapport-classifier'
  version: 1
  kind: ModelKind
  /** How raw columns were read in training, so new files are parsed the same way. */
  schema: ColumnSchema[]
  target: { column: string; positive: string }
  pipeline: Pipeline
  members: Member[]
  /** Training means of the model inputs (the reference point of linear contributions). */
  featureMeans: number[]
  calibrator?: Calibrator
}

/**
 * Fits the preprocessing pipeline and the chosen model on a training frame (never on rows it will be tested
 * on: callers pass training rows only). O(pipeline + model fit).
 */
export function fitClassifier(
  frame: Frame,
  y: ArrayLike<number>,
  meta: { schema: ColumnSchema[]; target: { column: string; positive: string } },
  options: ClassifierOptions = {},
): TrainedClassifier {
  const kind = options.model ?? 'logistic'
  const seed = options.seed ?? 0
  // Linear members get spline hinges on numeric inputs by default so they can model bends (e.g. churn
  // falling steeply over the first months of tenure); trees find such bends themselves.
  const knots = kind === 'logistic' || kind === 'blend' ? 4 : 0
  const { pipeline, matrix } = fitPipeline(frame, y, { seed, splineKnots: knots, ...options.pipeline })
  const members = fitMembers(kind, matrix, y, options, seed, pipeline)
  const model: TrainedClassifier = {
    format: 'rapport-classifier',
    version: 1,
    kind,
    schema: meta.schema,
    target: meta.target,
    pipeline,
    members,
    featureMeans: columnMeans(matrix),
  }
  const how = options.calibration ?? 'none'
  if (how !== 'none') model.calibrator = fitInnerCalibrator(frame, y, meta, { ...options, calibration: 'none' }, how)
  return model
}

function fitMembers(kind: ModelKind, X: Matrix, y: ArrayLike<number>, options: ClassifierOptions, seed: number, pipeline: Pipeline): Member[] {
  switch (kind) {
    case 'logistic':
      return [fitLogisticAutoC(X, y, options.logistic, seed)]
    case 'gbdt':
      return [fitGbdt(X, y, { seed, ...options.gbdt, loss: 'logistic' })]
    case 'tree':
      return [fitCart(X, y, options.tree)]
    case 'blend':
      // The blend's GBDT averages 5 bags (each its own row subsamples) to damp the variance subsampling adds;
      // the blend is the kind chosen when accuracy matters more than fit time (bench/results/predict.md).
      // With treeColumns 'inputs' its trees split on the inputs' own columns only: the hinges multiply the
      // histogram work (219 columns instead of 91 on the churn demo, 60 % of a churn fit's time in the trees).
      return [
        fitLogisticAutoC(X, y, options.logistic, seed),
        fitGbdt(X, y, { seed, bags: 5, ...options.gbdt, loss: 'logistic', ...(options.treeColumns === 'inputs' ? { columns: treeColumns(pipeline) } : {}) }),
      ]
  }
}

/** Indices of the features that are not spline hinges (a numeric input's features: value, hinges, indicator). */
function treeColumns(pipeline: Pipeline): number[] {
  const out: number[] = []
  let first = 0
  pipeline.featureInput.forEach((input, j) => {
    if (j === 0 || pipeline.featureInput[j - 1] !== input) first = j
    const spec = pipeline.inputs[input]
    const knots = spec?.kind === 'numeric' ? (spec.knots?.length ?? 0) : 0
    const k = j - first
    if (k === 0 || k > knots) out.push(j)
  })
  return out
}

function fitLogisticAutoC(X: Matrix, y: ArrayLike<number>, options: LogisticOptions | undefined, seed: number): LogisticModel {
  if (options?.C !== undefined) return fitLogistic(X, y, options)
  const { C } = selectLogisticC(X, y, { ...options, seed })
  return { ...fitLogistic(X, y, { ...options, C }), C }
}

function fitInnerCalibrator(
  frame: Frame,
  y: ArrayLike<number>,
  meta: Parameters<typeof fitClassifier>[2],
  options: ClassifierOptions,
  how: 'platt' | 'isotonic',
): Calibrator {
  const folds = stratifiedKFold(Array.from(y), 3, (options.seed ?? 0) + 1)
  const scores = new Float64Array(frame.nRows)
  for (let f = 0; f < 3; f++) {
    const train: number[] = []
    const test: number[] = []
    for (let i = 0; i < frame.nRows; i++) (folds[i] === f ? test : train).push(i)
    const sub = fitClassifier(selectRows(frame, train), train.map((i) => y[i] as number), meta, options)
    const s = classifierMargin(sub, selectRows(frame, test))
    test.forEach((i, t) => (scores[i] = s[t] as number))
  }
  return how === 'platt' ? fitPlatt(scores, y) : fitIsotonic(Array.from(scores, sigmoid), y)
}

/** Margin (log-odds; for a lone CART tree, the logit of its leaf frequency) of every row of a frame. */
export function classifierMargin(model: TrainedClassifier, frame: Frame): Float64Array {
  return marginOfMatrix(model, transform(model.pipeline, frame))
}

/** Margin of rows already transformed by the model's pipeline. */
export function marginOfMatrix(model: TrainedClassifier, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows)
  for (const m of model.members) {
    const part = memberMargin(m, X)
    for (let i = 0; i < X.rows; i++) out[i] = (out[i] as number) + (part[i] as number) / model.members.length
  }
  return out
}

export function memberMargin(m: Member, X: Matrix): Float64Array {
  if (m.type === 'logistic') return logisticMargin(m, X)
  if (m.type === 'gbdt') return gbdtMargin(m, X)
  const p = cartPredict(m, X)
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - 1e-6, Math.max(1e-6, p[i] as number))
    p[i] = Math.log(q / (1 - q))
  }
  return p
}

/** P(positive) of every row of a frame, calibrated when the model carries a calibrator. */
export function classifierProba(model: TrainedClassifier, frame: Frame): Float64Array {
  return probaOfMatrix(model, transform(model.pipeline, frame))
}

export function probaOfMatrix(model: TrainedClassifier, X: Matrix): Float64Array {
  const m = marginOfMatrix(model, X)
  const c = model.calibrator
  for (let i = 0; i < m.length; i++) {
    const s = m[i] as number
    m[i] = !c ? sigmoid(s) : c.type === 'platt' ? calibrate(c, s) : calibrate(c, sigmoid(s))
  }
  return m
}

/** Reads a model saved with JSON.stringify, checking its format tag. */
export function classifierFromJson(text: string): TrainedClassifier {
  const obj = JSON.parse(text) as Partial<TrainedClassifier>
  if (obj.format !== 'rapport-classifier' || obj.version !== 1) throw new Error('not a rapport classifier model (format/version mismatch)')
  return obj as TrainedClassifier
}
