import type { Readable } from 'node:stream'
import type { JobPage, JobState, JobView, Queue } from '../../adapters/queue/index.ts'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { ENTITIES, type EntityName } from '../../domain/entities.ts'
import { InputError, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { checkColumnMapping, type ColumnMapping } from '../import/column-mapping.ts'
import { inTransaction } from '../transaction.ts'
import { readRejects } from './job-rejects.ts'
import { deleteUpload, markUploadComplete, MAX_UPLOAD_BYTES, receiveUpload, tooLarge, UPLOAD_CHUNK_BYTES, type UploadLimits } from './upload-store.ts'

export async function listJobs(queue: Queue, actor: Actor, opts: { state?: JobState | undefined; kind?: string | undefined; limit: number; cursor?: string | undefined }): Promise<JobPage> {
  requirePermission(actor, 'jobs:read')
  return queue.list(actor.workspaceId, opts)
}

export async function getJob(queue: Queue, actor: Actor, id: string): Promise<JobView> {
  requirePermission(actor, 'jobs:read')
  const job = await queue.get(actor.workspaceId, id)
  if (!job) throw notFound(`job ${id}`)
  return job
}

/**
 * The rejected rows of an import job of the workspace as `line,column,reason` CSV chunks (see
 * job-rejects.ts); another workspace's job, or a job that is not an import, is not found.
 */
export async function jobRejects(db: Db, queue: Queue, actor: Actor, id: string): Promise<AsyncGenerator<Buffer>> {
  const job = await getJob(queue, actor, id)
  if (job.kind !== 'import') throw notFound(`rejected rows of job ${id} (a ${job.kind} job)`)
  return readRejects(db, actor.workspaceId, id)
}

/** Cancels a queued or running job of the workspace; a job that already ended is a conflict. */
export async function cancelJob(db: Db, queue: Queue, actor: Actor, id: string): Promise<JobView> {
  requirePermission(actor, 'jobs:cancel')
  const job = await getJob(queue, actor, id)
  if (!(await queue.cancel(actor.workspaceId, id))) throw new RapportError('conflict', `job ${id} has already ended (${job.state})`)
  await inTransaction(db, (tx) => recordAudit(tx, actor, { action: 'cancel', entity: 'jobs', entityId: id, changes: { kind: { after: job.kind } } }))
  return (await queue.get(actor.workspaceId, id)) ?? job
}

export interface ImportUpload {
  entity: string
  fileName: string
  /** The file as it arrives (a request body): read once, chunk by chunk. */
  body: Readable
  /** Content-Length when the client sent one: a body announced too large is refused before any read. */
  declaredBytes?: number | undefined
  format?: 'csv' | 'jsonl' | undefined
  skipInvalid?: boolean | undefined
  /** File column → field; see column-mapping.ts. */
  columns?: ColumnMapping | undefined
  /** Defaults: MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES. */
  limits?: Partial<UploadLimits> | undefined
}

/**
 * Starts an import from an uploaded body: the file is stored as it arrives (upload-store.ts: no transaction
 * held while the client sends, nothing kept of a body that fails half-way), marked complete with its audit
 * row once whole, and only then is an `import` job queued; the job runs the same import as `rapport import`.
 */
export async function startImport(db: Db, queue: Queue, actor: Actor, upload: ImportUpload): Promise<JobView> {
  requirePermission(actor, 'import')
  if (!(ENTITIES as readonly string[]).includes(upload.entity)) {
    throw new InputError(`unknown entity "${upload.entity}"; expected one of ${ENTITIES.join(', ')}`, [{ path: 'params.entity', message: `must be one of ${ENTITIES.join(', ')}` }])
  }
  const entity = upload.entity as EntityName
  const columns = upload.columns === undefined ? undefined : checkColumnMapping(entity, upload.columns, 'columns')
  const limits: UploadLimits = { maxBytes: upload.limits?.maxBytes ?? MAX_UPLOAD_BYTES, chunkBytes: upload.limits?.chunkBytes ?? UPLOAD_CHUNK_BYTES }
  if (upload.declaredBytes !== undefined && upload.declaredBytes > limits.maxBytes) throw tooLarge(limits.maxBytes)
  const received = await receiveUpload(db, actor.workspaceId, upload.fileName, upload.body, limits)
  let id: string
  try {
    if (upload.declaredBytes !== undefined && received.bytes !== upload.declaredBytes) {
      throw new InputError(`the upload was interrupted: ${received.bytes} of the ${upload.declaredBytes} bytes announced arrived; nothing was kept`)
    }
    if (received.bytes === 0) throw new InputError('the uploaded file is empty', [{ path: 'body', message: 'is empty' }])
    await inTransaction(db, async (tx) => {
      await markUploadComplete(tx, actor.workspaceId, received.id)
      await recordAudit(tx, actor, { action: 'upload', entity: 'uploads', entityId: received.id, changes: { entity: { after: entity }, bytes: { after: received.bytes }, chunks: { after: received.chunks } } })
    })
    id = await queue.enqueue(
      'import',
      { uploadId: received.id, entity, fileName: upload.fileName, format: upload.format ?? null, skipInvalid: upload.skipInvalid ?? false, ...(columns && Object.keys(columns).length > 0 && { columns }) },
      { workspaceId: actor.workspaceId, actorLabel: actor.label, retryLimit: 0 },
    )
  } catch (err) {
    // No job will read it.
    await deleteUpload(db, actor.workspaceId, received.id)
    throw err
  }
  return getJob(queue, actor, id)
}
