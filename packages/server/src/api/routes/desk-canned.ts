import { z } from 'zod'
import { CANNED_LANGS, cannedInput, cannedPatch } from '../../services/desk/canned/canned-input.ts'
import { CANNED_SORTS, createCanned, deleteCanned, getCanned, listCanned, renderCannedFor, updateCanned } from '../../services/desk/canned/canned-responses.ts'
import { MERGE_FIELD_PATHS } from '../../services/desk/canned/merge-fields.ts'
import type { Db } from '../../store/db.ts'
import { decimalId, errors, idParams, listParams, pageOf, rowsAs, safeText, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'

const cannedOut = z.object({
  id: z.number().int().describe('Internal id'),
  lang: z.enum(CANNED_LANGS).describe('The language the reply is written in'),
  title: z.string().describe('What agents see in the picker'),
  shortcut: z.string().nullable().describe('What an agent types to insert it, like /refund; null for none'),
  body: z.string().describe('The Liquid template, as saved (plain text: render it for a conversation to get the reply)'),
  created_by: z.string().describe('Who wrote it (e-mail address or key label)'),
  created_at: z.string().describe('When it was written'),
  updated_at: z.string().describe('When it last changed'),
})

const renderedOut = z.object({
  text: z.string().describe('The reply with its merge fields filled in, as plain text (show it as text, not HTML)'),
  missing: z.array(z.enum(MERGE_FIELD_PATHS)).describe('Merge fields the response uses that are empty for this conversation (e.g. customer.email when the customer has no address): check the text before sending'),
})

const listQuery = listParams(Object.keys(CANNED_SORTS), 'title').extend({
  lang: z.enum(CANNED_LANGS).optional().describe('Only responses in this language'),
  q: safeText(200).optional().describe('Part of the title, the body or the shortcut (any case)'),
})

const renderParams = z.strictObject({
  id: decimalId.describe("The conversation's id"),
  cannedId: decimalId.describe("The canned response's id"),
})

/** /api/v1/desk/canned and …/conversations/:id/canned/:cannedId/render: saved replies with merge fields. */
export function deskCannedRoutes(db: Db) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['desk']
    app.get('/canned', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Canned responses, filtered by language and text', headers: workspaceHeader, querystring: listQuery,
        response: { 200: pageOf(cannedOut), ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(pageOf(cannedOut), await listCanned(db, req.actor, req.query)))

    app.post('/canned', {
      config: { access: 'desk:reply' },
      schema: {
        tags, summary: 'Save a canned response',
        description: 'The body is a Liquid template that may use only the merge fields (400 at body.body naming any other variable); a shortcut already used in the workspace is 409.',
        headers: workspaceHeader, body: cannedInput, response: { 201: cannedOut, ...errors(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      reply.code(201)
      return rowsAs(cannedOut, await createCanned(db, req.actor, req.body))
    })

    app.get('/canned/:id', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'A canned response', headers: workspaceHeader, params: idParams, response: { 200: cannedOut, ...errors(400, 401, 403, 404) } },
    }, async (req) => rowsAs(cannedOut, await getCanned(db, req.actor, req.params.id)))

    app.patch('/canned/:id', {
      config: { access: 'desk:reply' },
      schema: {
        tags, summary: 'Change a canned response', description: 'Fields present replace stored values; a null shortcut removes it.',
        headers: workspaceHeader, params: idParams, body: cannedPatch, response: { 200: cannedOut, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req) => rowsAs(cannedOut, await updateCanned(db, req.actor, req.params.id, req.body)))

    app.delete('/canned/:id', {
      config: { access: 'desk:reply' },
      schema: { tags, summary: 'Delete a canned response', headers: workspaceHeader, params: idParams, response: { 204: z.undefined(), ...errors(400, 401, 403, 404) } },
    }, async (req, reply) => {
      await deleteCanned(db, req.actor, req.params.id)
      return reply.code(204).send()
    })

    app.post('/conversations/:id/canned/:cannedId/render', {
      config: { access: 'desk:reply' },
      schema: {
        tags, summary: 'A canned response filled in for a conversation, with the merge fields that were empty',
        description: 'Nothing is sent or stored: put the text in the reply box, check it, and send it as a message.',
        headers: workspaceHeader, params: renderParams, response: { 200: renderedOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => rowsAs(renderedOut, await renderCannedFor(db, req.actor, req.params.id, req.params.cannedId)))
  }
}
