import { randomBytes } from 'node:crypto'
import { requirePermission, type Actor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { isoTime } from '../../../store/entity-view.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { parseInput } from '../../parse-input.ts'
import { inTransaction } from '../../transaction.ts'
import { chatWidgetPatch, DEFAULT_CHAT_POLICY, DEFAULT_GREETINGS, type ChatWidgetPatch } from './chat-widget-input.ts'

export interface ChatWidget {
  workspace_id: number
  site_key: string
  enabled: boolean
  allowed_origins: string[]
  greeting_en: string
  greeting_zh: string
  min_confidence: number
  min_retrieval_share: number
  clarify_margin: number
  updated_at: string
}

const SELECT = `workspace_id, site_key, enabled, allowed_origins, greeting_en, greeting_zh, min_confidence, min_retrieval_share, clarify_margin,
  ${isoTime('updated_at')} AS updated_at`

const newSiteKey = (): string => `pk_${randomBytes(18).toString('base64url')}`

/** The row an INSERT … RETURNING or UPDATE … RETURNING of the workspace's widget gives back (always one). */
const one = (r: Record<string, unknown> | undefined): Record<string, unknown> => {
  if (!r) throw new Error('chat_widgets: the statement returned no row')
  return r
}

const toView = (r: Record<string, unknown>): ChatWidget => ({
  ...(r as unknown as ChatWidget), workspace_id: Number(r.workspace_id),
  min_confidence: Number(r.min_confidence), min_retrieval_share: Number(r.min_retrieval_share), clarify_margin: Number(r.clarify_margin),
})

/** The workspace's widget, made with the defaults the first time anyone asks (so a site key always exists). */
export async function widgetOf(db: Db, workspaceId: number): Promise<ChatWidget> {
  const [r] = await db.query(
    `INSERT INTO chat_widgets (workspace_id, site_key, greeting_en, greeting_zh, min_confidence, min_retrieval_share, clarify_margin)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id RETURNING ${SELECT}`,
    [workspaceId, newSiteKey(), DEFAULT_GREETINGS.en, DEFAULT_GREETINGS.zh, DEFAULT_CHAT_POLICY.min_confidence, DEFAULT_CHAT_POLICY.min_retrieval_share, DEFAULT_CHAT_POLICY.clarify_margin])
  return toView(one(r))
}

/** The widget a public site key names, or null (unknown keys are refused by the caller). */
export async function widgetBySiteKey(db: Db, siteKey: string): Promise<ChatWidget | null> {
  const [r] = await db.query(`SELECT ${SELECT} FROM chat_widgets WHERE site_key = $1`, [siteKey])
  return r ? toView(r) : null
}

export async function getChatWidget(db: Db, actor: Actor): Promise<ChatWidget> {
  requirePermission(actor, 'customers:read')
  return widgetOf(db, actor.workspaceId)
}

const FIELDS = ['enabled', 'allowed_origins', 'greeting_en', 'greeting_zh', 'min_confidence', 'min_retrieval_share', 'clarify_margin'] as const

export async function updateChatWidget(db: Db, actor: Actor, body: ChatWidgetPatch): Promise<ChatWidget> {
  requirePermission(actor, 'settings:write')
  const patch = parseInput(chatWidgetPatch, body)
  return inTransaction(db, async (tx) => {
    const before = await widgetOf(tx, actor.workspaceId)
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ChatWidget
    next.allowed_origins = [...new Set(next.allowed_origins)]
    const changes: Record<string, { before: unknown; after: unknown }> = {}
    for (const k of FIELDS) if (JSON.stringify(before[k]) !== JSON.stringify(next[k])) changes[k] = { before: before[k], after: next[k] }
    if (Object.keys(changes).length === 0) return before
    const [r] = await tx.query(
      `UPDATE chat_widgets SET enabled = $2, allowed_origins = $3, greeting_en = $4, greeting_zh = $5, min_confidence = $6, min_retrieval_share = $7,
              clarify_margin = $8, updated_at = now() WHERE workspace_id = $1 RETURNING ${SELECT}`,
      [actor.workspaceId, next.enabled, next.allowed_origins, next.greeting_en, next.greeting_zh, next.min_confidence, next.min_retrieval_share, next.clarify_margin])
    await recordAudit(tx, actor, { action: 'update', entity: 'chat_widgets', entityId: actor.workspaceId, changes })
    return toView(one(r))
  })
}

/** A new site key; pages embedding the old one stop working at once (for a key copied somewhere it should not be). */
export async function rotateSiteKey(db: Db, actor: Actor): Promise<ChatWidget> {
  requirePermission(actor, 'settings:write')
  return inTransaction(db, async (tx) => {
    await widgetOf(tx, actor.workspaceId)
    const [r] = await tx.query(`UPDATE chat_widgets SET site_key = $2, updated_at = now() WHERE workspace_id = $1 RETURNING ${SELECT}`, [actor.workspaceId, newSiteKey()])
    await recordAudit(tx, actor, { action: 'rotate_key', entity: 'chat_widgets', entityId: actor.workspaceId, changes: {} })
    return toView(one(r))
  })
}
