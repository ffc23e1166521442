import { fitIntentModel, fitTextClassifier, sentimentPolarity, type TextClassifier, type TextModelKind } from '@rapport/ml'
import { UsageError } from '../../errors/rapport-error.ts'
import type { TextTask, TextTaskSettings } from '../models/text-model-file.ts'

export interface TrainTextOptions {
  task?: TextTask | undefined
  positive?: string | undefined
  lang: 'zh' | 'en' | 'auto'
  model?: TextModelKind | undefined
  seed: number
  wrongCost: number
}

/**
 * Fits a sentiment, intent (with its hand-off threshold) or plain text classifier. The task defaults to
 * sentiment for two labels and intent for more.
 */
export function trainTextModel(file: string, texts: readonly string[], labels: readonly string[], o: TrainTextOptions) {
  const distinct = [...new Set(labels)].sort()
  if (distinct.length < 2) throw new UsageError(`${file}: the label column has fewer than two distinct values`)
  const task: TextTask = o.task ?? (distinct.length === 2 ? 'sentiment' : 'intent')
  const common = { lang: o.lang, model: o.model, seed: o.seed }
  const t0 = performance.now()
  let classifier: TextClassifier
  let settings: TextTaskSettings
  let summary: { model: string } & Record<string, unknown>
  if (task === 'intent') {
    const m = fitIntentModel(texts, labels, { ...common, wrongCost: o.wrongCost })
    classifier = m.classifier
    settings = { task, threshold: m.threshold, validation: m.validation }
    summary = { model: m.classifier.kind, threshold: m.threshold, validation: m.validation }
  } else {
    let polarity: { positive: string; negative: string } | undefined
    if (task === 'sentiment') {
      if (o.positive !== undefined && !distinct.includes(o.positive)) throw new UsageError(`--positive "${o.positive}" is not a label; labels are ${distinct.join(', ')}`)
      polarity = sentimentPolarity(distinct, o.positive)
    }
    classifier = fitTextClassifier(texts, labels, common)
    settings = { task, ...(polarity ? { polarity } : {}) }
    summary = { model: classifier.kind, ...(polarity ? { polarity } : {}), temperature: classifier.model.temperature }
  }
  const fitSeconds = (performance.now() - t0) / 1000
  return { classifier, settings, result: { task, rows: texts.length, classes: distinct.length, labels: distinct, fitSeconds, ...summary } }
}
