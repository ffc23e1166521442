import { requirePermission, type Actor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { dataEnd } from '../data-end.ts'
import { MODEL_KIND_NAMES, type ModelKindName } from '../model-kind.ts'
import { clusterCounts, type ClusterCount } from './cluster-counts.ts'
import { clvDistribution } from './clv-distribution.ts'
import { iso, monthStart, productCards, type ProductCard } from './insight-reads.ts'
import { rfmSegmentTotals, type RfmSegmentTotal } from './rfm.ts'
import { scoreHistogram, type HistogramBin } from './score-histogram.ts'

export const OVERVIEW_TOP = 10
export const CHURN_BANDS = ['low', 'medium', 'high'] as const
const DAY_MS = 86_400_000

export interface Overview {
  data_end: string
  revenue_by_month: Array<{ month: string; revenue: number; orders: number; customers: number }>
  active_customers: { d30: number; d90: number; d365: number; total: number }
  churn_risk: { bands: Array<{ band: string; customers: number }>; histogram: HistogramBin[] } | null
  clv: { histogram: HistogramBin[]; total: number; median: number | null } | null
  rfm_segments: Array<Omit<RfmSegmentTotal, 'share'>>
  clusters: ClusterCount[]
  best_sellers: Array<{ product: ProductCard; revenue: number; quantity: number }>
  most_recommended: Array<{ product: ProductCard; customers: number }>
  scored_at: Record<ModelKindName, string | null>
}

/**
 * GET /insights/overview: the dashboard's first page. Time windows count back from the workspace's data end
 * (just after its last order or event, never later than now: dataEnd), not from today, so an imported
 * history or the demo (whose data ends 2026-11-01) shows its last `months` months rather than empty ones.
 * Revenue, orders and activity count completed orders; months are calendar months in UTC, the last one
 * being the month of the data end (partial). Model-backed parts are null or empty until a version is active.
 */
export async function overview(db: Db, actor: Actor, opts: { months: number }): Promise<Overview> {
  requirePermission(actor, 'customers:read')
  const ws = actor.workspaceId
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const end = await dataEnd(tx, ws)
    const last = monthStart(new Date(end.getTime() - 1))
    const first = monthStart(last, -(opts.months - 1))
    const since = (days: number) => new Date(end.getTime() - days * DAY_MS).toISOString()
    const [months, active, totals, best, recommended, versions, churnBands, rfm, clusters] = await Promise.all([
      tx.query<{ month: string; revenue: number; orders: number; customers: number }>(
        `WITH m AS (SELECT generate_series($2::timestamp, $3::timestamp, interval '1 month') AS month),
         o AS (
           SELECT date_trunc('month', ordered_at AT TIME ZONE 'UTC') AS month, sum(total)::float8 AS revenue,
                  count(*)::int AS orders, count(DISTINCT customer_id)::int AS customers
           FROM orders WHERE workspace_id = $1 AND status = 'completed' AND ordered_at >= $4 AND ordered_at < $5
           GROUP BY 1)
         SELECT to_char(m.month, 'YYYY-MM') AS month, coalesce(o.revenue, 0)::float8 AS revenue,
                coalesce(o.orders, 0)::int AS orders, coalesce(o.customers, 0)::int AS customers
         FROM m LEFT JOIN o ON o.month = m.month ORDER BY m.month`,
        [ws, first.toISOString().slice(0, 19), last.toISOString().slice(0, 19), first.toISOString(), end.toISOString()],
      ),
      tx.query<{ d30: number; d90: number; d365: number }>(
        `SELECT count(DISTINCT customer_id) FILTER (WHERE ordered_at >= $2)::int AS d30,
                count(DISTINCT customer_id) FILTER (WHERE ordered_at >= $3)::int AS d90,
                count(DISTINCT customer_id)::int AS d365
         FROM orders WHERE workspace_id = $1 AND status = 'completed' AND ordered_at >= $4 AND ordered_at < $5`,
        [ws, since(30), since(90), since(365), end.toISOString()],
      ),
      tx.query<{ total: number }>('SELECT count(*)::int AS total FROM customers WHERE workspace_id = $1', [ws]),
      tx.query<{ product_id: number; revenue: number; quantity: number }>(
        `SELECT i.product_id, sum(i.quantity * i.unit_price)::float8 AS revenue, sum(i.quantity)::int8 AS quantity
         FROM orders o JOIN order_items i ON i.workspace_id = o.workspace_id AND i.order_id = o.id
         WHERE o.workspace_id = $1 AND o.status = 'completed' AND o.ordered_at >= $2 AND o.ordered_at < $3
         GROUP BY i.product_id ORDER BY revenue DESC, i.product_id LIMIT ${OVERVIEW_TOP}`,
        [ws, first.toISOString(), end.toISOString()],
      ),
      tx.query<{ product_id: number; customers: number }>(
        `SELECT product_id, count(*)::int AS customers FROM customer_recommendations WHERE workspace_id = $1
         GROUP BY product_id ORDER BY customers DESC, product_id LIMIT ${OVERVIEW_TOP}`,
        [ws],
      ),
      tx.query<{ kind: string; scored_at: string | null }>(
        `SELECT kind, ${iso('scored_at')} AS scored_at FROM model_versions WHERE workspace_id = $1 AND status = 'active'`,
        [ws],
      ),
      tx.query<{ band: string; customers: number }>(
        `SELECT band, count(*)::int AS customers FROM customer_scores WHERE workspace_id = $1 AND kind = 'churn' AND band IS NOT NULL GROUP BY band`,
        [ws],
      ),
      rfmSegmentTotals(tx, ws),
      clusterCounts(tx, ws),
    ])
    const isActive = (kind: ModelKindName) => versions.some((v) => v.kind === kind)
    const cards = await productCards(tx, ws, [...best.map((b) => Number(b.product_id)), ...recommended.map((r) => Number(r.product_id))])
    const withCard = <T extends { product_id: number }>(rows: T[]) =>
      rows.flatMap(({ product_id, ...rest }) => {
        const product = cards.get(Number(product_id))
        return product ? [{ product, ...rest }] : []
      })
    const bandCount = new Map(churnBands.map((b) => [b.band, Number(b.customers)]))
    const clv = isActive('clv') ? await clvDistribution(tx, ws) : null
    return {
      data_end: end.toISOString(),
      revenue_by_month: months.map((m) => ({ month: m.month, revenue: Number(m.revenue), orders: Number(m.orders), customers: Number(m.customers) })),
      active_customers: { d30: Number(active.at(0)?.d30 ?? 0), d90: Number(active.at(0)?.d90 ?? 0), d365: Number(active.at(0)?.d365 ?? 0), total: Number(totals[0]?.total ?? 0) },
      churn_risk: isActive('churn')
        ? {
            // The three bands always, in order; any other band a kind wrote follows.
            bands: [...CHURN_BANDS, ...[...bandCount.keys()].filter((b) => !(CHURN_BANDS as readonly string[]).includes(b)).sort()]
              .map((band) => ({ band, customers: bandCount.get(band) ?? 0 })),
            histogram: await scoreHistogram(tx, ws, 'churn', 0, 1, 10),
          }
        : null,
      clv: clv ? { histogram: clv.histogram, total: clv.total, median: clv.median } : null,
      rfm_segments: rfm.map(({ segment, customers, revenue }) => ({ segment, customers, revenue })),
      clusters,
      best_sellers: withCard(best).map((b) => ({ product: b.product, revenue: Number(b.revenue), quantity: Number(b.quantity) })),
      most_recommended: withCard(recommended).map((r) => ({ product: r.product, customers: Number(r.customers) })),
      scored_at: Object.fromEntries(MODEL_KIND_NAMES.map((k) => [k, versions.find((v) => v.kind === k)?.scored_at ?? null])) as Record<ModelKindName, string | null>,
    }
  })
}
