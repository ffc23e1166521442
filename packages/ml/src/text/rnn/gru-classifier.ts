/**
 * The names of the first recurrent classifier (a GRU only), kept for callers: the GRU is now one cell of
 * recurrent-classifier.ts, which also offers the LSTM and the bidirectional layer.
 */
import { fitRecurrentClassifier, predictRecurrent, type RecurrentClassifier, type RecurrentClassifierOptions } from './recurrent-classifier.ts'

export * from './recurrent-classifier.ts'

export type GruClassifierOptions = Omit<RecurrentClassifierOptions, 'cell'>
export type GruClassifier = RecurrentClassifier

/** fitRecurrentClassifier with the GRU cell. */
export function fitGruClassifier(tokens: readonly (readonly string[])[], labels: Int32Array, nClasses: number, opts: GruClassifierOptions = {}): GruClassifier {
  return fitRecurrentClassifier(tokens, labels, nClasses, { ...opts, cell: 'gru' })
}

export const predictGru = predictRecurrent
