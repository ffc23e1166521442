import { performance } from 'node:perf_hooks'
import { requirePermission, type Actor } from '../../domain/actor.ts'
import type { SegmentNode } from '../../domain/segment-tree.ts'
import type { Db } from '../../store/db.ts'
import { boundedSegmentQuery, compileForWorkspace } from './compile-for-workspace.ts'
import { inlineSql } from './compiler/inline-sql.ts'

export interface SegmentPreview {
  total: number
  sample: Array<{ id: number; external_id: string; name: string | null; email: string | null; city: string | null }>
  /** Each leaf evaluated on its own over the whole workspace: which condition narrows the audience. */
  conditions: Array<{ path: string; count: number }>
  sql: string
  params: unknown[]
  /** The same query with its values written in, for running by hand in psql. */
  sql_inline: string
  elapsed_ms: number
}

/**
 * The live preview of a tree being edited: the total and a sample of members (the tree as it will be
 * refreshed), and each condition's own count (FILTER aggregates in one scan of the workspace's customers).
 */
export async function previewSegment(db: Db, actor: Actor, tree: SegmentNode, opts: { sample?: number; now?: Date } = {}): Promise<SegmentPreview> {
  requirePermission(actor, 'customers:read')
  const started = performance.now()
  const c = await compileForWorkspace(db, actor.workspaceId, tree, { ...(opts.now && { now: opts.now }) })
  // Each condition alone is evaluated over every customer: one pass over each window (grouped) is the cheap
  // way, whichever way the whole tree is best joined.
  const each = c.strategy === 'grouped' ? c : await compileForWorkspace(db, actor.workspaceId, tree, { ...(opts.now && { now: opts.now }), strategy: 'grouped' })
  const sampleSize = opts.sample ?? 20
  const counts = each.leaves.map((l, i) => `count(*) FILTER (WHERE ${l.test}) AS c${i}`)
  const { total, row, sample } = await boundedSegmentQuery(db, async (tx) => {
    const [t] = await tx.query<{ total: number }>(`SELECT count(*) AS total FROM ${c.from} WHERE t.workspace_id = $1 AND ${c.where}`, c.params)
    const [r] = counts.length ? await tx.query<Record<string, number>>(`SELECT ${counts.join(', ')} FROM ${each.from} WHERE t.workspace_id = $1`, each.params) : [{}]
    const s = sampleSize === 0 ? [] : await tx.query<SegmentPreview['sample'][number]>(
      `SELECT t.id, t.external_id, t.name, t.email, t.city FROM ${c.from}
       WHERE t.workspace_id = $1 AND ${c.where} ORDER BY t.id LIMIT ${Math.min(50, Math.max(0, Math.floor(sampleSize)))}`, c.params)
    return { total: Number(t?.total ?? 0), row: r ?? {}, sample: s }
  })
  return {
    total,
    sample: sample.map((s) => ({ ...s, id: Number(s.id) })),
    conditions: c.leaves.map((l, i) => ({ path: l.path, count: Number(row[`c${i}`] ?? 0) })),
    sql: c.sql,
    params: c.params,
    sql_inline: inlineSql(c.sql, c.params),
    elapsed_ms: Math.round(performance.now() - started),
  }
}
