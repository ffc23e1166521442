import { arrayLiteral } from '../../store/array-literal.ts'
import type { Db } from '../../store/db.ts'

/**
 * The writers of stored results. Each replaces the whole set of one kind in the workspace (DELETE, then one
 * INSERT from unnest'ed arrays) and must run inside the scoring transaction, so a reader sees the old set or
 * the new one. Every number is checked first: a NaN or infinite score fails the run instead of being stored.
 */
export interface CustomerScoreRow {
  customerId: number
  score: number | null
  percentile?: number | null
  band?: string | null
  label?: string | null
  reasons?: unknown
  details?: unknown
}

export class NonFiniteScoreError extends Error {
  constructor(what: string, where: string | number, value: number) {
    super(`${what} of ${where} is ${value}: the scoring run stored nothing`)
    this.name = 'NonFiniteScoreError'
  }
}

export function assertFinite(what: string, where: string | number, value: number | null | undefined): void {
  if (value !== null && value !== undefined && !Number.isFinite(value)) throw new NonFiniteScoreError(what, where, value)
}

export async function replaceCustomerScores(tx: Db, workspaceId: number, kind: string, versionId: number, rows: readonly CustomerScoreRow[]): Promise<void> {
  for (const r of rows) {
    assertFinite(`the ${kind} score`, `customer ${r.customerId}`, r.score)
    assertFinite(`the ${kind} percentile`, `customer ${r.customerId}`, r.percentile)
  }
  await tx.query('DELETE FROM customer_scores WHERE workspace_id = $1 AND kind = $2', [workspaceId, kind])
  if (rows.length === 0) return
  await tx.query(
    `INSERT INTO customer_scores (workspace_id, kind, customer_id, model_version_id, score, percentile, band, label, reasons, details)
     SELECT $1, $2, u.customer_id, $3, u.score, u.percentile, u.band, u.label, u.reasons::jsonb, u.details::jsonb
     FROM unnest($4::bigint[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::text[])
       AS u(customer_id, score, percentile, band, label, reasons, details)`,
    [
      workspaceId, kind, versionId,
      arrayLiteral(rows.map((r) => r.customerId)),
      arrayLiteral(rows.map((r) => r.score)),
      arrayLiteral(rows.map((r) => r.percentile ?? null)),
      arrayLiteral(rows.map((r) => r.band ?? null)),
      arrayLiteral(rows.map((r) => r.label ?? null)),
      arrayLiteral(rows.map((r) => (r.reasons === undefined || r.reasons === null ? null : JSON.stringify(r.reasons)))),
      arrayLiteral(rows.map((r) => (r.details === undefined || r.details === null ? null : JSON.stringify(r.details)))),
    ],
  )
}

/**
 * Keeps customer_segment_history in step with a new assignment of customers to segments of `kind`: open rows
 * whose customer moved (or got no segment) are closed at `at`, and customers entering a segment get an open row.
 */
export async function recordSegmentMoves(tx: Db, workspaceId: number, kind: string, assignment: ReadonlyArray<{ customerId: number; segment: string }>, at: Date): Promise<void> {
  const ids = arrayLiteral(assignment.map((a) => a.customerId))
  const segments = arrayLiteral(assignment.map((a) => a.segment))
  // NOT IN over the non-null pairs (history columns are NOT NULL, so it is the NOT EXISTS it replaces) runs
  // as one hashed subplan. The correlated NOT EXISTS ran as a nested loop whenever the planner's statistics
  // of the history table were stale (it believed it had one open row): 20 s on a rerun at 16,000 customers.
  await tx.query(
    `UPDATE customer_segment_history h SET exited_at = $5
     WHERE h.workspace_id = $1 AND h.kind = $2 AND h.exited_at IS NULL
       AND (h.customer_id, h.segment) NOT IN (
         SELECT n.customer_id, n.segment FROM unnest($3::bigint[], $4::text[]) AS n(customer_id, segment)
          WHERE n.customer_id IS NOT NULL AND n.segment IS NOT NULL)`,
    [workspaceId, kind, ids, segments, at.toISOString()],
  )
  await tx.query(
    `INSERT INTO customer_segment_history (workspace_id, customer_id, kind, segment, entered_at)
     SELECT $1, n.customer_id, $2, n.segment, $5 FROM unnest($3::bigint[], $4::text[]) AS n(customer_id, segment)
     WHERE NOT EXISTS (SELECT 1 FROM customer_segment_history h WHERE h.workspace_id = $1 AND h.kind = $2 AND h.customer_id = n.customer_id AND h.exited_at IS NULL)`,
    [workspaceId, kind, ids, segments, at.toISOString()],
  )
}

/** Percentile rank (0..100, ties share the mean rank) of each score among all: the "top 10 %" of a list. */
export function percentileRanks(scores: ArrayLike<number>): Float64Array {
  const n = scores.length
  const out = new Float64Array(n)
  if (n === 0) return out
  if (n === 1) {
    out[0] = 100
    return out
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number))
  for (let i = 0; i < n; ) {
    let j = i
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++
    const rank = (i + j) / 2
    for (let k = i; k <= j; k++) out[order[k] as number] = (100 * rank) / (n - 1)
    i = j + 1
  }
  return out
}
