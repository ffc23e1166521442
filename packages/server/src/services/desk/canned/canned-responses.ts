import { can, requirePermission, type Actor } from '../../../domain/actor.ts'
import { maskEmail } from '../../../domain/mask-pii.ts'
import { notFound, RapportError } from '../../../errors/rapport-error.ts'
import type { Db } from '../../../store/db.ts'
import { isoTime } from '../../../store/entity-view.ts'
import { listPage, type Page, type SortField } from '../../../store/query/list-page.ts'
import { SqlFilter } from '../../../store/query/sql-filter.ts'
import { changedFields } from '../../audit/redact.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { parseInput } from '../../parse-input.ts'
import { inTransaction } from '../../transaction.ts'
import { cannedInput, cannedPatch, type CannedInput, type CannedLang, type CannedPatch } from './canned-input.ts'
import { checkCannedBody, firstName, renderCannedBody, type CannedContext, type MergeFieldPath } from './merge-fields.ts'

/**
 * Canned responses: saved replies of the service desk, with merge fields filled from the conversation they are
 * used in (merge-fields.ts). Anyone who reads the desk reads them; agents (desk:reply) write them.
 */

const ENTITY = 'desk_canned_responses'

export interface CannedView {
  id: number
  lang: CannedLang
  title: string
  shortcut: string | null
  /** The Liquid template, as saved. */
  body: string
  created_by: string
  created_at: string
  updated_at: string
}

const SELECT = `t.id, t.lang, t.title, t.shortcut, t.body, t.created_by,
  ${isoTime('t.created_at')} AS created_at, ${isoTime('t.updated_at')} AS updated_at`
const VIEW = { select: SELECT, from: `${ENTITY} t`, table: ENTITY }

export const CANNED_SORTS: Record<string, SortField> = {
  id: { expr: 't.id', type: 'int8' },
  title: { expr: 't.title', type: 'text' },
  shortcut: { expr: 't.shortcut', type: 'text' },
  updated_at: { expr: 't.updated_at', type: 'timestamptz' },
}

export interface CannedListQuery {
  limit: number
  cursor?: string | undefined
  sort: string
  lang?: CannedLang | undefined
  /** Part of the title, the body or the shortcut, any case. */
  q?: string | undefined
}

const toView = (r: Record<string, unknown>): CannedView => ({ ...(r as unknown as CannedView), id: Number(r.id) })

async function selectCanned(db: Db, workspaceId: number, id: number, lock = false): Promise<CannedView> {
  const [r] = await db.query(`SELECT ${SELECT} FROM ${ENTITY} t WHERE t.workspace_id = $1 AND t.id = $2${lock ? ' FOR UPDATE' : ''}`, [workspaceId, id])
  if (!r) throw notFound(`canned response ${id}`)
  return toView(r)
}

export async function listCanned(db: Db, actor: Actor, q: CannedListQuery): Promise<Page<CannedView>> {
  requirePermission(actor, 'customers:read')
  const f = new SqlFilter(actor.workspaceId).eq('t.lang', q.lang)
  // strpos rather than LIKE: the user's % and _ are plain characters, and Chinese needs no word boundaries.
  if (q.q !== undefined && q.q !== '') {
    const p = f.param(q.q.toLowerCase())
    f.where(`(strpos(lower(t.title), ${p}) > 0 OR strpos(lower(t.body), ${p}) > 0 OR strpos(coalesce(t.shortcut, ''), ${p}) > 0)`)
  }
  const page = await listPage(db, { view: VIEW, filter: f, sorts: CANNED_SORTS, sort: q.sort, limit: q.limit, cursor: q.cursor })
  return { data: page.data.map(toView), next_cursor: page.next_cursor }
}

export async function getCanned(db: Db, actor: Actor, id: number): Promise<CannedView> {
  requirePermission(actor, 'customers:read')
  return selectCanned(db, actor.workspaceId, id)
}

/** The only unique key besides the primary key is (workspace_id, shortcut): a duplicate is a 409 naming it. */
const duplicateShortcut = (err: unknown, shortcut: string | null | undefined): never => {
  if ((err as { code?: unknown }).code === '23505') {
    throw new RapportError('conflict', `a canned response with the shortcut "${shortcut ?? ''}" already exists`, {
      details: [{ path: 'body.shortcut', message: 'is already used by another canned response' }],
    })
  }
  throw err
}

/** The audit row's changes: every shown field but the bookkeeping ones. */
function auditChanges(before: CannedView | undefined, after: CannedView | undefined) {
  const strip = (c: CannedView | undefined) => {
    if (!c) return undefined
    const { id: _i, created_by: _c, ...rest } = c
    return rest
  }
  return changedFields(ENTITY, strip(before), strip(after))
}

/** Saves a response; its body must parse as Liquid and use only merge fields (400 at body.body otherwise). */
export async function createCanned(db: Db, actor: Actor, body: CannedInput): Promise<CannedView> {
  requirePermission(actor, 'desk:reply')
  const input = parseInput(cannedInput, body)
  checkCannedBody(input.body)
  return inTransaction(db, async (tx) => {
    const [r] = await tx.query<{ id: string }>(
      `INSERT INTO ${ENTITY} (workspace_id, lang, title, shortcut, body, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [actor.workspaceId, input.lang, input.title, input.shortcut ?? null, input.body, actor.label],
    ).catch((e: unknown) => duplicateShortcut(e, input.shortcut))
    const created = await selectCanned(tx, actor.workspaceId, Number(r?.id))
    await recordAudit(tx, actor, { action: 'create', entity: ENTITY, entityId: created.id, changes: auditChanges(undefined, created) })
    return created
  })
}

/** Applies a patch; a patch that changes nothing writes nothing (and no audit row). */
export async function updateCanned(db: Db, actor: Actor, id: number, body: CannedPatch): Promise<CannedView> {
  requirePermission(actor, 'desk:reply')
  const patch = parseInput(cannedPatch, body)
  if (patch.body !== undefined) checkCannedBody(patch.body)
  return inTransaction(db, async (tx) => {
    const before = await selectCanned(tx, actor.workspaceId, id, true)
    const next = {
      lang: patch.lang ?? before.lang, title: patch.title ?? before.title,
      shortcut: patch.shortcut === undefined ? before.shortcut : patch.shortcut, body: patch.body ?? before.body,
    }
    const changed = (Object.keys(next) as Array<keyof typeof next>).some((k) => next[k] !== before[k])
    if (!changed) return before
    await tx.query(
      `UPDATE ${ENTITY} SET lang = $3, title = $4, shortcut = $5, body = $6, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
      [actor.workspaceId, id, next.lang, next.title, next.shortcut, next.body],
    ).catch((e: unknown) => duplicateShortcut(e, next.shortcut))
    const after = await selectCanned(tx, actor.workspaceId, id)
    await recordAudit(tx, actor, { action: 'update', entity: ENTITY, entityId: id, changes: auditChanges(before, after) })
    return after
  })
}

export async function deleteCanned(db: Db, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'desk:reply')
  await inTransaction(db, async (tx) => {
    const before = await selectCanned(tx, actor.workspaceId, id, true)
    await tx.query(`DELETE FROM ${ENTITY} WHERE workspace_id = $1 AND id = $2`, [actor.workspaceId, id])
    await recordAudit(tx, actor, { action: 'delete', entity: ENTITY, entityId: id, changes: auditChanges(before, undefined) })
  })
}

export interface RenderedCanned {
  text: string
  /** Merge fields the response uses that are empty for this conversation (no e-mail address, no name). */
  missing: MergeFieldPath[]
}

/**
 * A response filled in for one conversation of the workspace (404 for another workspace's conversation or
 * response). Nothing is sent or stored: the agent edits the text and sends it as a reply.
 */
export async function renderCannedFor(db: Db, actor: Actor, conversationId: number, cannedId: number): Promise<RenderedCanned> {
  requirePermission(actor, 'desk:reply')
  const ctx = await contextOf(db, actor, conversationId)
  const canned = await selectCanned(db, actor.workspaceId, cannedId)
  // Saved responses were checked when saved; one written around the API that fails now is named by the path parameter.
  return renderCannedBody(canned.body, ctx, 'params.cannedId')
}

/** The merge fields' values for a conversation and the agent rendering it. */
async function contextOf(db: Db, actor: Actor, conversationId: number): Promise<CannedContext> {
  const [r] = await db.query<{ id: string; subject: string; customer_name: string | null; customer_email: string | null; workspace_name: string }>(
    `SELECT t.id, t.subject, cu.name AS customer_name, cu.email AS customer_email, w.name AS workspace_name
       FROM tickets t
       JOIN conversations c ON c.workspace_id = t.workspace_id AND c.ticket_id = t.id
       JOIN customers cu ON cu.workspace_id = t.workspace_id AND cu.id = t.customer_id
       JOIN workspaces w ON w.id = t.workspace_id
      WHERE t.workspace_id = $1 AND t.id = $2`,
    [actor.workspaceId, conversationId],
  )
  if (!r) throw notFound(`conversation ${conversationId}`)
  const name = r.customer_name?.trim() === '' ? null : r.customer_name
  const email = r.customer_email?.trim() === '' ? null : r.customer_email
  return {
    customer: {
      name,
      first_name: firstName(name),
      // The text goes back in the response, where the masking of `email` fields does not reach: a caller without
      // pii:read gets the address masked here, as everywhere else.
      email: email === null ? null : can(actor, 'pii:read') ? email : maskEmail(email),
    },
    agent: { name: await agentName(db, actor) },
    conversation: { id: Number(r.id), subject: r.subject },
    workspace: { name: r.workspace_name },
  }
}

/** The signed-in person's name; an API key (or a user without a name) is shown by its label. */
async function agentName(db: Db, actor: Actor): Promise<string> {
  if (actor.kind === 'user' && actor.id !== null) {
    const [u] = await db.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [actor.id])
    const name = u?.name.trim() ?? ''
    if (name !== '') return name
  }
  return actor.label
}
