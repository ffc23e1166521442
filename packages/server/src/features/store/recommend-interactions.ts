import type { Db } from '../../store/db.ts'
import { arrayLiteral } from '../../store/array-literal.ts'
import { eligibleSql, profilingRevokedSql } from './eligibility-sql.ts'
import { ensurePlannerStatistics, withoutJit } from './planner-statistics.ts'

/**
 * Implicit feedback per event type that names a product: a view says little, a cart or a wishlist more,
 * a removal from the cart nothing positive (left out). A completed purchase weighs 1 per order line.
 */
export const EVENT_WEIGHTS: Readonly<Record<string, number>> = { view: 0.1, add_to_cart: 0.3, wishlist: 0.3 }

/**
 * Customer × product interactions before `asOf`, split at `splitAt` (≤ asOf) into an early and a late part,
 * for the eligible customers whose profiling consent is not revoked. One hash aggregate in SQL over both fact tables;
 * Node gets one row per (customer, product) pair as parallel typed arrays.
 */
export interface RecommendInteractions {
  /** Eligible, consenting customers as of asOf (every one of them may get recommendations). */
  customerIds: Float64Array
  /** Per pair: customer id, product id, completed purchases (order lines) and event weight before / from splitAt. */
  pairCustomer: Float64Array
  pairProduct: Float64Array
  earlyBuys: Float64Array
  lateBuys: Float64Array
  earlyEvents: Float64Array
  lateEvents: Float64Array
  excludedNoProfilingConsent: number
}

export interface InteractionWindow {
  asOf: Date
  /** Start of the late part (the backtest's test period); asOf when no split is wanted. */
  splitAt: Date
  /** Default: the later of asOf and now (a revocation recorded since still counts). */
  consentCheckedAt?: Date
}

export async function recommendInteractions(db: Db, workspaceId: number, w: InteractionWindow): Promise<RecommendInteractions> {
  await ensurePlannerStatistics(db)
  const checked = (w.consentCheckedAt ?? new Date(Math.max(w.asOf.getTime(), Date.now()))).toISOString()
  const asOf = w.asOf.toISOString()
  const types = Object.keys(EVENT_WEIGHTS)
  const customers = await db.query<{ id: number; revoked: boolean }>(
    `SELECT c.id, ${profilingRevokedSql('$3::timestamptz')} AS revoked FROM customers c
      WHERE c.workspace_id = $1 AND ${eligibleSql('$2::timestamptz')} ORDER BY c.id`,
    [workspaceId, asOf, checked],
  )
  const kept = customers.filter((c) => !c.revoked)
  // One pass over order lines and product events (UNION ALL, one hash aggregate), returned as six packed
  // comma lists in a single row: parsing 90k rows as objects cost three times the query itself on PGlite.
  const [packed] = await withoutJit(db, (q) => q.query<Record<'c' | 'p' | 'eb' | 'lb' | 'ee' | 'le', string | null>>(
    `SELECT string_agg(g.c::text, ',') AS c, string_agg(g.p::text, ',') AS p, string_agg(g.eb::text, ',') AS eb,
            string_agg(g.lb::text, ',') AS lb, string_agg(g.ee::text, ',') AS ee, string_agg(g.le::text, ',') AS le
       FROM (
         SELECT x.customer_id AS c, x.product_id AS p, sum(x.eb) AS eb, sum(x.lb) AS lb, sum(x.ee) AS ee, sum(x.le) AS le
           FROM (
             SELECT o.customer_id, i.product_id, (o.ordered_at < $3::timestamptz)::int AS eb, (o.ordered_at >= $3::timestamptz)::int AS lb,
                    0::float8 AS ee, 0::float8 AS le
               FROM orders o JOIN order_items i ON i.workspace_id = o.workspace_id AND i.order_id = o.id
              WHERE o.workspace_id = $1 AND o.status = 'completed' AND o.ordered_at < $2::timestamptz
             UNION ALL
             SELECT e.customer_id, e.product_id, 0, 0,
                    CASE WHEN e.occurred_at < $3::timestamptz THEN ($5::float8[])[array_position($4::text[], e.type)] ELSE 0 END,
                    CASE WHEN e.occurred_at >= $3::timestamptz THEN ($5::float8[])[array_position($4::text[], e.type)] ELSE 0 END
               FROM events e
              WHERE e.workspace_id = $1 AND e.product_id IS NOT NULL AND e.type = ANY($4::text[]) AND e.occurred_at < $2::timestamptz
           ) x
          GROUP BY x.customer_id, x.product_id
       ) g
       JOIN (SELECT unnest($6::bigint[]) AS id) k ON k.id = g.c
       JOIN products pr ON pr.workspace_id = $1 AND pr.id = g.p`,
    [workspaceId, asOf, w.splitAt.toISOString(), arrayLiteral(types), arrayLiteral(types.map((t) => EVENT_WEIGHTS[t])), arrayLiteral(kept.map((c) => c.id))],
  ))
  const col = (s: string | null | undefined) => (s ? Float64Array.from(s.split(','), Number) : new Float64Array(0))
  return {
    customerIds: Float64Array.from(kept, (c) => Number(c.id)),
    pairCustomer: col(packed?.c),
    pairProduct: col(packed?.p),
    earlyBuys: col(packed?.eb),
    lateBuys: col(packed?.lb),
    earlyEvents: col(packed?.ee),
    lateEvents: col(packed?.le),
    excludedNoProfilingConsent: customers.length - kept.length,
  }
}

export interface CatalogueProduct {
  id: number
  name: string
  category: string | null
  brand: string | null
  description: string | null
}

/** Every product of the workspace (what may be recommended), by id. */
export async function catalogueProducts(db: Db, workspaceId: number): Promise<CatalogueProduct[]> {
  const rows = await db.query<CatalogueProduct>(
    'SELECT id, name, category, brand, description FROM products WHERE workspace_id = $1 ORDER BY id',
    [workspaceId],
  )
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}
