import {
  analyzeForCandidates,
  encodeLabels,
  fitDefaultTextClassifier,
  fitIntentModel,
  fitTextClassifier,
  selectTextCandidate,
  sentimentPolarity,
  textCandidates,
  type TextClassifier,
  type TextModelKind,
  type TextSelection,
} from '@rapport/ml'
import { UsageError } from '../../errors/rapport-error.ts'
import type { TextTask, TextTaskSettings } from '../models/text-model-file.ts'

export interface TrainTextOptions {
  task?: TextTask | undefined
  positive?: string | undefined
  lang: 'zh' | 'en' | 'auto'
  /** A fixed classifier family (the analyzer and C defaults); unset: the default chooses by inner CV. */
  model?: TextModelKind | undefined
  seed: number
  wrongCost: number
}

/** What the default chose: the winning candidate and every candidate's inner accuracy on the training rows. */
function selectionSummary(s: TextSelection): { chosen: string; innerAccuracy: Array<{ name: string; accuracy: number }> } {
  return { chosen: s.chosen.name, innerAccuracy: s.scores }
}

/**
 * Fits a sentiment, intent (with its hand-off threshold) or plain text classifier. The task defaults to
 * sentiment for two labels and intent for more. Without `model`, the configuration (n-gram blocks, C, class
 * weighting) is chosen among textCandidates by inner cross-validation on these rows (3 folds for two classes, a stratified
 * holdout for more; select-text-model.ts),
 * the same procedure `rapport eval text` estimates with nested CV.
 */
export function trainTextModel(file: string, texts: readonly string[], labels: readonly string[], o: TrainTextOptions) {
  const distinct = [...new Set(labels)].sort()
  if (distinct.length < 2) throw new UsageError(`${file}: the label column has fewer than two distinct values`)
  const task: TextTask = o.task ?? (distinct.length === 2 ? 'sentiment' : 'intent')
  const common = { lang: o.lang, seed: o.seed }
  const t0 = performance.now()
  let classifier: TextClassifier
  let settings: TextTaskSettings
  let summary: { model: string } & Record<string, unknown>
  if (task === 'intent') {
    let chosen: Record<string, unknown> = {}
    let selection: TextSelection | undefined
    if (o.model === undefined) {
      const { names, y } = encodeLabels(labels)
      const candidates = textCandidates(names.length)
      const analyzed = analyzeForCandidates(texts, candidates, common)
      selection = selectTextCandidate(analyzed, texts.map((_, i) => i), y, names.length, { ...common, candidates })
      const c = selection.chosen
      chosen = { model: c.model, analyzer: c.analyzer, ...(c.C !== undefined ? { C: c.C } : {}), ...(c.classWeight !== undefined ? { classWeight: c.classWeight } : {}) }
    }
    const m = fitIntentModel(texts, labels, { ...common, ...(o.model !== undefined ? { model: o.model } : chosen), wrongCost: o.wrongCost })
    classifier = m.classifier
    settings = { task, threshold: m.threshold, validation: m.validation }
    summary = { model: m.classifier.kind, ...(selection ? { selection: selectionSummary(selection) } : {}), threshold: m.threshold, validation: m.validation }
  } else {
    let polarity: { positive: string; negative: string } | undefined
    if (task === 'sentiment') {
      if (o.positive !== undefined && !distinct.includes(o.positive)) throw new UsageError(`--positive "${o.positive}" is not a label; labels are ${distinct.join(', ')}`)
      polarity = sentimentPolarity(distinct, o.positive)
    }
    let selection: TextSelection | undefined
    if (o.model === undefined) {
      const fit = fitDefaultTextClassifier(texts, labels, common)
      classifier = fit.classifier
      selection = fit.selection
    } else classifier = fitTextClassifier(texts, labels, { ...common, model: o.model })
    settings = { task, ...(polarity ? { polarity } : {}) }
    summary = { model: classifier.kind, ...(selection ? { selection: selectionSummary(selection) } : {}), ...(polarity ? { polarity } : {}), temperature: classifier.model.temperature }
  }
  const fitSeconds = (performance.now() - t0) / 1000
  return { classifier, settings, result: { task, rows: texts.length, classes: distinct.length, labels: distinct, fitSeconds, ...summary } }
}
