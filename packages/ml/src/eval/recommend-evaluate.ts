import type { Interactions, Recommender } from '../recommend/types.ts'
import { userItemMatrix } from '../recommend/interactions.ts'
import { recommendTopN } from '../recommend/recommend-top-n.ts'
import { catalogueCoverage, rankingMetrics, type RankingMetrics } from './ranking-metrics.ts'
import { mae, rmse } from './rating-metrics.ts'

/** RMSE and MAE of a rating model on test interactions. O(test · predict). */
export function evaluateRatings(model: Recommender, test: Interactions): { rmse: number; mae: number; predictions: Float64Array } {
  const predictions = new Float64Array(test.users.length)
  for (let k = 0; k < predictions.length; k++) predictions[k] = model.predict(test.users[k]!, test.items[k]!)
  return { rmse: rmse(predictions, test.values), mae: mae(predictions, test.values), predictions }
}

export interface TopNResult extends RankingMetrics {
  coverage: number
}

/**
 * Top-k evaluation (Microsoft Recommenders' protocol): for every user with test items, rank all items by the
 * model, drop those the user has in training, keep k, and score against the user's test items; coverage is
 * distinct recommended items / distinct training items. O(users · nItems · score cost).
 */
export function evaluateTopN(model: Recommender, train: Interactions, test: Interactions, k = 10): TopNResult {
  const seen = userItemMatrix(train)
  const relevant: Array<Set<number> | undefined> = []
  for (let t = 0; t < test.users.length; t++) {
    const u = test.users[t]!
    let set = relevant[u]
    if (!set) relevant[u] = set = new Set()
    set.add(test.items[t]!)
  }
  // Only users present in training get recommendations (the ones in both frames, as Recommenders does).
  const trainUsers = new Uint8Array(train.nUsers)
  for (let t = 0; t < train.users.length; t++) trainUsers[train.users[t]!] = 1
  const trainItems = new Set<number>()
  for (let t = 0; t < train.items.length; t++) trainItems.add(train.items[t]!)
  const recommended: Array<Int32Array | undefined> = []
  const scratch = new Float64Array(model.nItems)
  for (let u = 0; u < relevant.length; u++) {
    if (!relevant[u] || u >= trainUsers.length || !trainUsers[u]) continue
    recommended[u] = recommendTopN(model, u, k, seen, scratch)
  }
  return { ...rankingMetrics(recommended, relevant, k), coverage: catalogueCoverage(recommended, trainItems.size) }
}

export interface FoldResult {
  fold: number
  rmse: number
  mae: number
  fitSeconds: number
  predictSeconds: number
}

/**
 * k-fold cross-validation of a rating algorithm over a precomputed fold assignment (so every algorithm sees the
 * same split, as in Surprise). `clock` returns milliseconds (pass `performance.now`); @rapport/ml itself never
 * reads a clock. O(folds · fit cost).
 */
export function crossValidateRatings(
  data: Interactions,
  folds: Int32Array,
  fit: (train: Interactions) => Recommender,
  clock: () => number = () => 0,
  onFold?: (r: FoldResult) => void,
): FoldResult[] {
  const k = folds.reduce((m, f) => Math.max(m, f), -1) + 1
  const out: FoldResult[] = []
  for (let fold = 0; fold < k; fold++) {
    const train = subset(data, folds, fold, false)
    const test = subset(data, folds, fold, true)
    const t0 = clock()
    const model = fit(train)
    const t1 = clock()
    const r = evaluateRatings(model, test)
    const t2 = clock()
    const res = { fold, rmse: r.rmse, mae: r.mae, fitSeconds: (t1 - t0) / 1000, predictSeconds: (t2 - t1) / 1000 }
    out.push(res)
    onFold?.(res)
  }
  return out
}

function subset(data: Interactions, folds: Int32Array, fold: number, inFold: boolean): Interactions {
  let n = 0
  for (let t = 0; t < folds.length; t++) if ((folds[t] === fold) === inFold) n++
  const users = new Int32Array(n)
  const items = new Int32Array(n)
  const values = new Float64Array(n)
  let p = 0
  for (let t = 0; t < folds.length; t++) {
    if ((folds[t] === fold) !== inFold) continue
    users[p] = data.users[t]!
    items[p] = data.items[t]!
    values[p++] = data.values[t]!
  }
  return { nUsers: data.nUsers, nItems: data.nItems, users, items, values }
}
