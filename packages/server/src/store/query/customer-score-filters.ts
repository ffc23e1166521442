import { arrayLiteral } from '../array-literal.ts'
import type { SortField } from './list-page.ts'
import type { SqlFilter } from './sql-filter.ts'

/**
 * Customer-list conditions on what the active models stored (customer_scores, one row per (workspace, kind,
 * customer): each condition is an EXISTS probing that primary key) and on purchase history (cohort, products
 * bought together). Absent values add nothing; every value is a parameter. Bounds are inclusive at both ends
 * (a probability of exactly 1 passes churn_max=1).
 */
export interface CustomerScoreFilters {
  churn_band?: string | undefined
  churn_min?: number | undefined
  churn_max?: number | undefined
  clv_min?: number | undefined
  clv_max?: number | undefined
  p_alive_min?: number | undefined
  p_alive_max?: number | undefined
  rfm_segment?: string | undefined
  cluster?: number | undefined
  next_category?: string | undefined
  /** YYYY-MM: month (UTC) of the first completed order. */
  cohort?: string | undefined
  /** Customers with one completed order holding all of these products. */
  bought_products?: readonly number[] | undefined
}

const pAlive = `(CASE WHEN jsonb_typeof(s.details->'p_alive') = 'number' THEN (s.details->>'p_alive')::float8 END)`

/** One condition per score kind present: `customer_scores s` of that kind for `t` satisfying every test. */
function scoreExists(f: SqlFilter, kind: string, tests: string[]): void {
  if (tests.length === 0) return
  f.where(`EXISTS (SELECT 1 FROM customer_scores s WHERE s.workspace_id = t.workspace_id AND s.kind = '${kind}' AND s.customer_id = t.id AND ${tests.join(' AND ')})`)
}

function bounds(f: SqlFilter, expr: string, min: number | undefined, max: number | undefined): string[] {
  const out: string[] = []
  if (min !== undefined) out.push(`${expr} >= ${f.param(min)}::float8`)
  if (max !== undefined) out.push(`${expr} <= ${f.param(max)}::float8`)
  return out
}

export function applyCustomerScoreFilters(f: SqlFilter, q: CustomerScoreFilters): void {
  const churn = bounds(f, 's.score', q.churn_min, q.churn_max)
  if (q.churn_band !== undefined) churn.push(`s.band = ${f.param(q.churn_band)}`)
  scoreExists(f, 'churn', churn)
  scoreExists(f, 'clv', [...bounds(f, 's.score', q.clv_min, q.clv_max), ...bounds(f, pAlive, q.p_alive_min, q.p_alive_max)])
  if (q.rfm_segment !== undefined) scoreExists(f, 'rfm', [`s.label = ${f.param(q.rfm_segment)}`])
  if (q.cluster !== undefined) scoreExists(f, 'cluster', [`s.details->'cluster' = to_jsonb(${f.param(q.cluster)}::int)`])
  if (q.next_category !== undefined) scoreExists(f, 'next_category', [`s.label = ${f.param(q.next_category)}`])
  if (q.cohort !== undefined) {
    const [y, m] = q.cohort.split('-').map(Number) as [number, number]
    const from = new Date(Date.UTC(y, m - 1, 1)).toISOString()
    const to = new Date(Date.UTC(y, m, 1)).toISOString()
    const first = `(SELECT min(o.ordered_at) FROM orders o WHERE o.workspace_id = t.workspace_id AND o.customer_id = t.id AND o.status = 'completed')`
    f.where(`${first} >= ${f.param(from)}::timestamptz AND ${first} < ${f.param(to)}::timestamptz`)
  }
  if (q.bought_products !== undefined && q.bought_products.length > 0) {
    const ids = [...new Set(q.bought_products)]
    // Driven by the products' order lines (order_items_product_idx), not by every customer: the orders holding
    // all of them, then their customers. $1 is the workspace (SqlFilter's first parameter).
    f.where(`t.id IN (SELECT o.customer_id FROM order_items i
      JOIN orders o ON o.workspace_id = i.workspace_id AND o.id = i.order_id AND o.status = 'completed'
      WHERE i.workspace_id = $1 AND i.product_id = ANY(${f.param(arrayLiteral(ids))}::bigint[])
      GROUP BY o.customer_id, o.id HAVING count(*) = ${f.param(ids.length)}::int)`)
  }
}

// Unscored customers sort as -1, below every score (all are ≥ 0): `-churn_score` and `-clv_value`, the usual
// campaign lists, start with the highest scores rather than with the customers nothing is known about.
const scoreOf = (kind: string, value: string) =>
  `coalesce((SELECT ${value} FROM customer_scores s WHERE s.workspace_id = t.workspace_id AND s.kind = '${kind}' AND s.customer_id = t.id), -1)`

/** Sorts on stored scores (churn probability, 12-month value, P(alive)); customers without one sort as -1. */
export const CUSTOMER_SCORE_SORTS: Record<string, SortField> = {
  churn_score: { expr: scoreOf('churn', 's.score'), type: 'numeric' },
  clv_value: { expr: scoreOf('clv', 's.score'), type: 'numeric' },
  p_alive: { expr: scoreOf('clv', pAlive), type: 'numeric' },
}
