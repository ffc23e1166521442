import { z } from 'zod'
import type { Queue } from '../../adapters/queue/index.ts'
import { MODEL_KIND_NAMES } from '../../services/intelligence/model-kind.ts'
import { MODEL_STATUSES } from '../../services/intelligence/model-versions.ts'
import {
  getModelVersion, listModelKinds, listModelVersions, requestPromotion, requestRefresh, requestTraining,
} from '../../services/intelligence/models-service.ts'
import type { Db } from '../../store/db.ts'
import { errors, idParams, limitParam, rowsAs, workspaceHeader } from '../schemas.ts'
import type { ZodApp } from './crud.ts'
import { jobOut } from './jobs.ts'

const versionOut = z.object({
  id: z.number().int(),
  kind: z.enum(MODEL_KIND_NAMES),
  version: z.number().int().describe('1, 2, … per kind'),
  status: z.enum(MODEL_STATUSES).describe('active: its results are the stored ones; insufficient_data / failed: see reason'),
  reason: z.string().nullable().describe('Why it is not active, what data it needs, or why it failed'),
  job_id: z.string().nullable(),
  actor: z.string(),
  params: z.record(z.string(), z.unknown()).describe('Training options, resolved with their defaults'),
  training: z.record(z.string(), z.unknown()).describe('Windows (ISO instants), row counts, customers excluded for want of profiling consent'),
  metrics: z.record(z.string(), z.number().nullable()).describe('Backtest metrics; baseline_* are the baseline\'s'),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  activated_at: z.string().nullable(),
  scored_at: z.string().nullable(),
  scored_rows: z.number().int().nullable(),
})
const title = z.object({ en: z.string(), 'zh-CN': z.string() })
const kindOut = z.object({ kind: z.enum(MODEL_KIND_NAMES), title, active: versionOut.nullable(), latest: versionOut.nullable() })
const kindParam = z.strictObject({ kind: z.enum(MODEL_KIND_NAMES).describe('Model kind') })

/** /api/v1/models: the model registry — versions with backtests, training, refresh, promotion and rollback. */
export function modelRoutes(db: Db, queue: Queue) {
  return async (app: ZodApp): Promise<void> => {
    const tags = ['models']
    app.get('/', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'Model kinds with their active and latest versions, and the versions newest first', headers: workspaceHeader,
        querystring: z.strictObject({ kind: z.enum(MODEL_KIND_NAMES).optional(), status: z.enum(MODEL_STATUSES).optional(), limit: limitParam }),
        response: { 200: z.object({ kinds: z.array(kindOut), data: z.array(versionOut) }), ...errors(400, 401, 403) },
      },
    }, async (req) => rowsAs(z.object({ kinds: z.array(kindOut), data: z.array(versionOut) }), {
      kinds: await listModelKinds(db, req.actor),
      data: await listModelVersions(db, req.actor, { kind: req.query.kind, status: req.query.status, limit: req.query.limit }),
    }))

    app.get('/:id', {
      config: { access: 'customers:read' },
      schema: {
        tags, summary: 'A model version: metrics, curves, calibration, lift, fairness, importance, backtest tables', headers: workspaceHeader, params: idParams,
        response: { 200: versionOut.extend({ report: z.record(z.string(), z.unknown()) }), ...errors(400, 401, 403, 404) },
      },
    }, async (req) => rowsAs(versionOut.extend({ report: z.record(z.string(), z.unknown()) }), await getModelVersion(db, req.actor, req.params.id)))

    app.post('/:kind/train', {
      config: { access: 'models:train' },
      schema: {
        tags, summary: 'Train a new version of a model kind (a job); it becomes active when its backtest is not worse', headers: workspaceHeader, params: kindParam,
        body: z.strictObject({ options: z.record(z.string(), z.unknown()).default({}).describe('Kind-specific training options, e.g. { "horizon_days": 60 }') }).default({ options: {} }),
        response: { 202: jobOut, ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      reply.code(202)
      return requestTraining(queue, req.actor, req.params.kind, req.body.options)
    })

    app.post('/refresh', {
      config: { access: 'models:train' },
      schema: {
        tags, summary: 'Retrain and rescore every model kind (a job), or rescore with the active versions', headers: workspaceHeader,
        body: z.strictObject({ kinds: z.array(z.enum(MODEL_KIND_NAMES)).min(1).optional(), rescore_only: z.boolean().default(false) }).default({ rescore_only: false }),
        response: { 202: jobOut, ...errors(400, 401, 403) },
      },
    }, async (req, reply) => {
      reply.code(202)
      return requestRefresh(queue, req.actor, req.body.kinds, req.body.rescore_only)
    })

    app.post('/:id/promote', {
      config: { access: 'models:train' },
      schema: {
        tags, summary: 'Make a trained or retired version active (promote, or roll back), rescoring with it (a job)', headers: workspaceHeader, params: idParams,
        response: { 202: jobOut, ...errors(400, 401, 403, 404, 409) },
      },
    }, async (req, reply) => {
      reply.code(202)
      return requestPromotion(db, queue, req.actor, req.params.id)
    })
  }
}
