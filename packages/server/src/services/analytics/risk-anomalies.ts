import { fitIsolationForest, fitPipeline, isolationScores, type Frame } from '@rapport/ml'

export interface AnomalyOptions {
  /** Share of rows to flag, in (0, 1). */
  contamination: number
  trees: number
  seed: number
}

/** Isolation-forest scores in [0, 1] for every row and a flag on the top `contamination` share. */
export function anomalyScores(frame: Frame, o: AnomalyOptions) {
  // Isolation forests are scale-free per feature, so no standardisation; one-hot for categories.
  const { matrix } = fitPipeline(frame, undefined, { standardize: false })
  const forest = fitIsolationForest(matrix, { nTrees: o.trees, seed: o.seed })
  const scores = isolationScores(forest, matrix)
  const sorted = Float64Array.from(scores).sort()
  const flagCount = Math.max(1, Math.round(o.contamination * scores.length))
  const threshold = sorted[scores.length - flagCount] as number
  const order = Array.from(scores.keys()).sort((a, b) => (scores[b] as number) - (scores[a] as number))
  const flagged = new Uint8Array(scores.length)
  for (const i of order.slice(0, flagCount)) flagged[i] = 1
  return { scores, flagged, flagCount, threshold, order, features: frame.columns.map((c) => c.name) }
}
