import { buildAnswerIndex, extractiveSummary, suggestAnswers, type AnswerIndex } from '@rapport/ml'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { selectConversation } from './conversation-view.ts'

export interface ReplySuggestion {
  source: 'knowledge_base' | 'past_conversation'
  /** The reply to start from: the article's answer, or what an agent answered then. */
  text: string
  /** BM25 score of the match (higher is closer; comparable within one list). */
  score: number
  /** The question that matched: the article's, or the past conversation's. */
  matched: string
  article_id: number | null
  ticket_id: number | null
}

export interface SimilarConversation {
  ticket_id: number
  subject: string
  status: string
  score: number
}

/** Past conversations indexed per workspace: the most recent finished ones. */
const PAST_LIMIT = 5000

interface Indexed<T> {
  key: string
  index: AnswerIndex
  rows: T[]
}

const kbCache = new Map<number, Indexed<{ id: number }>>()
const pastCache = new Map<number, Indexed<{ id: number; subject: string; status: string; reply: string | null }>>()

/** Rebuilds an index only when its rows changed (count and newest change), else reuses this process's copy. */
async function cached<T>(cache: Map<number, Indexed<T>>, ws: number, key: string, load: () => Promise<{ rows: T[]; pairs: Array<{ question: string; answer: string }> }>): Promise<Indexed<T>> {
  const hit = cache.get(ws)
  if (hit && hit.key === key) return hit
  const { rows, pairs } = await load()
  const entry = { key, rows, index: buildAnswerIndex(pairs) }
  if (cache.size > 64) cache.clear()
  cache.set(ws, entry)
  return entry
}

async function kbIndex(db: Db, ws: number) {
  const [k] = await db.query<{ n: string; v: string | null }>(`SELECT count(*) AS n, max(updated_at)::text AS v FROM kb_articles WHERE workspace_id = $1 AND status = 'published'`, [ws])
  return cached(kbCache, ws, `${k?.n}:${k?.v}`, async () => {
    const rows = await db.query<{ id: string; title: string; body: string; questions: string[] }>(
      `SELECT id, title, body, questions FROM kb_articles WHERE workspace_id = $1 AND status = 'published' ORDER BY id`, [ws])
    // One entry per way of asking (the title and the article's other questions), each pointing at its article.
    const entries = rows.flatMap((r) => [r.title, ...r.questions].map((question) => ({ id: Number(r.id), question, answer: r.body })))
    return { rows: entries.map((e) => ({ id: e.id })), pairs: entries.map((e) => ({ question: e.question, answer: e.answer })) }
  })
}

async function pastIndex(db: Db, ws: number) {
  const [k] = await db.query<{ n: string; v: string | null }>(
    `SELECT count(*) AS n, max(t.updated_at)::text AS v FROM tickets t WHERE t.workspace_id = $1 AND t.status IN ('solved', 'closed')`, [ws])
  return cached(pastCache, ws, `${k?.n}:${k?.v}`, async () => {
    const rows = await db.query<{ id: string; subject: string; status: string; question: string; reply: string | null }>(
      `SELECT t.id, t.subject, t.status, concat_ws(E'\\n', t.subject, t.body) AS question,
              (SELECT m.body FROM ticket_messages m WHERE m.workspace_id = t.workspace_id AND m.ticket_id = t.id AND m.author = 'agent' ORDER BY m.id LIMIT 1) AS reply
         FROM tickets t WHERE t.workspace_id = $1 AND t.status IN ('solved', 'closed') ORDER BY t.opened_at DESC, t.id DESC LIMIT ${PAST_LIMIT}`, [ws])
    return {
      rows: rows.map((r) => ({ id: Number(r.id), subject: r.subject, status: r.status, reply: r.reply })),
      pairs: rows.map((r, i) => ({ question: r.question, answer: String(i) })),
    }
  })
}

/**
 * Agent assist for one conversation: suggested replies ranked by BM25 between the customer's words and the
 * published knowledge-base questions and past finished conversations (those an agent answered: the answer is the
 * reply), each with its score; the most similar past conversations whatever their reply; and for a long thread
 * its three most central sentences (an extractive summary), else null.
 */
/** A thread this long (messages, or characters) gets an extractive summary. */
const SUMMARY_MESSAGES = 4
const SUMMARY_CHARS = 600

export async function replySuggestions(db: Db, actor: Actor, ticketId: number, top = 5): Promise<{ suggestions: ReplySuggestion[]; similar: SimilarConversation[]; summary: string[] | null }> {
  requirePermission(actor, 'customers:read')
  const c = await selectConversation(db, actor.workspaceId, ticketId)
  const [q] = await db.query<{ text: string | null }>(
    `SELECT string_agg(body, E'\\n' ORDER BY id) AS text FROM ticket_messages WHERE workspace_id = $1 AND ticket_id = $2 AND author = 'customer'`, [actor.workspaceId, ticketId])
  const question = `${c.subject}\n${q?.text ?? ''}`
  const thread = await db.query<{ body: string }>(
    `SELECT body FROM ticket_messages WHERE workspace_id = $1 AND ticket_id = $2 AND author IN ('customer', 'agent', 'assistant') ORDER BY id`, [actor.workspaceId, ticketId])
  const long = thread.length >= SUMMARY_MESSAGES || thread.reduce((a, m) => a + m.body.length, 0) >= SUMMARY_CHARS
  const summary = long ? extractiveSummary(thread.map((m) => m.body), 3).map((s) => s.text) : null
  const kb = await kbIndex(db, actor.workspaceId)
  const past = await pastIndex(db, actor.workspaceId)
  // Hits come best first: the first hit of an article is its best-matching question, the only one kept.
  const seen = new Set<number>()
  const fromKb: ReplySuggestion[] = suggestAnswers(kb.index, question, top * 8).flatMap((h) => {
    const id = kb.rows[h.index]?.id
    if (id === undefined || seen.has(id)) return []
    seen.add(id)
    return [{ source: 'knowledge_base' as const, text: h.answer, score: h.score, matched: h.matchedQuestion, article_id: id, ticket_id: null }]
  }).slice(0, top)
  const hits = suggestAnswers(past.index, question, top * 4).filter((h) => past.rows[Number(h.answer)]?.id !== ticketId)
  const fromPast: ReplySuggestion[] = hits.flatMap((h) => {
    const row = past.rows[Number(h.answer)]
    return row?.reply ? [{ source: 'past_conversation' as const, text: row.reply, score: h.score, matched: h.matchedQuestion, article_id: null, ticket_id: row.id }] : []
  })
  const similar = hits.slice(0, top).flatMap((h) => {
    const row = past.rows[Number(h.answer)]
    return row ? [{ ticket_id: row.id, subject: row.subject, status: row.status, score: h.score }] : []
  })
  return { suggestions: [...fromKb, ...fromPast].sort((a, b) => b.score - a.score).slice(0, top), similar, summary }
}
