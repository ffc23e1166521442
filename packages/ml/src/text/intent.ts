import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import { tuneAbstainThreshold } from './abstain.ts'
import { createAnalyzer, defaultAnalyzerConfig } from './analyzer.ts'
import { featureMatrix } from './feature-space.ts'
import { linearScoresCsr, softmaxInPlace } from './linear-model.ts'
import { fitTemperature } from './temperature.ts'
import {
  defaultTextModel,
  encodeLabels,
  fitOnAnalyzed,
  predictText,
  type TextClassifier,
  type TextClassifierOptions,
} from './text-classifier.ts'
import { needsTemperature } from './train-linear.ts'

export interface IntentOptions extends TextClassifierOptions {
  /** Share held out to fit the temperature and the abstain threshold. Default 0.2. */
  validation?: number
  /** Cost of a wrong routing relative to a right one, for the threshold (abstain.ts). Default 1. */
  wrongCost?: number
}

export interface IntentModel {
  classifier: TextClassifier
  /** Accept the top intent when its probability is at least this; otherwise hand off. */
  threshold: number
  /** On the validation split: share answered, accuracy of the answered, accuracy without abstaining. */
  validation: { coverage: number; answeredAccuracy: number; accuracy: number; size: number }
}

export interface IntentResult {
  /** The routed intent, or null when the model abstains (hand off to a person). */
  intent: string | null
  label: string
  confidence: number
  abstain: boolean
  top: Array<{ label: string; probability: number }>
}

/**
 * Multi-class intent model with a hand-off threshold: fits the classifier on a stratified training share,
 * fits the probability temperature and tunes the abstain threshold on the held-out share, then refits on
 * all rows keeping both. Cost: about (2 − validation) classifier fits.
 */
export function fitIntentModel(texts: readonly string[], labels: readonly string[], opts: IntentOptions = {}): IntentModel {
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig(opts.lang ?? 'auto'), ...opts.analyzer }, opts.segmenter)
  const { names, y } = encodeLabels(labels)
  if (names.length < 2) throw new Error('fitIntentModel: need at least two distinct intents')
  const K = names.length
  const kind = opts.model ?? defaultTextModel(K)
  const docs = texts.map((t) => analyzer.analyze(t))
  const share = opts.validation ?? 0.2
  const folds = stratifiedKFold(y, Math.max(2, Math.round(1 / share)), opts.seed ?? 0)
  const tr: number[] = []
  const va: number[] = []
  for (let i = 0; i < y.length; i++) (folds[i] === 0 ? va : tr).push(i)
  const part = fitOnAnalyzed(tr.map((i) => docs[i]!), Int32Array.from(tr, (i) => y[i]!), K, kind, opts)
  const scores = linearScoresCsr(part.model, featureMatrix(part.space, va.map((i) => docs[i]!)))
  const yVa = Int32Array.from(va, (i) => y[i]!)
  const temperature = needsTemperature(kind) ? fitTemperature(scores, yVa, K) : 1
  const conf = new Float64Array(va.length)
  const correct: boolean[] = []
  for (let r = 0; r < va.length; r++) {
    const p = softmaxInPlace(scores.subarray(r * K, (r + 1) * K), temperature)
    let best = 0
    for (let k = 1; k < K; k++) if (p[k]! > p[best]!) best = k
    conf[r] = p[best]!
    correct.push(best === yVa[r])
  }
  const threshold = tuneAbstainThreshold(conf, correct, opts.wrongCost ?? 1)
  let answered = 0
  let answeredOk = 0
  let ok = 0
  for (let r = 0; r < va.length; r++) {
    if (correct[r]) ok++
    if (conf[r]! >= threshold) {
      answered++
      if (correct[r]) answeredOk++
    }
  }
  const full = fitOnAnalyzed(docs, y, K, kind, opts)
  full.model.temperature = temperature
  return {
    classifier: { kind, labels: names, analyzer, space: full.space, model: full.model },
    threshold,
    validation: {
      coverage: va.length ? answered / va.length : 0,
      answeredAccuracy: answered ? answeredOk / answered : 0,
      accuracy: va.length ? ok / va.length : 0,
      size: va.length,
    },
  }
}

/** Routes one text: the top intents with probabilities, and null when below the threshold. */
export function classifyIntent(model: IntentModel, text: string, top = 3): IntentResult {
  const pred = predictText(model.classifier, text)
  const ranked = Array.from(pred.probabilities, (probability, k) => ({ label: model.classifier.labels[k]!, probability }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, top)
  const abstain = pred.confidence < model.threshold
  return { intent: abstain ? null : pred.label, label: pred.label, confidence: pred.confidence, abstain, top: ranked }
}
