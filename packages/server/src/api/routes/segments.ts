import { z } from 'zod'
import type { Queue } from '../../adapters/queue/index.ts'
import { segmentInput, segmentPatch, SEGMENT_KINDS } from '../../domain/segment-input.ts'
import { segmentNode } from '../../domain/segment-tree.ts'
import { exportEntity } from '../../services/export/export-entity.ts'
import { explainMembership } from '../../services/segments/explain-membership.ts'
import { phraseVocabulary } from '../../services/segments/phrase-vocabulary.ts'
import { parsePhrase } from '../../services/segments/phrases/parse-phrase.ts'
import { previewSegment } from '../../services/segments/preview-segment.ts'
import { segmentGrowth } from '../../services/segments/segment-growth.ts'
import { assertSegment, customerSegments, listSegmentMembers, memberFilter, MEMBER_SORTS } from '../../services/segments/segment-members.ts'
import {
  createSegment, deleteSegment, getSegment, listSegments, requestSegmentRefresh, updateSegment,
} from '../../services/segments/segments-service.ts'
import { requirePermission } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { decimalId, decimalInt, errors, idParams, limitParam, listParams, pageOf, rowsAs, safeText, timeParam, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'
import { jobOut } from './jobs.ts'
import { sendCustomerCsv } from './send-customer-csv.ts'

const segmentOut = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(SEGMENT_KINDS),
  tree: segmentNode,
  version: z.number().int().describe('1, then +1 at every change of the tree'),
  refresh_every_hours: z.number().int().nullable(),
  member_count: z.number().int().nullable().describe('Members at the last refresh; null before the first'),
  refreshed_at: z.string().nullable(),
  refresh_job_id: z.string().nullable().describe('The latest refresh job (GET /jobs/:id)'),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  growth: z.array(z.object({ day: z.string(), size: z.number().int() })).describe('Members at the end of each of the last 30 days'),
})

const previewOut = z.object({
  total: z.number().int(),
  sample: z.array(z.object({ id: z.number().int(), external_id: z.string(), name: z.string().nullable(), email: z.string().nullable(), city: z.string().nullable() })),
  conditions: z.array(z.object({ path: z.string().describe('JSON path of the condition in the tree, e.g. $.conditions[1].conditions[0]'), count: z.number().int() }))
    .describe('Each condition evaluated on its own over the workspace'),
  sql: z.string().describe('The compiled query; run it with params'),
  params: z.array(z.unknown()),
  sql_inline: z.string().describe('The same query with its values written in, to run by hand'),
  elapsed_ms: z.number(),
})

const memberOut = z.object({
  id: z.number().int(), external_id: z.string(), name: z.string().nullable(), email: z.string().nullable(), city: z.string().nullable(),
  entered_at: z.string(), churn_score: z.number().nullable(), churn_band: z.string().nullable(), clv: z.number().nullable(), p_alive: z.number().nullable(),
})

const whyOut = z.object({
  segment_id: z.number().int(),
  customer_id: z.number().int(),
  matched: z.boolean().describe('The whole tree, evaluated now'),
  member: z.boolean().describe('Stored as a member by the last refresh'),
  conditions: z.array(z.object({
    path: z.string(), text: z.object({ en: z.string(), 'zh-CN': z.string() }),
    actual: z.union([z.string(), z.number(), z.boolean()]).nullable().describe('The value the condition looked at'), matched: z.boolean(),
  })),
})

const phraseOut = z.object({
  tree: segmentNode.nullable(),
  unknown: z.array(z.string()).describe('Words that were not understood (never guessed)'),
  lang: z.enum(['en', 'zh']),
  recognised: z.array(z.object({ text: z.string(), path: z.string() })),
})

const growthOut = z.object({ data: z.array(z.object({ day: z.string(), added: z.number().int(), dropped: z.number().int(), size: z.number().int() })) })
const customerSegmentsOut = z.object({
  at: z.string().nullable(),
  data: z.array(z.object({ segment: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }), entered_at: z.string(), exited_at: z.string().nullable() })),
})

const segmentIdParams = z.strictObject({ id: decimalId.describe('Segment id'), customerId: decimalId.describe('Internal customer id') })

/** /api/v1/segments: audiences by condition tree — CRUD, live preview, phrases, members with history, why. */
export function segmentRoutes(db: Db, queue: Queue) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['segments']

    app.get('/', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Segments, newest first, with their sizes and 30-day growth', headers: workspaceHeader,
        querystring: z.strictObject({ limit: limitParam, cursor: decimalId.optional().describe('next_cursor of the previous page'), q: safeText(200).optional().describe('Part of the name') }),
        response: { 200: pageOf(segmentOut), ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(pageOf(segmentOut), await listSegments(db, req.actor, req.query)))

    app.post('/', {
      config: { access: 'segments:write' },
      schema: {
        tags, summary: 'Create a segment; its members are computed by a refresh job', headers: workspaceHeader, body: segmentInput,
        response: { 201: segmentOut, ...errors(400, 401, 403, 422) },
      },
    }, async (req, reply) => {
      reply.code(201)
      return rowsAs(segmentOut, await createSegment(db, queue, req.actor, req.body))
    })

    app.post('/preview', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Evaluate a tree without saving it: total, a sample, each condition\'s count, the SQL', headers: workspaceHeader,
        body: z.strictObject({ tree: segmentNode, sample: z.number().int().min(0).max(50).default(20) }),
        response: { 200: previewOut, ...errors(400, 401, 403, 422) },
      },
    }, async (req) => rowsAs(previewOut, await previewSegment(db, req.actor, req.body.tree, { sample: req.body.sample })))

    app.post('/parse', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Turn a phrase (English or Chinese) into a tree to review; unknown words are listed', headers: workspaceHeader,
        body: z.strictObject({ text: z.string().min(1).max(500).refine((s) => !s.includes('\u0000'), 'contains a NUL character'), lang: z.enum(['en', 'zh']).optional() }),
        response: { 200: phraseOut, ...errors(400, 401, 403) },
      },
    }, async (req) => {
      requirePermission(req.actor, 'customers:read')
      return rowsAs(phraseOut, parsePhrase(req.body.text, await phraseVocabulary(db, req.actor.workspaceId), req.body.lang))
    })

    app.get('/:id', {
      config: { access: 'customers:read' },
      schema: { tags, summary: 'A segment', headers: workspaceHeader, params: idParams, response: { 200: segmentOut, ...errors(400, 401, 403, 404) } },
    }, async (req) => rowsAs(segmentOut, await getSegment(db, req.actor, req.params.id)))

    app.patch('/:id', {
      config: { access: 'segments:write' },
      schema: {
        tags, summary: 'Change a segment (a new tree is a new version and queues a refresh)', headers: workspaceHeader, params: idParams, body: segmentPatch,
        response: { 200: segmentOut, ...errors(400, 401, 403, 404, 422) },
      },
    }, async (req) => rowsAs(segmentOut, await updateSegment(db, queue, req.actor, req.params.id, req.body)))

    app.delete('/:id', {
      config: { access: 'segments:write' },
      schema: { tags, summary: 'Delete a segment and its history (refused while another segment uses it)', headers: workspaceHeader, params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404, 409) } },
    }, async (req, reply) => {
      await deleteSegment(db, queue, req.actor, req.params.id)
      return reply.code(204).send(null)
    })

    app.post('/:id/refresh', {
      config: { access: 'segments:write' },
      schema: { tags, summary: 'Recompute the members (a job)', headers: workspaceHeader, params: idParams, response: { 202: jobOut, ...errors(400, 401, 403, 404) } },
    }, async (req, reply) => {
      reply.code(202)
      return requestSegmentRefresh(db, queue, req.actor, req.params.id)
    })

    app.get('/:id/members', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Current members, sortable by score', headers: workspaceHeader, params: idParams,
        querystring: listParams(Object.keys(MEMBER_SORTS), 'id'),
        response: { 200: pageOf(memberOut), ...errors(400, 401, 403, 404) },
      },
    }, async (req) => rowsAs(pageOf(memberOut), await listSegmentMembers(db, req.actor, req.params.id, req.query)))

    app.get('/:id/export', {
      config: { access: 'export' },
      schema: {
        tags, summary: 'Export the current members as CSV (the customer import shape; PII masked without pii:read)', headers: workspaceHeader, params: idParams,
        response: { 200: z.string().describe('text/csv'), ...errors(400, 401, 403, 404) },
      },
    }, async (req, reply) => {
      requirePermission(req.actor, 'export')
      await assertSegment(db, req.actor.workspaceId, req.params.id)
      return sendCustomerCsv(reply, exportEntity(db, req.actor, 'customers', 2000, memberFilter(req.actor.workspaceId, req.params.id)), `segment-${req.params.id}.csv`)
    })

    app.get('/:id/growth', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Members added and dropped per day, and the size at each day\'s end (workspace time zone)', headers: workspaceHeader, params: idParams,
        querystring: z.strictObject({ days: decimalInt(1, 365).default(90).describe('Days back (1-365)') }),
        response: { 200: growthOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => {
      requirePermission(req.actor, 'customers:read')
      await assertSegment(db, req.actor.workspaceId, req.params.id)
      return { data: await segmentGrowth(db, req.actor.workspaceId, req.params.id, req.query.days) }
    })

    app.get('/:id/why/:customerId', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Why a customer is or is not in the segment: each condition with its value', headers: workspaceHeader, params: segmentIdParams,
        response: { 200: whyOut, ...errors(400, 401, 403, 404) },
      },
    }, async (req) => rowsAs(whyOut, await explainMembership(db, req.actor, req.params.id, req.params.customerId)))
  }
}

/** GET /api/v1/customers/:id/segments: the segments a customer is in (or was in at an instant). */
export function registerCustomerSegments(app: ZodApp, db: Db): void {
  app.get('/:id/segments', {
    config: { access: 'customers:read' },
    schema: {
      tags: ['customers'], summary: 'The segments a customer is in now, or was in at `at`', headers: workspaceHeader, params: idParams,
      querystring: z.strictObject({ at: timeParam.optional().describe('An instant: the memberships that held then') }),
      response: { 200: customerSegmentsOut, ...errors(400, 401, 403, 404) },
    },
  }, async (req) => {
    const at = req.query.at === undefined ? undefined : new Date(req.query.at)
    return { at: at ? at.toISOString() : null, data: await customerSegments(db, req.actor, req.params.id, at) }
  })
}
