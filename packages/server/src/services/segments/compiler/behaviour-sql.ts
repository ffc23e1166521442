import { PURCHASE_STATUSES, type SegmentLeaf, type SegmentWindow } from '../../../domain/segment-tree.ts'
import { countPresence, dateTest, numberTest, zeroSatisfies } from './operators-sql.ts'
import { SegmentSql as S, type JoinParts, type SegmentSql } from './segment-sql.ts'

type Behaviour = Extract<SegmentLeaf, { type: 'behaviour' }>
type Product = Extract<SegmentLeaf, { type: 'product' }>

/** Each source's rows as SQL: the table(s), its customer column, its time column and its filterable columns. */
interface SourceSql {
  from: string
  customer: string
  time: string
  /** Joined only when a filter needs it. */
  products?: string
  sentiment?: string
  columns: Partial<Record<'status' | 'channel' | 'category' | 'product_ids' | 'event_type' | 'priority' | 'sentiment', string>>
  fields: Record<string, string>
}

const productJoin = (productId: string) => `JOIN products p ON p.workspace_id = ${S.WS} AND p.id = ${productId}`
const sentimentJoin = (entity: 'reviews' | 'tickets', id: string) =>
  `LEFT JOIN text_sentiments ts ON ts.workspace_id = ${S.WS} AND ts.entity = '${entity}' AND ts.entity_id = ${id}`

const SOURCES: Record<Behaviour['source'], SourceSql> = {
  orders: {
    from: 'orders o', customer: 'o.customer_id', time: 'o.ordered_at',
    columns: { status: 'o.status', channel: 'o.channel' }, fields: { total: 'o.total' },
  },
  order_lines: {
    from: `order_items i JOIN orders o ON o.workspace_id = ${S.WS} AND o.id = i.order_id`, customer: 'o.customer_id', time: 'o.ordered_at',
    products: productJoin('i.product_id'),
    columns: { status: 'o.status', channel: 'o.channel', category: 'p.category', product_ids: 'i.product_id' },
    fields: { quantity: 'i.quantity', revenue: '(i.quantity * i.unit_price)' },
  },
  events: {
    from: 'events e', customer: 'e.customer_id', time: 'e.occurred_at', products: productJoin('e.product_id'),
    columns: { event_type: 'e.type', category: 'p.category', product_ids: 'e.product_id' }, fields: {},
  },
  reviews: {
    from: 'reviews r', customer: 'r.customer_id', time: 'r.reviewed_at', products: productJoin('r.product_id'), sentiment: sentimentJoin('reviews', 'r.id'),
    columns: { category: 'p.category', product_ids: 'r.product_id', sentiment: 'ts.sentiment' }, fields: { rating: 'r.rating' },
  },
  tickets: {
    from: 'tickets k', customer: 'k.customer_id', time: 'k.opened_at', sentiment: sentimentJoin('tickets', 'k.id'),
    columns: { status: 'k.status', channel: 'k.channel', priority: 'k.priority', sentiment: 'ts.sentiment' }, fields: {},
  },
}

const tableAlias = (src: SourceSql) => src.customer.split('.')[0] as string

/** The window's conditions on a time column; rows after the evaluation instant never count. */
export function windowSql(b: SegmentSql, time: string, w: SegmentWindow | undefined): string[] {
  const out = [`${time} <= ${b.now}`]
  if (!w) return out
  if (w.last_days !== undefined) out.push(`${time} >= ${b.now} - make_interval(days => ${b.param(w.last_days)}::int)`)
  if (w.days_ago_from !== undefined && w.days_ago_to !== undefined) {
    out.push(`${time} >= ${b.now} - make_interval(days => ${b.param(w.days_ago_from)}::int)`)
    if (w.days_ago_to > 0) out.push(`${time} < ${b.now} - make_interval(days => ${b.param(w.days_ago_to)}::int)`)
  }
  if (w.since !== undefined) out.push(`${time} >= (${b.param(w.since)}::date)::timestamp AT TIME ZONE ${b.tz}`)
  return out
}

/** When a window starts: the customer must have existed by then for "did not … in the window" to hold. */
function windowStart(b: SegmentSql, w: SegmentWindow): string {
  if (w.last_days !== undefined) return `${b.now} - make_interval(days => ${b.param(w.last_days)}::int)`
  if (w.days_ago_from !== undefined) return `${b.now} - make_interval(days => ${b.param(w.days_ago_from)}::int)`
  return `(${b.param(w.since)}::date)::timestamp AT TIME ZONE ${b.tz}`
}

export const CUSTOMER_SINCE = 'coalesce(t.signup_at, t.created_at)'

function filterSql(b: SegmentSql, src: SourceSql, leaf: Behaviour): { where: string[]; needsProducts: boolean; needsSentiment: boolean } {
  const where: string[] = []
  const f = leaf.filter ?? {}
  const status = f.status ?? (leaf.source === 'orders' || leaf.source === 'order_lines' ? [...PURCHASE_STATUSES] : undefined)
  if (status) where.push(`${src.columns.status} = ANY(${b.texts(status)})`)
  if (f.channel) where.push(`${src.columns.channel} = ANY(${b.texts(f.channel)})`)
  if (f.event_type) where.push(`${src.columns.event_type} = ANY(${b.texts(f.event_type)})`)
  if (f.priority) where.push(`${src.columns.priority} = ANY(${b.texts(f.priority)})`)
  if (f.product_ids) where.push(`${src.columns.product_ids} = ANY(${b.ids(f.product_ids)})`)
  if (f.category) where.push(`lower(${src.columns.category}) = ANY(${b.texts(f.category.map((c) => c.toLowerCase()))})`)
  if (f.sentiment) where.push(`${src.columns.sentiment} = ANY(${b.texts(f.sentiment)})`)
  return { where, needsProducts: f.category !== undefined, needsSentiment: f.sentiment !== undefined }
}

/** A behaviour leaf: the aggregate, joined per customer, and its test; `actual` is the value for "why". */
export function behaviourLeaf(b: SegmentSql, leaf: Behaviour): { test: string; actual: string } {
  const src = SOURCES[leaf.source]
  const filters = filterSql(b, src, leaf)
  const agg =
    leaf.measure === 'count' ? 'count(*)'
    : leaf.measure === 'first_at' ? `min(${src.time})`
    : leaf.measure === 'last_at' ? `max(${src.time})`
    : `${leaf.measure}(${src.fields[leaf.field as string]})`
  const parts = (): JoinParts & { kind: 'aggregate' } => {
    const joins = [filters.needsProducts && src.products, filters.needsSentiment && src.sentiment].filter(Boolean).join(' ')
    const where = [`${tableAlias(src)}.workspace_id = ${S.WS}`, ...windowSql(b, src.time, leaf.window), ...filters.where]
    return { kind: 'aggregate', value: agg, from: `${src.from} ${joins}`, where, customer: src.customer }
  }
  // Looked up per customer, "at least one" / "none" needs no count: EXISTS stops at the first row and leaves
  // PostgreSQL free to hash the matching rows' customers instead (segment-sql.ts, exists).
  const presence = leaf.measure === 'count' && b.strategy === 'lateral' ? countPresence(leaf.op, leaf.value) : undefined
  if (presence) {
    const p = parts()
    let test = presence === 'some' ? b.exists(p) : `NOT ${b.exists(p)}`
    if (presence === 'none' && leaf.window) test = `(${test} AND ${CUSTOMER_SINCE} <= ${windowStart(b, leaf.window)})`
    return { test, actual: `coalesce(${b.scalar(p)}, 0)` }
  }
  const key = JSON.stringify(['behaviour', leaf.source, leaf.measure, leaf.field ?? null, leaf.window ?? null, leaf.filter ?? null])
  const alias = b.join(key, parts)
  if (leaf.measure === 'first_at' || leaf.measure === 'last_at') {
    return { test: dateTest(b, `${alias}.v`, 'instant', leaf.op, leaf.value), actual: `${alias}.v` }
  }
  // count and sum of no rows are 0; avg / min / max of no rows are unknown (the test is false).
  const value = leaf.measure === 'count' || leaf.measure === 'sum' ? `coalesce(${alias}.v, 0)` : `${alias}.v`
  let test = numberTest(b, value, leaf.op, leaf.value)
  // "Did not order in the last 30 days" matches only customers who existed 30 days ago (Customer.io's rule),
  // not someone who signed up yesterday.
  if (leaf.window && (leaf.measure === 'count' || leaf.measure === 'sum') && zeroSatisfies(leaf.op, leaf.value)) {
    test = `(${test} AND ${CUSTOMER_SINCE} <= ${windowStart(b, leaf.window)})`
  }
  return { test, actual: value }
}

/** Bought any / all / none of some products or categories (orders with a purchase status). */
export function productLeaf(b: SegmentSql, leaf: Product): { test: string; actual: string } {
  const byCategory = leaf.categories !== undefined
  const wanted = byCategory ? [...new Set((leaf.categories ?? []).map((c) => c.toLowerCase()))] : [...new Set(leaf.product_ids ?? [])]
  const parts = (): JoinParts & { kind: 'aggregate' } => {
    const where = [
      `o.workspace_id = ${S.WS}`, `o.status = ANY(${b.texts([...PURCHASE_STATUSES])})`, ...windowSql(b, 'o.ordered_at', leaf.window),
      byCategory ? `lower(p.category) = ANY(${b.texts(wanted as string[])})` : `i.product_id = ANY(${b.ids(wanted as number[])})`,
    ]
    const distinct = byCategory ? 'lower(p.category)' : 'i.product_id'
    return {
      kind: 'aggregate', value: `count(DISTINCT ${distinct})`, customer: 'o.customer_id', where,
      from: `orders o JOIN order_items i ON i.workspace_id = ${S.WS} AND i.order_id = o.id ${byCategory ? productJoin('i.product_id') : ''}`,
    }
  }
  // Bought any / none of them, looked up per customer: whether such a line exists (as for behaviour counts).
  if (b.strategy === 'lateral' && leaf.op !== 'all') {
    const p = parts()
    return { test: leaf.op === 'any' ? b.exists(p) : `NOT ${b.exists(p)}`, actual: `coalesce(${b.scalar(p)}, 0)` }
  }
  const key = JSON.stringify(['product', byCategory ? 'c' : 'p', wanted, leaf.window ?? null])
  const alias = b.join(key, parts)
  const n = `coalesce(${alias}.v, 0)`
  const test = leaf.op === 'any' ? `${n} >= 1` : leaf.op === 'all' ? `${n} = ${b.param(wanted.length)}::int` : `${n} = 0`
  return { test, actual: n }
}
