import type { JobContext } from '../../adapters/queue/index.ts'
import type { EntityName } from '../../domain/entities.ts'

/** An import that adds or changes at least this many rows of customer history queues a rescore. */
export const LARGE_IMPORT_ROWS = 1000

const HISTORY: ReadonlySet<EntityName> = new Set(['customers', 'orders', 'order_items', 'events', 'reviews', 'tickets', 'consents'])

/**
 * After a large import the stored scores describe yesterday's data: queue `models.refresh` in rescore-only
 * mode (the active versions score the new data; retraining stays on its schedule). Only when some model is
 * active, and under its own unique key, so a burst of imports queues one rescore while another is waiting.
 */
export async function queueRescoreAfterImport(
  ctx: Pick<JobContext, 'db' | 'enqueue'>,
  job: { workspaceId: number; actorLabel: string },
  entity: EntityName,
  changedRows: number,
): Promise<string | undefined> {
  if (!HISTORY.has(entity) || changedRows < LARGE_IMPORT_ROWS) return undefined
  const [active] = await ctx.db.query(`SELECT 1 FROM model_versions WHERE workspace_id = $1 AND status = 'active' LIMIT 1`, [job.workspaceId])
  if (!active) return undefined
  return ctx.enqueue('models.refresh', { rescore_only: true }, { workspaceId: job.workspaceId, actorLabel: job.actorLabel, uniqueKey: 'models:rescore', retryLimit: 0 })
}
