import { createExplainer, probaOfMatrix, transform, type Frame, type TrainedClassifier } from '@rapport/ml'

export interface RowContribution {
  input: string
  value: string
  logOdds: number
  probability: number
}

/** Probabilities of a saved classifier for every row of a frame, with the top `explainTop` contributions per row when asked. */
export function scoreClassifier(model: TrainedClassifier, frame: Frame, explainTop?: number): { probabilities: Float64Array; explanations?: RowContribution[][] } {
  const X = transform(model.pipeline, frame)
  const probabilities = probaOfMatrix(model, X)
  if (explainTop === undefined) return { probabilities }
  const explain = createExplainer(model, frame)
  const explanations = Array.from({ length: frame.nRows }, (_, i) => {
    const e = explain(X, i, explainTop)
    return e.contributions.map((c) => ({ input: c.input, value: c.value, logOdds: c.logOdds, probability: c.probability }))
  })
  return { probabilities, explanations }
}
