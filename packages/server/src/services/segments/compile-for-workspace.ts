import type { SegmentNode } from '../../domain/segment-tree.ts'
import { RapportError } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { compileSegment, type CompiledSegment } from './compiler/compile-segment.ts'
import { resolveReferences } from './compiler/resolve-references.ts'
import type { JoinStrategy } from './compiler/segment-sql.ts'

/** How long one segment query may run on PostgreSQL before it is stopped and answered 422 too_expensive. */
export const SEGMENT_STATEMENT_TIMEOUT_MS = Number(process.env.RAPPORT_SEGMENT_TIMEOUT_MS ?? 15_000)

export async function workspaceTimeZone(db: Db, workspaceId: number): Promise<string> {
  const [row] = await db.query<{ time_zone: string }>('SELECT time_zone FROM workspaces WHERE id = $1', [workspaceId])
  return row?.time_zone ?? 'UTC'
}

/**
 * A tree compiled for one workspace at one instant: its time zone read, every segment it refers to loaded
 * (missing ones and cycles refused at their JSON path). `selfId` is the segment the tree belongs to, if any.
 */
export async function compileForWorkspace(db: Db, workspaceId: number, tree: SegmentNode, opts: { now?: Date; selfId?: number | null; pathPrefix?: string; strategy?: JoinStrategy } = {}): Promise<CompiledSegment> {
  const [timeZone, references] = [await workspaceTimeZone(db, workspaceId), await resolveReferences(db, workspaceId, tree, opts.selfId ?? null, opts.pathPrefix)]
  return compileSegment(tree, { workspaceId, now: opts.now ?? new Date(), timeZone, references, ...(opts.strategy && { strategy: opts.strategy }) })
}

/**
 * Runs segment queries in one transaction under a statement timeout (PostgreSQL), so a pathological tree is
 * stopped and answered too_expensive rather than holding a connection. PGlite cannot interrupt a statement
 * (it has no timer signal); there the depth and size limits of the tree are the guard.
 */
export type RunTransaction = <T>(fn: (tx: Db) => Promise<T>) => Promise<T>

export async function boundedSegmentQuery<T>(db: Db, fn: (tx: Db) => Promise<T>, opts: { timeoutMs?: number; transaction?: RunTransaction } = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? SEGMENT_STATEMENT_TIMEOUT_MS
  const transaction: RunTransaction = opts.transaction ?? ((f) => db.transaction(f))
  try {
    return await transaction(async (tx) => {
      if (tx.kind === 'postgres') {
        await tx.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`)
        // Measured on 1M customers (bench/results/segments.md): a parallel plan rebuilds every per-customer
        // aggregate in each worker, and JIT compiling the expressions costs more than it saves for one query.
        // Measured again with the index-only plan of the count (semi-joins, migration 0017): 2 workers took
        // 600 ms against 380 ms without, on the 2 shared cores.
        await tx.query('SET LOCAL max_parallel_workers_per_gather = 0')
        await tx.query('SET LOCAL jit = off')
        // The grouped aggregates of a window hash a row per customer: kept in memory instead of spilling.
        await tx.query(`SET LOCAL work_mem = '64MB'`)
      }
      return fn(tx)
    })
  } catch (err) {
    if ((err as { code?: unknown }).code === '57014') {
      throw new RapportError('too_expensive', `the segment took longer than ${Math.round(timeoutMs / 1000)} s to evaluate and was stopped; simplify the conditions or narrow their windows`, { cause: err })
    }
    throw err
  }
}
