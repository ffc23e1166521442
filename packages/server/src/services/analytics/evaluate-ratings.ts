import { crossValidateRatings, evaluateRatings, kFold, type FoldResult, type Interactions, type Recommender } from '@rapport/ml'
import { UsageError } from '../../errors/rapport-error.ts'

export type RatingFitter = (data: Interactions, seed: number) => Recommender

/** Either k-fold CV on one set (one shuffled split for every algorithm) or a fixed train/test pair. */
export type RatingProtocol = { kind: 'cv'; data: Interactions; folds: number; source: string } | { kind: 'fixed'; train: Interactions; test: Interactions }

/** Rating prediction accuracy (RMSE, MAE) and fit/predict seconds per fold, and their means. */
export function evaluateRatingModel(fit: RatingFitter, protocol: RatingProtocol, seed: number, onFold?: (r: FoldResult) => void) {
  const clock = () => performance.now()
  let folds: FoldResult[]
  let ratings: number
  if (protocol.kind === 'fixed') {
    const t0 = clock()
    const model = fit(protocol.train, seed)
    const t1 = clock()
    const r = evaluateRatings(model, protocol.test)
    folds = [{ fold: 0, rmse: r.rmse, mae: r.mae, fitSeconds: (t1 - t0) / 1000, predictSeconds: (clock() - t1) / 1000 }]
    ratings = protocol.train.users.length + protocol.test.users.length
  } else {
    const data = protocol.data
    if (data.users.length < protocol.folds) throw new UsageError(`${protocol.source}: ${data.users.length} ratings cannot fill ${protocol.folds} folds`)
    folds = crossValidateRatings(data, kFold(data.users.length, protocol.folds, seed), (d) => fit(d, seed), clock, onFold)
    ratings = data.users.length
  }
  const mean = (key: 'rmse' | 'mae' | 'fitSeconds' | 'predictSeconds') => folds.reduce((s, f) => s + f[key], 0) / folds.length
  return { ratings, rmse: mean('rmse'), mae: mean('mae'), fitSeconds: mean('fitSeconds'), predictSeconds: mean('predictSeconds'), folds }
}
