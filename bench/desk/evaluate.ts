/** Threshold choice, curve and latency of the desk benchmark (pure given the scores, apart from the clock). */
import {
  decideAnswer,
  pickAnswerPolicy,
  policyGrid,
  predictText,
  scoreArticles,
  suggestAnswers,
  sweepAnswerPolicy,
  type AnswerPolicy,
  type ArticleScores,
  type LabelledScores,
  type PolicyPoint,
} from '@rapport/ml'
import type { DeskModel } from './scores.ts'

/** The target: answer at least this share at at least this precision. */
export const TARGET = { answered: 0.7, precision: 0.95 }
/** Confidence thresholds the default is chosen from (0.20, 0.21, …, 0.99). */
export const PICK_CONFIDENCES = Array.from({ length: 80 }, (_, i) => Math.round((0.2 + i * 0.01) * 100) / 100)
/** Retrieval guards tried beside the confidence threshold (0 = retrieval not consulted). */
export const RETRIEVAL_SHARES = [0, 0.5, 0.8, 1]
/** "Close" top two: within 0.2 of probability. Fixed, not tuned: it moves questions between clarify and hand-off. */
export const CLARIFY_MARGIN = 0.2
/** The dozen thresholds of the results table. */
export const SHOWN_CONFIDENCES = [0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99]

export const deskScore = (m: DeskModel, text: string): ArticleScores => scoreArticles(m.kb, m.classifier, text)

export interface DefaultChoice {
  curve: PolicyPoint[]
  chosen: PolicyPoint | undefined
}

/** The grid on labelled (out-of-fold) scores and the policy answering most at ≥ the target precision. */
export function chooseDefault(items: readonly LabelledScores[], minPrecision = TARGET.precision): DefaultChoice {
  const curve = sweepAnswerPolicy(items, policyGrid(PICK_CONFIDENCES, RETRIEVAL_SHARES, [CLARIFY_MARGIN]))
  return { curve, chosen: pickAnswerPolicy(curve, minPrecision) }
}

/** Whether a point meets the target. */
export function meetsTarget(pt: PolicyPoint): boolean {
  return pt.answered >= TARGET.answered && pt.precision >= TARGET.precision
}

/** Nearest-rank quantile of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
}

export interface LatencyStats {
  p50: number
  p99: number
  max: number
  n: number
}

function stats(ms: number[]): LatencyStats {
  const s = [...ms].sort((a, b) => a - b)
  return { p50: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1] ?? Number.NaN, n: s.length }
}

export interface DeskLatency {
  /** Classifier + retrieval + policy: what the assistant spends before it replies. */
  total: LatencyStats
  classifier: LatencyStats
  retrieval: LatencyStats
}

/**
 * Milliseconds per question, one at a time on this thread, after `warmup` questions (JIT, caches). The
 * whole path (scoreArticles + decideAnswer) is timed in its own pass; the two parts in a second pass.
 */
export function measureLatency(model: DeskModel, questions: readonly string[], policy: AnswerPolicy, warmup = 300): DeskLatency {
  for (let i = 0; i < Math.min(warmup, questions.length); i++) decideAnswer(deskScore(model, questions[i] ?? ''), policy)
  const total: number[] = []
  for (const q of questions) {
    const t0 = performance.now()
    decideAnswer(deskScore(model, q), policy)
    total.push(performance.now() - t0)
  }
  const classifier: number[] = []
  const retrieval: number[] = []
  for (const q of questions) {
    const t0 = performance.now()
    predictText(model.classifier, q)
    const t1 = performance.now()
    suggestAnswers(model.kb.index, q, model.kb.index.pairs.length)
    retrieval.push(performance.now() - t1)
    classifier.push(t1 - t0)
  }
  return { total: stats(total), classifier: stats(classifier), retrieval: stats(retrieval) }
}

/** Share of questions whose most probable article is the true one (the classifier's accuracy). */
export function topAccuracy(items: readonly LabelledScores[], signal: 'probability' | 'retrieval'): number {
  let ok = 0
  for (const it of items) {
    const v = it.scores[signal]
    let best = 0
    for (let k = 1; k < v.length; k++) if ((v[k] ?? 0) > (v[best] ?? 0)) best = k
    if ((v[best] ?? 0) > 0 && best === it.truth) ok++
  }
  return items.length > 0 ? ok / items.length : Number.NaN
}
