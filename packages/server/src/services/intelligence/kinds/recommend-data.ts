import type { RecommendInteractions } from '../../../features/store/recommend-interactions.ts'
import { buildHistory, type History } from './recommend-history.ts'

/**
 * The stored interactions in the shapes the recommender needs, over catalogue positions and customer rows:
 * `train` (before the split), `all` (before T) and the test purchases (from the split: products bought then
 * that the customer had not bought before).
 */
export interface RecommendData {
  productIds: number[]
  customerIds: number[]
  train: History
  all: History
  /** Per customer row, the catalogue positions bought in the test period and not before; undefined if none. */
  test: Array<Set<number> | undefined>
}

export function recommendData(d: RecommendInteractions, productIds: readonly number[]): RecommendData {
  const pos = new Map<number, number>()
  productIds.forEach((id, i) => pos.set(id, i))
  const row = new Map<number, number>()
  d.customerIds.forEach((id, r) => row.set(id, r))
  const n = d.pairCustomer.length
  const user = new Int32Array(n)
  const item = new Int32Array(n)
  const wTrain = new Float64Array(n)
  const wAll = new Float64Array(n)
  const bTrain = new Uint8Array(n)
  const bAll = new Uint8Array(n)
  const test: Array<Set<number> | undefined> = []
  for (let k = 0; k < n; k++) {
    const u = row.get(d.pairCustomer[k] as number)
    const i = pos.get(d.pairProduct[k] as number)
    if (u === undefined || i === undefined) continue
    user[k] = u
    item[k] = i
    const eb = d.earlyBuys[k] as number
    const lb = d.lateBuys[k] as number
    wTrain[k] = eb + (d.earlyEvents[k] as number)
    wAll[k] = eb + lb + (d.earlyEvents[k] as number) + (d.lateEvents[k] as number)
    bTrain[k] = eb > 0 ? 1 : 0
    bAll[k] = eb + lb > 0 ? 1 : 0
    if (lb > 0 && eb === 0) (test[u] ??= new Set()).add(i)
  }
  const nu = d.customerIds.length
  return {
    productIds: [...productIds],
    customerIds: Array.from(d.customerIds),
    train: buildHistory(nu, productIds.length, user, item, wTrain, bTrain),
    all: buildHistory(nu, productIds.length, user, item, wAll, bAll),
    test,
  }
}
