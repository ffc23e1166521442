import { evaluateTopN, stratifiedSplit, subsetInteractions, type Interactions } from '@rapport/ml'
import type { RatingFitter } from './evaluate-ratings.ts'

/** A seeded split within each user (or item) of one set, or a fixed train/test pair. */
export type TopNProtocol =
  | { kind: 'split'; data: Interactions; stratify: 'user' | 'item'; ratio: number }
  | { kind: 'fixed'; train: Interactions; test: Interactions }

/** Splits interactions into training and test parts under a protocol (Microsoft Recommenders' stratified split). */
export function topNSplit(protocol: TopNProtocol, seed: number): { train: Interactions; test: Interactions } {
  if (protocol.kind === 'fixed') return { train: protocol.train, test: protocol.test }
  const d = protocol.data
  const mask = stratifiedSplit(protocol.stratify === 'item' ? d.items : d.users, protocol.ratio, seed)
  return { train: subsetInteractions(d, mask, true), test: subsetInteractions(d, mask, false) }
}

/** Top-k ranking quality (nDCG, precision, recall, MAP at k; coverage) of one algorithm, with fit and evaluation seconds. */
export function evaluateTopNModel(fit: RatingFitter, train: Interactions, test: Interactions, k: number, seed: number) {
  const t0 = performance.now()
  const model = fit(train, seed)
  const t1 = performance.now()
  const m = evaluateTopN(model, train, test, k)
  const t2 = performance.now()
  return { ...m, trainInteractions: train.users.length, testInteractions: test.users.length, fitSeconds: (t1 - t0) / 1000, evalSeconds: (t2 - t1) / 1000 }
}
