import { selectRows, type Frame } from '../data/frame.ts'
import type { ColumnSchema } from '../data/infer-schema.ts'
import { fitUplift, predictUplift, UPLIFT_BASES, UPLIFT_FOREST, UPLIFT_LEARNERS, type UpliftFitOptions, type UpliftModel, type UpliftSpec } from './meta-learners.ts'
import { qiniAucScore } from './qini.ts'
import { upliftAtK } from './uplift-at-k.ts'
import { foldRows, upliftKFold } from './uplift-folds.ts'

/** Every meta-learner × base model, then the uplift forest. */
export const ALL_UPLIFT_SPECS: readonly UpliftSpec[] = [...UPLIFT_LEARNERS.flatMap((learner) => UPLIFT_BASES.map((base) => ({ learner, base }))), UPLIFT_FOREST]

export const specName = (s: UpliftSpec): string => `${s.learner}/${s.base}`

/** One learner, or the equal-weight average of several learners' predicted uplift (an ensemble). */
export type UpliftChoice = UpliftSpec | readonly UpliftSpec[]

export const choiceName = (c: UpliftChoice): string => (isEnsemble(c) ? c.map(specName).join(' + ') : specName(c))

const isEnsemble = (c: UpliftChoice): c is readonly UpliftSpec[] => Array.isArray(c)

export interface UpliftData {
  frame: Frame
  y: ArrayLike<number>
  treatment: ArrayLike<number>
  schema: ColumnSchema[]
}

export interface UpliftCvOptions extends UpliftFitOptions {
  folds?: number
  /** A fixed choice, or 'auto': chosen per outer fold by inner CV on that fold's training rows only. */
  learner?: UpliftChoice | 'auto'
  /** The single learners 'auto' chooses among. Default ALL_UPLIFT_SPECS. */
  candidates?: readonly UpliftSpec[]
  /** 'auto' also weighs the average of every pair of candidates (scored from the same inner fits). Default true. */
  pairs?: boolean
  /**
   * The choice 'auto' keeps unless another beats its mean inner Qini AUC by more than `margin` × |its Qini|.
   * Default DEFAULT_INCUMBENT when it is a candidate; null (or not a candidate): the plain best inner Qini.
   */
  incumbent?: UpliftChoice | null
  /** Default 1/3. */
  margin?: number
  innerFolds?: number
  /** Seconds, injected so this module stays free of timers. */
  clock?: () => number
  onFold?: (fold: number, folds: number) => void
}

export interface UpliftFold {
  fold: number
  test: Int32Array
  /** The learner(s) used on this fold (the inner-CV winner under 'auto'). */
  choice: UpliftChoice
  /** Out-of-fold uplift of the test rows, in `test` order. */
  uplift: Float64Array
  qiniAuc: number
  upliftAt30: number
  /** uplift@30 % with scikit-uplift's other strategy, 'by_group', for comparison. */
  upliftAt30ByGroup: number
  fitSeconds: number
  /** Mean inner-CV Qini AUC of each candidate (only under 'auto'). */
  inner?: Array<{ choice: UpliftChoice; qiniAuc: number }>
}

/** Qini AUC and uplift@30 % of scores against the rows' outcomes and arms. */
export function upliftScores(y: ArrayLike<number>, treatment: ArrayLike<number>, uplift: ArrayLike<number>) {
  return {
    qiniAuc: qiniAucScore(y, uplift, treatment),
    upliftAt30: upliftAtK(y, uplift, treatment, { k: 0.3, strategy: 'overall' }),
    upliftAt30ByGroup: upliftAtK(y, uplift, treatment, { k: 0.3, strategy: 'by_group' }),
  }
}

/** Fits every learner of a choice on the rows given. */
export function fitChoice(data: UpliftData, choice: UpliftChoice, options: UpliftFitOptions = {}): UpliftModel[] {
  return (isEnsemble(choice) ? choice : [choice]).map((spec) => fitUplift(data.frame, data.y, data.treatment, data.schema, spec, options))
}

/** Mean predicted uplift of the fitted models of a choice. */
export function predictChoice(models: readonly UpliftModel[], frame: Frame): Float64Array {
  return averageOf(models.map((m) => predictUplift(m, frame)))
}

/**
 * K-fold cross-validation of an uplift learner, stratified by treatment × outcome: each fold's model is
 * fitted on the other folds only and scores the held-out fold. Deterministic given the seed.
 */
export function crossValidateUplift(data: UpliftData, options: UpliftCvOptions = {}): { folds: UpliftFold[]; oof: Float64Array } {
  const k = options.folds ?? 5
  const seed = options.seed ?? 0
  const clock = options.clock ?? (() => 0)
  const assignment = upliftKFold(data.y, data.treatment, k, seed)
  const oof = new Float64Array(data.frame.nRows)
  const folds: UpliftFold[] = []
  for (let f = 0; f < k; f++) {
    const { train, test } = foldRows(assignment, f)
    const t0 = clock()
    const trainData = subset(data, train)
    const picked = options.learner === undefined || options.learner === 'auto' ? selectUpliftLearner(trainData, options) : { choice: options.learner }
    const models = fitChoice(trainData, picked.choice, options)
    const fitSeconds = clock() - t0
    const uplift = predictChoice(models, selectRows(data.frame, test))
    test.forEach((i, t) => (oof[i] = uplift[t] as number))
    const testData = subset(data, test)
    folds.push({ fold: f, test, choice: picked.choice, uplift, ...upliftScores(testData.y, testData.treatment, uplift), fitSeconds, ...('inner' in picked ? { inner: picked.inner } : {}) })
    options.onFold?.(f, k)
  }
  return { folds, oof }
}

/**
 * The learner 'auto' keeps unless the inner CV shows a clearly better one: the best single learner on the
 * development splits of Hillstrom (bench/results/uplift.md), seeds 1 and 2, never the reported seed 0.
 */
export const DEFAULT_INCUMBENT: UpliftSpec = { learner: 'x-learner', base: 'gbdt' }

/**
 * Scores each candidate alone and, unless `pairs` is false, the average of each pair by mean Qini AUC over an
 * inner stratified k-fold of the rows given (which must be training rows only), all from the same inner
 * predictions. Picks the best (ties: the earlier choice), except that an incumbent (see UpliftCvOptions) is
 * kept unless the best beats it by the margin. Why: on ~10,000 inner test rows a Qini AUC's noise is larger
 * than the true gaps between reasonable learners, so the plain maximum over dozens of choices mostly picks
 * a lucky one (the winner's curse); on Hillstrom's development splits it scored below every fold's
 * incumbent (uplift.md). Cost: candidates × inner folds fits.
 */
export function selectUpliftLearner(data: UpliftData, options: UpliftCvOptions = {}): { choice: UpliftChoice; inner: Array<{ choice: UpliftChoice; qiniAuc: number }> } {
  const candidates = options.candidates ?? ALL_UPLIFT_SPECS
  const choices: Array<{ members: number[]; choice: UpliftChoice }> = candidates.map((spec, c) => ({ members: [c], choice: spec }))
  if (options.pairs ?? true) {
    for (let a = 0; a < candidates.length; a++) {
      for (let b = a + 1; b < candidates.length; b++) choices.push({ members: [a, b], choice: [candidates[a] as UpliftSpec, candidates[b] as UpliftSpec] })
    }
  }
  const k = options.innerFolds ?? 3
  const seed = (options.seed ?? 0) + 1
  const assignment = upliftKFold(data.y, data.treatment, k, seed)
  const totals = new Float64Array(choices.length)
  for (let f = 0; f < k; f++) {
    const { train, test } = foldRows(assignment, f)
    const tr = subset(data, train)
    const te = subset(data, test)
    const predictions = candidates.map((spec) => predictUplift(fitUplift(tr.frame, tr.y, tr.treatment, data.schema, spec, { ...options, seed }), te.frame))
    choices.forEach((c, i) => {
      const uplift = averageOf(c.members.map((m) => predictions[m] as Float64Array))
      totals[i] = (totals[i] as number) + qiniAucScore(te.y, uplift, te.treatment) / k
    })
  }
  let best = 0
  for (let c = 1; c < choices.length; c++) if ((totals[c] as number) > (totals[best] as number)) best = c
  const incumbent = options.incumbent === undefined ? DEFAULT_INCUMBENT : options.incumbent
  const kept = incumbent === null ? -1 : choices.findIndex((c) => choiceName(c.choice) === choiceName(incumbent))
  if (kept >= 0) {
    const bar = (totals[kept] as number) + (options.margin ?? 1 / 3) * Math.abs(totals[kept] as number)
    if (!((totals[best] as number) > bar)) best = kept
  }
  return { choice: (choices[best] as (typeof choices)[number]).choice, inner: choices.map((c, i) => ({ choice: c.choice, qiniAuc: totals[i] as number })) }
}

function averageOf(parts: readonly Float64Array[]): Float64Array {
  const first = parts[0]
  if (!first) throw new Error('nothing to average')
  const out = new Float64Array(first.length)
  for (const p of parts) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (p[i] as number) / parts.length
  return out
}

function subset(data: UpliftData, rows: Int32Array): UpliftData {
  return {
    frame: selectRows(data.frame, rows),
    y: Float64Array.from(rows, (i) => data.y[i] as number),
    treatment: Float64Array.from(rows, (i) => data.treatment[i] as number),
    schema: data.schema,
  }
}
