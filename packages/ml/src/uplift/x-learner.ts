import { selectRows, type Frame } from '../data/frame.ts'
import { fitPipeline, transform, type Pipeline } from '../data/pipeline.ts'
import { classifierProba, type TrainedClassifier } from '../predict/classifier.ts'
import { fitGbdt, gbdtPredict, type GbdtModel, type GbdtOptions } from '../predict/gbdt.ts'
import { fitRidge, ridgePredict, type RidgeModel } from '../predict/ridge.ts'

/**
 * The second stage of the X-learner (Künzel, Sekhon, Bickel & Yu 2019). Given the T-learner's arm models
 * m₁, m₀, each arm's rows get an imputed effect — treated: D = y − m₀(x), control: D = m₁(x) − y — and a
 * regressor τ_arm is fitted to it on that arm; uplift = g·τ₀(x) + (1 − g)·τ₁(x) with g the treated share
 * (the propensity, constant in a randomised experiment). Regressors: ridge on the spline pipeline when the
 * base is logistic, squared-loss GBDT when it is GBDT.
 */
export interface EffectRegressor {
  pipeline: Pipeline
  model: RidgeModel | GbdtModel
}

export interface XLearnerStage {
  treated: EffectRegressor
  control: EffectRegressor
  /** Share of training rows that were treated. */
  propensity: number
}

export function fitXStage(
  frame: Frame,
  y: ArrayLike<number>,
  treatment: ArrayLike<number>,
  arms: { treated: TrainedClassifier; control: TrainedClassifier },
  base: 'logistic' | 'gbdt',
  options: { seed: number; gbdt?: GbdtOptions | undefined },
): XLearnerStage {
  const fitArm = (arm: 1 | 0): EffectRegressor => {
    const rows: number[] = []
    for (let i = 0; i < frame.nRows; i++) if (treatment[i] === arm) rows.push(i)
    const part = selectRows(frame, rows)
    const other = classifierProba(arm === 1 ? arms.control : arms.treated, part)
    const effect = Float64Array.from(rows, (i, t) => (arm === 1 ? (y[i] as number) - (other[t] as number) : (other[t] as number) - (y[i] as number)))
    const { pipeline, matrix } = fitPipeline(part, undefined, { seed: options.seed, splineKnots: base === 'logistic' ? 4 : 0 })
    const model = base === 'logistic' ? fitRidge(matrix, effect) : fitGbdt(matrix, effect, { seed: options.seed, ...options.gbdt, loss: 'squared' })
    return { pipeline, model }
  }
  let treated = 0
  for (let i = 0; i < frame.nRows; i++) treated += treatment[i] as number
  return { treated: fitArm(1), control: fitArm(0), propensity: treated / frame.nRows }
}

export function predictXStage(stage: XLearnerStage, frame: Frame): Float64Array {
  const predict = (r: EffectRegressor): Float64Array => {
    const X = transform(r.pipeline, frame)
    return r.model.type === 'ridge' ? ridgePredict(r.model, X) : gbdtPredict(r.model, X)
  }
  const t1 = predict(stage.treated)
  const t0 = predict(stage.control)
  const g = stage.propensity
  for (let i = 0; i < t1.length; i++) t1[i] = g * (t0[i] as number) + (1 - g) * (t1[i] as number)
  return t1
}
