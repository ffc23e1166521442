import { selectRows, type Frame } from '../data/frame.ts'
import type { ColumnSchema } from '../data/infer-schema.ts'
import { fitPipeline, transform, type Pipeline } from '../data/pipeline.ts'
import { classifierProba, fitClassifier, type ClassifierOptions, type TrainedClassifier } from '../predict/classifier.ts'
import { createRng } from '../random.ts'
import { fitUpliftForest, upliftForestPredict, type UpliftForest, type UpliftForestOptions } from './uplift-forest.ts'
import { fitXStage, predictXStage, type XLearnerStage } from './x-learner.ts'

/**
 * Meta-learners: uplift (P(y=1 | x, treated) − P(y=1 | x, control)) estimated with ordinary classifiers.
 *   T-learner — one classifier per arm; uplift = p₁(x) − p₀(x).
 *   S-learner — one classifier with the treatment as an extra 0/1 feature, scored once with it set to 1 and
 *               once to 0; uplift = the difference.
 *   class transformation (Jaskowski & Jaroszewicz 2012) — one classifier of Z = y·w + (1 − y)(1 − w); with
 *               P(w = 1) = ½, uplift = 2·P(Z = 1 | x) − 1. The larger arm is first subsampled (seeded) to the
 *               size of the smaller, so the identity holds when the experiment's arms are unequal.
 *   X-learner (Künzel et al. 2019) — the T-learner's arm models, then per-arm regressions of imputed effects
 *               (see x-learner.ts).
 * The base classifier is the library's logistic regression (splines, C by inner CV) or GBDT.
 * Beside them, the uplift forest (uplift-forest.ts) models the effect with trees of its own; its spec is
 * 'uplift-forest' with base 'tree', and no other learner takes that base.
 */
export type UpliftLearner = 't-learner' | 's-learner' | 'class-transformation' | 'x-learner' | 'uplift-forest'
export type UpliftBase = 'logistic' | 'gbdt' | 'tree'

/** The meta-learners over base classifiers, and those bases (UPLIFT_FOREST is apart: it has no classifier). */
export const UPLIFT_LEARNERS: readonly UpliftLearner[] = ['t-learner', 's-learner', 'class-transformation', 'x-learner']
export const UPLIFT_BASES: readonly UpliftBase[] = ['logistic', 'gbdt']
export const UPLIFT_FOREST: UpliftSpec = { learner: 'uplift-forest', base: 'tree' }

export interface UpliftSpec {
  learner: UpliftLearner
  base: UpliftBase
}

export interface UpliftFitOptions {
  seed?: number
  /** Options passed to every base classifier (its `model` is set from the spec's base). */
  classifier?: ClassifierOptions
  /** Options of the uplift forest. */
  forest?: UpliftForestOptions
}

/** A fitted uplift model: its spec and base classifiers, JSON-safe. */
export interface UpliftModel {
  format: 'rapport-uplift'
  version: 1
  learner: UpliftLearner
  base: UpliftBase
  schema: ColumnSchema[]
  /** T- and X-learner: [treated, control]; S-learner and class transformation: one classifier; forest: none. */
  members: TrainedClassifier[]
  /** X-learner only: the effect regressions. */
  xStage?: XLearnerStage
  /** Uplift forest only: its preprocessing (one-hot, no splines: trees find their own cuts) and trees. */
  forest?: { pipeline: Pipeline; model: UpliftForest }
}

/** Name of the 0/1 feature the S-learner adds; chosen so it cannot clash with a file's column by accident. */
export const TREATMENT_FEATURE = '(treatment)'

/**
 * Fits one meta-learner on training rows: `y` the 0/1 outcome, `treatment` 1 = treated, 0 = control.
 * Deterministic given the seed. Cost: one or two base-classifier fits.
 */
export function fitUplift(
  frame: Frame,
  y: ArrayLike<number>,
  treatment: ArrayLike<number>,
  schema: ColumnSchema[],
  spec: UpliftSpec,
  options: UpliftFitOptions = {},
): UpliftModel {
  const seed = options.seed ?? 0
  if ((spec.learner === 'uplift-forest') !== (spec.base === 'tree')) throw new Error(`no uplift learner ${spec.learner}/${spec.base}`)
  if (spec.learner === 'uplift-forest') {
    const { pipeline, matrix } = fitPipeline(frame, undefined, { seed, ...options.classifier?.pipeline, splineKnots: 0, standardize: false })
    const model = fitUpliftForest(matrix, y, treatment, { seed, ...options.forest })
    return { format: 'rapport-uplift', version: 1, learner: spec.learner, base: spec.base, schema, members: [], forest: { pipeline, model } }
  }
  const base: ClassifierOptions = { seed, ...options.classifier, model: spec.base as 'logistic' | 'gbdt' }
  const fit = (f: Frame, labels: ArrayLike<number>, target: string): TrainedClassifier =>
    fitClassifier(f, labels, { schema, target: { column: target, positive: '1' } }, base)
  const rows = (arm: number): number[] => {
    const out: number[] = []
    for (let i = 0; i < frame.nRows; i++) if (treatment[i] === arm) out.push(i)
    return out
  }
  let members: TrainedClassifier[]
  if (spec.learner === 't-learner' || spec.learner === 'x-learner') {
    members = [1, 0].map((arm) => {
      const r = rows(arm)
      return fit(selectRows(frame, r), r.map((i) => y[i] as number), arm === 1 ? 'y | treated' : 'y | control')
    })
  } else if (spec.learner === 's-learner') {
    members = [fit(withTreatment(frame, treatment), y, 'y')]
  } else {
    const keep = balancedArms(rows(1), rows(0), seed)
    const z = keep.map((i) => ((y[i] as number) === (treatment[i] as number) ? 1 : 0))
    members = [fit(selectRows(frame, keep), z, 'z')]
  }
  const model: UpliftModel = { format: 'rapport-uplift', version: 1, learner: spec.learner, base: spec.base, schema, members }
  const [treatedModel, controlModel] = members
  if (spec.learner === 'x-learner' && treatedModel && controlModel) {
    model.xStage = fitXStage(frame, y, treatment, { treated: treatedModel, control: controlModel }, spec.base as 'logistic' | 'gbdt', { seed, gbdt: options.classifier?.gbdt })
  }
  return model
}

/** Predicted uplift (a difference of probabilities, in [−1, 1]) of every row of a frame. */
export function predictUplift(model: UpliftModel, frame: Frame): Float64Array {
  if (model.learner === 'uplift-forest') {
    if (!model.forest) throw new Error('uplift forest model has no trees')
    return upliftForestPredict(model.forest.model, transform(model.forest.pipeline, frame))
  }
  const [first, second] = model.members
  if (!first) throw new Error('uplift model has no fitted classifier')
  if (model.learner === 'x-learner') {
    if (!model.xStage) throw new Error('X-learner model has no effect regressions')
    return predictXStage(model.xStage, frame)
  }
  if (model.learner === 't-learner') {
    if (!second) throw new Error('T-learner model needs two classifiers')
    return difference(classifierProba(first, frame), classifierProba(second, frame))
  }
  if (model.learner === 's-learner') {
    const ones = classifierProba(first, withTreatment(frame, new Float64Array(frame.nRows).fill(1)))
    return difference(ones, classifierProba(first, withTreatment(frame, new Float64Array(frame.nRows))))
  }
  const p = classifierProba(first, frame)
  for (let i = 0; i < p.length; i++) p[i] = 2 * (p[i] as number) - 1
  return p
}

function difference(a: Float64Array, b: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) - (b[i] as number)
  return a
}

function withTreatment(frame: Frame, treatment: ArrayLike<number>): Frame {
  if (frame.columns.some((c) => c.name === TREATMENT_FEATURE)) throw new Error(`a feature is already called ${TREATMENT_FEATURE}`)
  return { nRows: frame.nRows, columns: [...frame.columns, { name: TREATMENT_FEATURE, kind: 'boolean', values: Float64Array.from(treatment) }] }
}

/** All rows of the smaller arm plus a seeded random sample of the larger one of the same size, in row order. */
function balancedArms(treated: number[], control: number[], seed: number): number[] {
  const [small, large] = treated.length <= control.length ? [treated, control] : [control, treated]
  const rng = createRng(seed + 7919)
  const pool = large.slice()
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = pool[i] as number
    pool[i] = pool[j] as number
    pool[j] = t
  }
  return [...small, ...pool.slice(0, small.length)].sort((a, b) => a - b)
}
