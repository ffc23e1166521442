import { fitClassifier, permutationImportance, probaOfMatrix, rocAuc, transform, type ClassifierOptions, type TrainedClassifier } from '@rapport/ml'
import type { Labelled } from '../../features/labelled-table.ts'

/**
 * Fits a classifier on every row and measures permutation importance on those training rows: it says what
 * the fitted model relies on, not how well it generalises (evaluateClassifier does that).
 */
export function trainClassifier(data: Labelled, options: ClassifierOptions): { model: TrainedClassifier; result: TrainClassifierResult } {
  const t0 = performance.now()
  const model = fitClassifier(data.frame, data.y, { schema: data.schema, target: { column: data.target, positive: data.positive } }, options)
  const fitSeconds = (performance.now() - t0) / 1000
  const X = transform(model.pipeline, data.frame)
  const importance = permutationImportance((Z) => probaOfMatrix(model, Z), X, data.y, rocAuc, model.pipeline.featureInput, { repeats: 3, seed: options.seed ?? 0 })
    .map((r) => ({ input: model.pipeline.inputs[r.group]?.name ?? String(r.group), aucDrop: r.drop, std: r.std }))
    .sort((a, b) => b.aucDrop - a.aucDrop)
  const result = {
    model: options.model,
    rows: data.frame.nRows,
    positives: data.y.reduce((a, b) => a + b, 0),
    target: data.target,
    positive: data.positive,
    features: model.pipeline.features.length,
    trainingAuc: rocAuc(data.y, probaOfMatrix(model, X)),
    fitSeconds,
    importance,
    importanceOn: 'training rows' as const,
  }
  return { model, result }
}

export interface TrainClassifierResult {
  model: ClassifierOptions['model']
  rows: number
  positives: number
  target: string
  positive: string
  features: number
  trainingAuc: number
  fitSeconds: number
  importance: Array<{ input: string; aucDrop: number; std: number }>
  importanceOn: 'training rows'
}
