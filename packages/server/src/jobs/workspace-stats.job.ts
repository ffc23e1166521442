import { z } from 'zod'
import type { JobHandler } from '../adapters/queue/index.ts'
import { InputError } from '../errors/rapport-error.ts'

/** What `workspace.stats` stores as its result. */
export interface WorkspaceStats {
  /** Rows of the workspace per table, for every table that has a workspace_id (the queue's own excepted). */
  tables: Record<string, number>
  total: number
}

const payloadSchema = z.object({}).strict()

/** The queue's bookkeeping is not workspace data. */
const SKIPPED = new Set(['jobs', 'job_schedules'])

/**
 * `workspace.stats`: counts the workspace's rows in each table, in one read-only snapshot (REPEATABLE READ,
 * so the counts are of one moment even while imports run), reporting progress table by table. Tables
 * are found from the catalogue, so a table added by a later migration is counted without a change here.
 */
export const workspaceStatsJob: JobHandler = async (job, ctx) => {
  const parsed = payloadSchema.safeParse(job.payload)
  if (!parsed.success) throw new InputError(`workspace.stats takes no options: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`)
  return ctx.transaction(async (tx): Promise<WorkspaceStats> => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    const found = await tx.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = current_schema() AND c.column_name = 'workspace_id' ORDER BY c.table_name`,
    )
    const names = found.map((r) => r.table_name).filter((n) => !SKIPPED.has(n))
    const tables: Record<string, number> = {}
    let total = 0
    for (const [i, name] of names.entries()) {
      ctx.signal.throwIfAborted()
      const [row] = await tx.query<{ n: number | string }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}" WHERE workspace_id = $1`, [job.workspaceId])
      const n = Number(row?.n ?? 0)
      tables[name] = n
      total += n
      await ctx.progress((i + 1) / names.length, `counted ${name}`)
    }
    return { tables, total }
  })
}
