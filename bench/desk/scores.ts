/**
 * The per-article scores the answer policy reads, for the desk benchmark: out-of-fold on the training
 * questions (to choose the thresholds) and train → test (to report them). One article per intent; its
 * questions are that intent's training questions and its answer a placeholder (Banking77 has no answers).
 */
import { buildKnowledgeBase, fitTextClassifier, stratifiedKFold, type ArticleScores, type KnowledgeBase, type TextClassifier } from '@rapport/ml'

export interface LabelledQuestions {
  texts: string[]
  labels: string[]
}

export interface ScoredQuestion {
  scores: ArticleScores
  /** Row of the question's true article. */
  truth: number
}

/** One article per intent in `ids` order, with the questions of `d` labelled with it. */
export function intentKnowledgeBase(d: LabelledQuestions, ids: readonly string[]): KnowledgeBase {
  const questions = new Map(ids.map((id) => [id, [] as string[]]))
  d.texts.forEach((t, i) => questions.get(d.labels[i] ?? '')?.push(t))
  return buildKnowledgeBase(ids.map((id) => ({ id, answer: `[answer article for intent "${id}"]`, questions: questions.get(id) ?? [] })))
}

/**
 * The intent model of the text benchmark's Banking77 row: the default features and one-vs-rest linear SVM
 * (C = 1, seed 0), with its probability temperature fitted on a 10 % held-out share (fitTextClassifier).
 */
export function fitDeskClassifier(d: LabelledQuestions, seed = 0): TextClassifier {
  return fitTextClassifier(d.texts, d.labels, { seed })
}

export interface DeskModel {
  classifier: TextClassifier
  kb: KnowledgeBase
}

/** Classifier and knowledge base fitted on `d`. */
export function fitDesk(d: LabelledQuestions, ids: readonly string[], seed = 0): DeskModel {
  return { classifier: fitDeskClassifier(d, seed), kb: intentKnowledgeBase(d, ids) }
}

/** Scores of each question of `d` under a model that never saw it. */
export function scoreQuestions(model: DeskModel, d: LabelledQuestions, score: (m: DeskModel, text: string) => ArticleScores): ScoredQuestion[] {
  const row = new Map(model.kb.articles.map((a, r) => [a.id, r]))
  return d.texts.map((t, i) => ({ scores: score(model, t), truth: row.get(d.labels[i] ?? '') ?? -1 }))
}

/**
 * Out-of-fold scores on `d`: stratified k folds (seed), a classifier and knowledge base fitted on the other
 * folds score each fold, so no question is matched against itself. Returned in the rows' order.
 */
export function outOfFoldScores(
  d: LabelledQuestions,
  ids: readonly string[],
  score: (m: DeskModel, text: string) => ArticleScores,
  folds = 5,
  seed = 0,
  onProgress?: (fold: number) => void,
): ScoredQuestion[] {
  const assign = stratifiedKFold(d.labels, folds, seed)
  const out = new Array<ScoredQuestion>(d.texts.length)
  for (let f = 0; f < folds; f++) {
    onProgress?.(f)
    const pick = (held: boolean): { texts: string[]; labels: string[]; rows: number[] } => {
      const rows = d.texts.map((_, i) => i).filter((i) => (assign[i] === f) === held)
      return { texts: rows.map((i) => d.texts[i] ?? ''), labels: rows.map((i) => d.labels[i] ?? ''), rows }
    }
    const fit = pick(false)
    const held = pick(true)
    const scored = scoreQuestions(fitDesk(fit, ids, seed), held, score)
    held.rows.forEach((i, r) => {
      const s = scored[r]
      if (s) out[i] = s
    })
  }
  return out
}
