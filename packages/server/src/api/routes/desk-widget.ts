import { z } from 'zod'
import { chatWidgetPatch } from '../../services/desk/chat/chat-widget-input.ts'
import { getChatWidget, rotateSiteKey, updateChatWidget } from '../../services/desk/chat/chat-widget.ts'
import type { Db } from '../../store/db.ts'
import { errors, rowsAs, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

const widgetOut = z.object({
  site_key: z.string().describe('Public: it names the widget and grants nothing'),
  enabled: z.boolean(),
  allowed_origins: z.array(z.string()),
  greeting_en: z.string(),
  greeting_zh: z.string(),
  min_confidence: z.number(),
  min_retrieval_share: z.number(),
  clarify_margin: z.number(),
  updated_at: z.string(),
})

/** /api/v1/desk/widget: the chat widget's settings (site key, allowed origins, greetings, answer policy). */
export function deskWidgetRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['desk']
    app.get('/widget', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'The chat widget: site key, allowed origins, greetings and answer policy', headers: workspaceHeader, response: { 200: widgetOut, ...errors(401, 403) } },
    }, async (req) => rowsAs(widgetOut, await getChatWidget(db, req.actor)))

    app.patch('/widget', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'Change the chat widget', headers: workspaceHeader, body: chatWidgetPatch, response: { 200: widgetOut, ...errors(400, 401, 403) } },
    }, async (req) => rowsAs(widgetOut, await updateChatWidget(db, req.actor, req.body)))

    app.post('/widget/rotate-key', {
      config: { access: 'settings:write' },
      schema: { tags, summary: 'A new site key: pages with the old one stop working', headers: workspaceHeader, response: { 200: widgetOut, ...errors(401, 403) } },
    }, async (req) => rowsAs(widgetOut, await rotateSiteKey(db, req.actor)))
  }
}
