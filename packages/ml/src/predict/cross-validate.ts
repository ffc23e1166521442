import type { Frame } from '../data/frame.ts'
import { selectRows } from '../data/frame.ts'
import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import { classifierProba, fitClassifier, type ClassifierOptions, type TrainedClassifier } from './classifier.ts'

export interface ClassifierFold {
  fold: number
  train: Int32Array
  test: Int32Array
  model: TrainedClassifier
  /** Probabilities of the test rows, in `test` order. */
  probs: Float64Array
  fitSeconds: number
}

/**
 * Stratified k-fold cross-validation of a classifier: for each fold the pipeline and model are fitted on the
 * other folds only, then score the held-out fold. Returns per-fold results and out-of-fold probabilities.
 * `clock` (seconds) is injected so this module stays free of timers.
 */
export function crossValidateClassifier(
  frame: Frame,
  y: Float64Array,
  meta: Parameters<typeof fitClassifier>[2],
  options: ClassifierOptions & { folds?: number },
  clock: () => number = () => 0,
  onFold?: (fold: number, k: number) => void,
): { folds: ClassifierFold[]; oof: Float64Array; assignment: Int32Array } {
  const k = options.folds ?? 5
  const assignment = stratifiedKFold(Array.from(y), k, options.seed ?? 0)
  const oof = new Float64Array(frame.nRows)
  const folds: ClassifierFold[] = []
  for (let f = 0; f < k; f++) {
    const train: number[] = []
    const test: number[] = []
    for (let i = 0; i < frame.nRows; i++) (assignment[i] === f ? test : train).push(i)
    const t0 = clock()
    const model = fitClassifier(selectRows(frame, train), train.map((i) => y[i] as number), meta, options)
    const fitSeconds = clock() - t0
    const probs = classifierProba(model, selectRows(frame, test))
    test.forEach((i, t) => (oof[i] = probs[t] as number))
    folds.push({ fold: f, train: Int32Array.from(train), test: Int32Array.from(test), model, probs, fitSeconds })
    onFold?.(f, k)
  }
  return { folds, oof, assignment }
}
