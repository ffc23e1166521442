import type { Csr } from '../sparse/csr.ts'
import type { LinearModel } from './linear-model.ts'
import { trainLinearSvm } from './linear-svm.ts'
import { trainLogistic } from './logistic.ts'
import { trainComplementNb, trainMultinomialNb } from './naive-bayes.ts'
import { trainNbSvm } from './nbsvm.ts'

/** The classifier families of the text models. */
export type TextModelKind = 'nbsvm' | 'logistic' | 'svm' | 'nb' | 'cnb'
export const TEXT_MODEL_KINDS: readonly TextModelKind[] = ['nbsvm', 'logistic', 'svm', 'nb', 'cnb']

export interface TrainLinearOptions {
  /** Regularisation (C) for svm / nbsvm / logistic; defaults per family: 1, 1, 10. */
  C?: number
  /**
   * Smoothing α. MNB/CNB default 0.1: TF-IDF rows have unit norm, so a document adds a mass of order 1 rather
   * than its length, and the textbook α = 1 (meant for counts) would drown the data (measured: ChnSentiCorp
   * MNB 0.77 with α = 1 vs 0.89 with 0.1). NB-SVM's ratio counts binarised features, so it keeps α = 1.
   */
  alpha?: number
  seed?: number
  /** 'balanced' scales each class's cost by n / (K · n_class) (svm and logistic only). Default: none. */
  classWeight?: 'balanced'
}

/** Families whose scores are margins rather than log-probabilities and so need a fitted temperature. */
export function needsTemperature(kind: TextModelKind): boolean {
  return kind === 'svm' || kind === 'nbsvm' || kind === 'cnb'
}

/** Trains one classifier family on a feature matrix. labels[i] in 0..K-1. */
export function trainLinear(kind: TextModelKind, X: Csr, labels: Int32Array, nClasses: number, opts: TrainLinearOptions = {}): LinearModel {
  if (opts.classWeight !== undefined && kind !== 'svm' && kind !== 'logistic') throw new Error(`trainLinear: class weighting is not supported by ${kind}`)
  const cw = opts.classWeight !== undefined ? { classWeight: opts.classWeight } : {}
  switch (kind) {
    case 'svm':
      return trainLinearSvm(X, labels, nClasses, { C: opts.C ?? 1, seed: opts.seed ?? 0, ...cw })
    case 'nbsvm':
      return trainNbSvm(X, labels, nClasses, { C: opts.C ?? 1, seed: opts.seed ?? 0, alpha: opts.alpha ?? 1 })
    case 'logistic':
      return trainLogistic(X, labels, nClasses, { C: opts.C ?? 10, ...cw })
    case 'nb':
      return trainMultinomialNb(X, labels, nClasses, { alpha: opts.alpha ?? 0.1 })
    case 'cnb':
      return trainComplementNb(X, labels, nClasses, { alpha: opts.alpha ?? 0.1 })
  }
}
