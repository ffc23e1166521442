import type { Queue } from '../../adapters/queue/index.ts'
import type { Db } from '../../store/db.ts'

export const refreshScheduleName = (workspaceId: number) => `models.refresh:ws${workspaceId}`

/**
 * The nightly retrain-and-rescore of every workspace (`cron`, UTC), or none when cron is undefined. Called at
 * start-up; a schedule under the same name is replaced, so changing RAPPORT_MODELS_CRON takes effect on restart.
 */
export async function ensureModelSchedules(db: Db, queue: Queue, cron: string | undefined): Promise<number> {
  const rows = await db.query<{ id: number }>('SELECT id FROM workspaces ORDER BY id')
  for (const { id } of rows) {
    const ws = Number(id)
    if (cron === undefined) await queue.unschedule(refreshScheduleName(ws))
    else await queue.schedule(refreshScheduleName(ws), cron, 'models.refresh', {}, { workspaceId: ws, actorLabel: 'system', uniqueKey: 'models:refresh', retryLimit: 0 })
  }
  return cron === undefined ? 0 : rows.length
}

/** Queues the first training of a freshly loaded workspace (the demo on first start). */
export async function queueFirstTraining(queue: Queue, workspaceId: number): Promise<string> {
  return queue.enqueue('models.refresh', {}, { workspaceId, actorLabel: 'system', uniqueKey: 'models:refresh', retryLimit: 0 })
}
