import { buildKnowledgeBase, decideAnswer, fitTextClassifier, scoreArticles, type AnswerDecision, type AnswerPolicy, type KnowledgeBase, type TextClassifier } from '@rapport/ml'
import type { Db } from '../../../store/db.ts'

export type ChatLang = 'en' | 'zh'

/** A published article as the assistant shows it. */
export interface AssistantArticle {
  id: number
  title: string
  body: string
}

/**
 * The published articles of one language, indexed for retrieval, with an intent classifier whose classes are the
 * articles (trained on each article's title and other questions). The classifier needs two articles at least;
 * with one or none every question is handed off (no_articles).
 */
interface LanguageKb {
  key: string
  kb: KnowledgeBase
  classifier: TextClassifier | null
  articles: AssistantArticle[]
}

const cache = new Map<string, LanguageKb>()

/**
 * The temperature of the classifier's probabilities comes from 5-fold out-of-fold scores: a knowledge base has a few
 * questions per article, and the default 10 % held-out share would be a handful of rows (an arbitrary, often
 * saturated temperature that makes every answer look certain and never asks which of two articles is meant).
 */
const CALIBRATION_FOLDS = 5

/**
 * This process's copy of a workspace's knowledge base in one language, rebuilt when an article changed (count and
 * newest change). A rebuild fits a linear classifier on the articles' questions: milliseconds for the hundreds of
 * questions of a shop's knowledge base, about 13 s for Banking77's 10,003 (bench/results/desk.md).
 */
export async function languageKb(db: Db, workspaceId: number, lang: ChatLang): Promise<LanguageKb> {
  const [v] = await db.query<{ n: string; v: string | null }>(
    `SELECT count(*) AS n, max(updated_at)::text AS v FROM kb_articles WHERE workspace_id = $1 AND lang = $2 AND status = 'published'`, [workspaceId, lang])
  const key = `${v?.n}:${v?.v}`
  const slot = `${workspaceId}:${lang}`
  const hit = cache.get(slot)
  if (hit && hit.key === key) return hit
  const rows = await db.query<{ id: string; title: string; body: string; questions: string[] }>(
    `SELECT id, title, body, questions FROM kb_articles WHERE workspace_id = $1 AND lang = $2 AND status = 'published' ORDER BY id`, [workspaceId, lang])
  const articles = rows.map((r) => ({ id: Number(r.id), title: r.title, body: r.body }))
  const kb = buildKnowledgeBase(rows.map((r) => ({ id: String(r.id), answer: r.body, questions: [r.title, ...r.questions] })), { lang })
  const texts = kb.articles.flatMap((a) => a.questions)
  const labels = kb.articles.flatMap((a) => a.questions.map(() => a.id))
  const classifier = kb.articles.length >= 2 ? fitTextClassifier(texts, labels, { lang, seed: 0, calibrationFolds: CALIBRATION_FOLDS }) : null
  const entry = { key, kb, classifier, articles }
  if (cache.size > 128) cache.clear()
  cache.set(slot, entry)
  return entry
}

export type AssistantAnswer =
  | { action: 'answer'; article: AssistantArticle; confidence: number }
  | { action: 'clarify'; articles: [AssistantArticle, AssistantArticle]; confidence: number }
  | { action: 'hand_off'; reason: Extract<AnswerDecision, { action: 'hand_off' }>['reason'] }

/** What the knowledge base says to one question under the policy (answer-policy.ts in @rapport/ml). */
export async function askKnowledgeBase(db: Db, workspaceId: number, lang: ChatLang, question: string, policy: AnswerPolicy): Promise<AssistantAnswer> {
  const k = await languageKb(db, workspaceId, lang)
  if (!k.classifier) return { action: 'hand_off', reason: 'no_articles' }
  const d = decideAnswer(scoreArticles(k.kb, k.classifier, question), policy)
  const at = (row: number): AssistantArticle => {
    const a = k.articles[row]
    if (!a) throw new Error(`askKnowledgeBase: the policy chose row ${row} of ${k.articles.length} articles`)
    return a
  }
  switch (d.action) {
    case 'answer':
      return { action: 'answer', article: at(d.article), confidence: d.confidence }
    case 'clarify':
      return { action: 'clarify', articles: [at(d.articles[0]), at(d.articles[1])], confidence: d.confidence }
    case 'hand_off':
      return d
  }
}
