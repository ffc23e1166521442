import { CHANNELS, CONSENT_CHANNELS, EVENT_TYPES } from '../../domain/entities.ts'
import { arrayLiteral } from '../../store/array-literal.ts'
import { customerFilterSql, eligibleSql, profilingRevokedSql } from './eligibility-sql.ts'
import { EVENT_WINDOWS_DAYS, WINDOWS_DAYS, type FeatureColumnDef } from './feature-columns.ts'

/**
 * The one feature query: per-customer aggregates of orders, order lines by category, events, reviews, tickets
 * and consents, each a single GROUP BY over that table's rows before asOf (pushed down to PostgreSQL/PGlite,
 * joined to the eligible customers so a `customerIds` restriction narrows every scan), LEFT JOINed to the
 * customers and turned into the columns of feature-columns.ts. One row per kept customer; nothing but those
 * rows reaches Node. Cost: one pass over each fact table's rows before asOf (hash aggregates), so
 * O(orders + lines + events + reviews + tickets + consents) in the database. Grouped aggregates rather than
 * a LATERAL subquery per customer: the per-customer form was tried and, without table statistics, PGlite
 * probed the order-lines join through the status index for every customer (15 s on the demo); the grouped
 * form with statistics (planner-statistics.ts) runs on hash joins (0.5 s).
 *
 * Strings (categories, channels, event types) travel as array parameters, indexed by position in the SQL, so
 * no data value is ever spliced into the text. Windows are [asOf − w days, asOf), computed in milliseconds
 * so they do not depend on the session time zone.
 */
export interface FeatureQueryInput {
  workspaceId: number
  asOf: Date
  consentCheckedAt: Date
  customerIds: readonly number[] | undefined
  categories: readonly string[]
  columns: readonly FeatureColumnDef[]
}

const DAY_MS = 86_400_000
/** Placeholder of each window start ($3 = 30 days, …), in WINDOWS_DAYS order. */
const windowParam = (days: number) => `$${3 + WINDOWS_DAYS.indexOf(days as (typeof WINDOWS_DAYS)[number])}`

export function featureQuery(input: FeatureQueryInput): { text: string; params: unknown[] } {
  const { asOf } = input
  const params: unknown[] = [
    input.workspaceId,
    asOf.toISOString(),
    ...WINDOWS_DAYS.map((d) => new Date(asOf.getTime() - d * DAY_MS).toISOString()),
    input.consentCheckedAt.toISOString(),
    input.customerIds ? arrayLiteral(input.customerIds) : null,
    asOf.toISOString().slice(0, 10),
    arrayLiteral(input.categories),
    arrayLiteral(CHANNELS),
    arrayLiteral(EVENT_TYPES),
    arrayLiteral(CONSENT_CHANNELS),
  ]
  const completed = `x.status = 'completed'`
  const orderWindows = WINDOWS_DAYS.map((w) => `
      count(*) FILTER (WHERE ${completed} AND x.ordered_at >= ${windowParam(w)}) AS completed_${w}d,
      sum(x.total) FILTER (WHERE ${completed} AND x.ordered_at >= ${windowParam(w)}) AS revenue_${w}d,`).join('')
  const channels = CHANNELS.map((_, i) => `,
      count(*) FILTER (WHERE ${completed} AND x.channel = ($10::text[])[${i + 1}]) AS channel_${i}`).join('')
  const categories = input.categories.map((_, i) => `,
      sum(i.quantity * i.unit_price) FILTER (WHERE p.category = ($9::text[])[${i + 1}]) AS revenue_${i}`).join('')
  const events = EVENT_WINDOWS_DAYS.flatMap((w) => EVENT_TYPES.map((_, i) => `,
      count(*) FILTER (WHERE x.type = ($11::text[])[${i + 1}] AND x.occurred_at >= ${windowParam(w)}) AS type_${i}_${w}d`)).join('')
  const consents = CONSENT_CHANNELS.map((_, i) => `max(l.status) FILTER (WHERE l.channel = ($12::text[])[${i + 1}]) AS status_${i}`).join(', ')
  const select = input.columns.map((c, i) => `${c.sql} AS f${i}`).join(',\n  ')
  const text = `
WITH k AS MATERIALIZED (
  SELECT c.id, c.city, c.gender,
    CASE WHEN c.signup_at < $2 THEN c.signup_at END AS signup_before,
    CASE WHEN c.birth_date <= $8::date THEN extract(year from age($8::date, c.birth_date)) END AS age_years,
    coalesce(c.attributes->>'signup_channel', c.attributes->>'acquisition_channel') AS signup_channel
  FROM customers c
  WHERE c.workspace_id = $1 AND ${customerFilterSql('$7')} AND ${eligibleSql('$2::timestamptz')}
    AND NOT ${profilingRevokedSql('$6::timestamptz')}
),
o AS (
  SELECT x.customer_id,
      count(*) AS orders_all,
      count(*) FILTER (WHERE x.status IN ('cancelled', 'refunded')) AS cancelled_or_refunded,
      min(x.ordered_at) AS first_order_at,
      count(*) FILTER (WHERE ${completed}) AS completed,
      sum(x.total) FILTER (WHERE ${completed}) AS revenue,
      min(x.ordered_at) FILTER (WHERE ${completed}) AS first_completed_at,${orderWindows}
      max(x.ordered_at) FILTER (WHERE ${completed}) AS last_completed_at${channels}
  FROM orders x JOIN k ON k.id = x.customer_id
  WHERE x.workspace_id = $1 AND x.ordered_at < $2
  GROUP BY x.customer_id
),
cat AS (
  SELECT x.customer_id, sum(i.quantity * i.unit_price) AS revenue_all${categories}
  FROM orders x JOIN k ON k.id = x.customer_id
    JOIN order_items i ON i.workspace_id = x.workspace_id AND i.order_id = x.id
    JOIN products p ON p.workspace_id = i.workspace_id AND p.id = i.product_id
  -- cardinality($9) keeps the categories parameter typed when there are no category columns.
  WHERE x.workspace_id = $1 AND ${completed} AND x.ordered_at < $2 AND cardinality($9::text[]) >= 0
  GROUP BY x.customer_id
),
ev AS (
  SELECT x.customer_id, min(x.occurred_at) AS first_at, max(x.occurred_at) AS last_at${events}
  FROM events x JOIN k ON k.id = x.customer_id
  WHERE x.workspace_id = $1 AND x.occurred_at < $2
  GROUP BY x.customer_id
),
rv AS (
  SELECT x.customer_id, min(x.reviewed_at) AS first_at, count(*) AS n, avg(x.rating) AS mean_rating,
      avg((x.rating <= 2)::int) AS negative_share
  FROM reviews x JOIN k ON k.id = x.customer_id
  WHERE x.workspace_id = $1 AND x.reviewed_at < $2
  GROUP BY x.customer_id
),
tk AS (
  SELECT x.customer_id, min(x.opened_at) AS first_at, count(*) AS n,
      count(*) FILTER (WHERE x.status IN ('new', 'open', 'pending')) AS open_now,
      avg((x.priority IN ('high', 'urgent'))::int) AS negative_share
  FROM tickets x JOIN k ON k.id = x.customer_id
  WHERE x.workspace_id = $1 AND x.opened_at < $2
  GROUP BY x.customer_id
),
cs AS (
  SELECT l.customer_id, ${consents}
  FROM (SELECT DISTINCT ON (x.customer_id, x.channel) x.customer_id, x.channel, x.status
          FROM consents x JOIN k ON k.id = x.customer_id
         WHERE x.workspace_id = $1 AND x.purpose = 'marketing' AND x.recorded_at < $2
         ORDER BY x.customer_id, x.channel, x.recorded_at DESC, x.id DESC) l
  GROUP BY l.customer_id
)
SELECT k.id AS customer_id,
  ${select}
FROM k
  LEFT JOIN o ON o.customer_id = k.id
  LEFT JOIN cat ON cat.customer_id = k.id
  LEFT JOIN ev ON ev.customer_id = k.id
  LEFT JOIN rv ON rv.customer_id = k.id
  LEFT JOIN tk ON tk.customer_id = k.id
  LEFT JOIN cs ON cs.customer_id = k.id
ORDER BY k.id`
  return { text, params }
}

/** How many eligible customers the profiling consent leaves out (same conditions as the feature query). */
export function excludedCountQuery(input: Pick<FeatureQueryInput, 'workspaceId' | 'asOf' | 'consentCheckedAt' | 'customerIds'>): { text: string; params: unknown[] } {
  return {
    text: `SELECT count(*) AS n FROM customers c
      WHERE c.workspace_id = $1 AND ${customerFilterSql('$4')} AND ${eligibleSql('$2::timestamptz')} AND ${profilingRevokedSql('$3::timestamptz')}`,
    params: [input.workspaceId, input.asOf.toISOString(), input.consentCheckedAt.toISOString(), input.customerIds ? arrayLiteral(input.customerIds) : null],
  }
}
