import { buildAnswerIndex, suggestAnswers, type AnswerIndex } from '../text/answers.ts'
import type { AnalyzerConfig } from '../text/analyzer.ts'
import { predictText, type TextClassifier } from '../text/text-classifier.ts'
import type { Segmenter } from '../text/tokenizer.ts'
import type { ArticleScores } from './answer-policy.ts'

/** A knowledge-base article: the answer to give and the customer questions it answers. */
export interface KbArticle {
  /** Also the intent label the classifier uses for this article. */
  id: string
  answer: string
  questions: readonly string[]
}

export interface KnowledgeBase {
  articles: KbArticle[]
  /** BM25 over every article question; each pair's `answer` holds the article's row, as a string. */
  index: AnswerIndex
}

/** Indexes the questions of every article for retrieval. O(total tokens). */
export function buildKnowledgeBase(articles: readonly KbArticle[], opts: { lang?: AnalyzerConfig['lang']; segmenter?: Segmenter } = {}): KnowledgeBase {
  const list = [...articles]
  const ids = new Set<string>()
  for (const a of list) {
    if (ids.has(a.id)) throw new Error(`buildKnowledgeBase: article id "${a.id}" appears twice`)
    ids.add(a.id)
  }
  const pairs = list.flatMap((a, row) => a.questions.map((question) => ({ question, answer: String(row) })))
  return { articles: list, index: buildAnswerIndex(pairs, opts) }
}

/**
 * The two signals the answer policy reads for one customer question, per article: the classifier's
 * calibrated probability of the article's intent (0 when the classifier does not know the id), and the BM25
 * score of the article's best-matching question (0 when none shares a term). O(classifier + query postings
 * + N log N) for N indexed questions.
 */
export function scoreArticles(kb: KnowledgeBase, classifier: TextClassifier, question: string): ArticleScores {
  const A = kb.articles.length
  const probability = new Float64Array(A)
  const pred = predictText(classifier, question)
  const labelRow = new Map(classifier.labels.map((l, k) => [l, k]))
  kb.articles.forEach((a, row) => {
    const k = labelRow.get(a.id)
    if (k !== undefined) probability[row] = pred.probabilities[k]!
  })
  const retrieval = new Float64Array(A)
  // Hits come best first, so the first hit of an article is its best-matching question.
  for (const hit of suggestAnswers(kb.index, question, kb.index.pairs.length)) {
    const row = Number(hit.answer)
    if (retrieval[row] === 0) retrieval[row] = hit.score
  }
  return { probability, retrieval }
}
