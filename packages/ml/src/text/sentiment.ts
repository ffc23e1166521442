import { sentimentLabel, type SentimentResult } from './sentiment-lexicon.ts'
import { predictText, type TextClassifier } from './text-classifier.ts'

const POSITIVE_NAMES = ['positive', 'pos', '1', 'true', 'yes', 'good', '正面', '积极', '好评', 'p', '+1', '+']
const NEGATIVE_NAMES = ['negative', 'neg', '0', '-1', 'false', 'no', 'bad', '负面', '消极', '差评', 'n', '-']

/**
 * Which labels are positive and negative in a sentiment training set: common names (positive/pos/1/正面 …)
 * or, failing that, the last and first label in sorted order. Works for 2 or 3 (with a neutral) classes.
 */
export function sentimentPolarity(labels: readonly string[], positive?: string): { positive: string; negative: string } {
  const lower = labels.map((l) => l.toLowerCase())
  const pos = positive ?? labels[lower.findIndex((l) => POSITIVE_NAMES.includes(l))] ?? labels[labels.length - 1]!
  const rest = labels.filter((l) => l !== pos)
  const neg = rest.find((l) => NEGATIVE_NAMES.includes(l.toLowerCase())) ?? rest[0]
  if (!labels.includes(pos) || neg === undefined) throw new Error(`sentiment: positive label "${pos}" is not among ${labels.join(', ')}`)
  return { positive: pos, negative: neg }
}

/**
 * Trained sentiment: score = P(positive) − P(negative) in [−1, 1] from a text classifier (the default for two
 * classes is L2 logistic regression, whose probabilities are calibrated), label from the score's sign with a
 * small neutral band. O(tokens + nnz · K).
 */
export function trainedSentiment(clf: TextClassifier, polarity: { positive: string; negative: string }, text: string): SentimentResult {
  const p = predictText(clf, text).probabilities
  const ip = clf.labels.indexOf(polarity.positive)
  const ineg = clf.labels.indexOf(polarity.negative)
  const score = (p[ip] ?? 0) - (p[ineg] ?? 0)
  return { score, label: sentimentLabel(score), mode: 'trained' }
}
