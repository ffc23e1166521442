import { randomUUID } from 'node:crypto'
import type { JobPage, JobState, JobView, Queue } from '../../adapters/queue/index.ts'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import { ENTITIES, type EntityName } from '../../domain/entities.ts'
import { InputError, notFound, RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'

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
  bytes: Buffer
  format?: 'csv' | 'jsonl' | undefined
  skipInvalid?: boolean | undefined
}

/**
 * Starts an import from uploaded bytes: the file is stored (so any worker can read it) and an `import`
 * job is queued in one transaction; the job then runs the same import as `rapport import`, with progress.
 */
export async function startImport(db: Db, queue: Queue, actor: Actor, upload: ImportUpload): Promise<JobView> {
  requirePermission(actor, 'import')
  if (!(ENTITIES as readonly string[]).includes(upload.entity)) {
    throw new InputError(`unknown entity "${upload.entity}"; expected one of ${ENTITIES.join(', ')}`, [{ path: 'params.entity', message: `must be one of ${ENTITIES.join(', ')}` }])
  }
  if (upload.bytes.length === 0) throw new InputError('the uploaded file is empty', [{ path: 'body', message: 'is empty' }])
  const uploadId = randomUUID()
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO uploads (workspace_id, id, file_name, bytes) VALUES ($1, $2, $3, $4)', [actor.workspaceId, uploadId, upload.fileName, upload.bytes])
    await recordAudit(tx, actor, { action: 'upload', entity: 'uploads', entityId: uploadId, changes: { entity: { after: upload.entity }, bytes: { after: upload.bytes.length } } })
  })
  const id = await queue.enqueue(
    'import',
    { uploadId, entity: upload.entity as EntityName, fileName: upload.fileName, format: upload.format ?? null, skipInvalid: upload.skipInvalid ?? false },
    { workspaceId: actor.workspaceId, actorLabel: actor.label, retryLimit: 0 },
  )
  return getJob(queue, actor, id)
}
