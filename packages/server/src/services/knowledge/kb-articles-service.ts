import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'
import { listPage, type Page, type SortField } from '../../store/query/list-page.ts'
import { SqlFilter } from '../../store/query/sql-filter.ts'
import { changedFields } from '../audit/redact.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import { kbArticleInput, kbArticlePatch, type KbArticleInput, type KbArticlePatch, type KbLang, type KbStatus } from './kb-article-input.ts'

export interface KbArticleView {
  id: number
  external_id: string | null
  lang: KbLang
  category: string | null
  title: string
  /** Other ways customers ask it (the assistant learns from them). */
  questions: string[]
  body: string
  status: KbStatus
  version: number
  created_by: string
  created_at: string
  updated_at: string
}

const SELECT = `t.id, t.external_id, t.lang, t.category, t.title, t.questions, t.body, t.status, t.version, t.created_by,
  ${isoTime('t.created_at')} AS created_at, ${isoTime('t.updated_at')} AS updated_at`
const VIEW = { select: SELECT, from: 'kb_articles t', table: 'kb_articles' }

export const KB_SORTS: Record<string, SortField> = {
  id: { expr: 't.id', type: 'int8' },
  updated_at: { expr: 't.updated_at', type: 'timestamptz' },
  title: { expr: 't.title', type: 'text' },
}

export interface KbListQuery {
  limit: number
  cursor?: string | undefined
  sort: string
  lang?: KbLang | undefined
  category?: string | undefined
  status?: KbStatus | undefined
  /** Part of the question or the answer, any case. */
  q?: string | undefined
}

/** Optimistic concurrency, as for records: the ETag of the copy the client changes. */
export interface KbWriteConditions {
  ifMatch?: string | undefined
}

/** The ETag of an article: its version changes at every write, so the tag does. */
export const kbEtag = (a: Pick<KbArticleView, 'id' | 'version'>): string => `"kb-${a.id}-v${a.version}"`

const matches = (ifMatch: string, a: KbArticleView): boolean => {
  const tags = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''))
  return tags.includes('*') || tags.includes(kbEtag(a))
}

const toView = (r: Record<string, unknown>): KbArticleView => ({ ...(r as unknown as KbArticleView), id: Number(r.id), version: Number(r.version) })

async function selectArticle(db: Db, workspaceId: number, id: number, lock = false): Promise<KbArticleView> {
  const [r] = await db.query(`SELECT ${SELECT} FROM kb_articles t WHERE t.workspace_id = $1 AND t.id = $2${lock ? ' FOR UPDATE' : ''}`, [workspaceId, id])
  if (!r) throw notFound(`knowledge base article ${id}`)
  return toView(r)
}

/** Fails with 412 when the client's copy is not the current one. */
function checkIfMatch(a: KbArticleView, cond: KbWriteConditions): void {
  if (cond.ifMatch !== undefined && !matches(cond.ifMatch, a)) {
    throw new RapportError('precondition_failed', `knowledge base article ${a.id} was changed since you read it (If-Match does not match its ETag); read it again and retry`)
  }
}

const parseOrThrow = <T>(result: { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }): T => {
  if (result.success) return result.data
  throw invalid(result.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })))
}

export async function listKbArticles(db: Db, actor: Actor, q: KbListQuery): Promise<Page<KbArticleView>> {
  requirePermission(actor, 'customers:read')
  const f = new SqlFilter(actor.workspaceId).eq('t.lang', q.lang).eq('t.category', q.category).eq('t.status', q.status)
  // strpos rather than LIKE: the user's % and _ are plain characters, and Chinese needs no word boundaries.
  if (q.q !== undefined && q.q !== '') {
    const p = f.param(q.q.toLowerCase())
    f.where(`(strpos(lower(t.title), ${p}) > 0 OR strpos(lower(t.body), ${p}) > 0)`)
  }
  const page = await listPage(db, { view: VIEW, filter: f, sorts: KB_SORTS, sort: q.sort, limit: q.limit, cursor: q.cursor })
  return { data: page.data.map(toView), next_cursor: page.next_cursor }
}

export async function getKbArticle(db: Db, actor: Actor, id: number): Promise<KbArticleView> {
  requirePermission(actor, 'customers:read')
  return selectArticle(db, actor.workspaceId, id)
}

const duplicateKey = (err: unknown, key: string | undefined): never => {
  if ((err as { code?: unknown }).code === '23505') {
    throw new RapportError('conflict', `a knowledge base article with external_id "${key}" already exists`, { details: [{ path: 'body.external_id', message: 'is already used by another article' }] })
  }
  throw err
}

export async function createKbArticle(db: Db, actor: Actor, body: KbArticleInput): Promise<KbArticleView> {
  requirePermission(actor, 'kb:write')
  const input = parseOrThrow(kbArticleInput.safeParse(body))
  return inTransaction(db, async (tx) => {
    const [r] = await tx.query<{ id: number }>(
      `INSERT INTO kb_articles (workspace_id, external_id, lang, category, title, body, status, created_by, questions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [actor.workspaceId, input.external_id ?? null, input.lang, input.category ?? null, input.title, input.body, input.status, actor.label, input.questions],
    ).catch((e: unknown) => duplicateKey(e, input.external_id))
    const created = await selectArticle(tx, actor.workspaceId, Number(r?.id))
    await recordAudit(tx, actor, { action: 'create', entity: 'kb_articles', entityId: created.id, changes: auditChanges(undefined, created) })
    return created
  })
}

/** The audit row's changes: every shown field but the bookkeeping ones (the version is implied by the row count). */
function auditChanges(before: KbArticleView | undefined, after: KbArticleView | undefined) {
  const strip = (a: KbArticleView | undefined) => {
    if (!a) return undefined
    const { version: _v, created_by: _c, id: _i, ...rest } = a
    return rest
  }
  return changedFields('kb_articles', strip(before), strip(after))
}

/** Applies a patch (publishing and unpublishing are `status`); a patch that changes nothing writes nothing. */
export async function updateKbArticle(db: Db, actor: Actor, id: number, body: KbArticlePatch, cond: KbWriteConditions = {}): Promise<KbArticleView> {
  requirePermission(actor, 'kb:write')
  const patch = parseOrThrow(kbArticlePatch.safeParse(body))
  return inTransaction(db, async (tx) => {
    const before = await selectArticle(tx, actor.workspaceId, id, true)
    checkIfMatch(before, cond)
    const next = {
      lang: patch.lang ?? before.lang, category: patch.category === undefined ? before.category : patch.category,
      title: patch.title ?? before.title, body: patch.body ?? before.body, status: patch.status ?? before.status,
      questions: patch.questions ?? before.questions,
    }
    const changed = (Object.keys(next) as Array<keyof typeof next>).some((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]))
    if (!changed) return before
    await tx.query(
      `UPDATE kb_articles SET lang = $3, category = $4, title = $5, body = $6, status = $7, questions = $8, version = version + 1, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [actor.workspaceId, id, next.lang, next.category, next.title, next.body, next.status, next.questions])
    const after = await selectArticle(tx, actor.workspaceId, id)
    await recordAudit(tx, actor, { action: 'update', entity: 'kb_articles', entityId: id, changes: auditChanges(before, after) })
    return after
  })
}

export async function deleteKbArticle(db: Db, actor: Actor, id: number, cond: KbWriteConditions = {}): Promise<void> {
  requirePermission(actor, 'kb:write')
  await inTransaction(db, async (tx) => {
    const before = await selectArticle(tx, actor.workspaceId, id, true)
    checkIfMatch(before, cond)
    await tx.query('DELETE FROM kb_articles WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, id])
    await recordAudit(tx, actor, { action: 'delete', entity: 'kb_articles', entityId: id, changes: auditChanges(before, undefined) })
  })
}
