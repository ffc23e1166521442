import { classifyIntent, lexiconSentiment, predictText, trainedSentiment, type TextClassifier } from '@rapport/ml'
import type { TextTaskSettings } from '../models/text-model-file.ts'

export interface TextPrediction {
  line: number
  label: string
  confidence?: number
  score?: number
  mode?: 'lexicon' | 'trained'
  sentiment?: string
  intent?: string | null
  abstain?: boolean
  top?: Array<{ label: string; probability: number }>
}

/** Scores texts with a saved text model (its task decides what comes out), or with the sentiment lexicon when none is given. */
export function predictTexts(texts: readonly string[], lines: readonly number[], model?: { settings: TextTaskSettings; classifier: TextClassifier }): TextPrediction[] {
  return texts.map((text, i): TextPrediction => {
    const line = lines[i] ?? 0
    if (!model) {
      const s = lexiconSentiment(text)
      return { line, label: s.label, score: s.score, mode: s.mode }
    }
    const { settings, classifier } = model
    if (settings.task === 'intent' && settings.validation) {
      const r = classifyIntent({ classifier, threshold: settings.threshold ?? 0, validation: settings.validation }, text)
      return { line, label: r.label, confidence: r.confidence, intent: r.intent, abstain: r.abstain, top: r.top }
    }
    const p = predictText(classifier, text)
    if (settings.task === 'sentiment' && settings.polarity) {
      const s = trainedSentiment(classifier, settings.polarity, text)
      return { line, label: p.label, confidence: p.confidence, score: s.score, sentiment: s.label, mode: s.mode }
    }
    return { line, label: p.label, confidence: p.confidence }
  })
}
