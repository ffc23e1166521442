import type { Db } from '../../packages/server/src/store/db.ts'
import { suspendIndexes } from './suspend-indexes.ts'

/**
 * The segments benchmark's data, made inside the database with set-based SQL (INSERT … SELECT over
 * generate_series): every "random" choice is a hash of the row number and a salt, so the same size gives the
 * same rows on PostgreSQL and PGlite, and nothing travels row by row from Node. Per 1,000,000 customers:
 * 10,000,000 order lines in ≈ 3.33M orders over 3 years, 20,000,000 events over the last year, e-mail
 * consent granted for 60 %, churn and CLV scores for 80 %; 30 products in 8 categories at any size.
 */

export const DATA_NOW = new Date('2026-07-01T00:00:00Z')
export const WORKSPACE = 1
export const PRODUCTS = 30
export const LINES_PER_CUSTOMER = 10
export const EVENTS_PER_CUSTOMER = 20
export const CATEGORIES = ['Coffee & Tea', 'Snacks', 'Beauty', 'Home', 'Electronics', 'Apparel', 'Baby', 'Pet Supplies'] as const

/** Cities with a skewed distribution (weights in %); both spellings of Shanghai; 2 % have no city. */
export const CITY_WEIGHTS: ReadonlyArray<readonly [string | null, number]> = [
  ['上海', 18], ['北京', 10], ['广州', 7], ['深圳', 7], ['杭州', 6], ['成都', 6], ['重庆', 5], ['南京', 4], ['武汉', 4],
  ['Shanghai', 4], ['西安', 3], ['苏州', 3], ['天津', 3], ['长沙', 3], ['郑州', 3], ['Beijing', 2], ['青岛', 2], ['厦门', 2],
  ['宁波', 2], ['合肥', 2], ['昆明', 2], ['Hong Kong', 1], ['大连', 1], ['沈阳', 1], [null, 2],
]
const ORDER_STATUSES: ReadonlyArray<readonly [string, number]> = [['completed', 70], ['paid', 12], ['shipped', 8], ['pending', 3], ['cancelled', 4], ['refunded', 3]]
const CHANNELS: ReadonlyArray<readonly [string, number]> = [['web', 45], ['app', 35], ['store', 10], ['marketplace', 8], ['phone', 2]]
const EVENT_TYPES: ReadonlyArray<readonly [string, number]> = [['view', 50], ['add_to_cart', 12], ['email_open', 18], ['email_click', 8], ['search', 8], ['wishlist', 4]]

/** Rows each table gets for `customers` customers. */
export function plannedSizes(customers: number): { customers: number; orderLines: number; orders: number; events: number } {
  const orderLines = customers * LINES_PER_CUSTOMER
  const rest = orderLines % 6
  return { customers, orderLines, orders: 2 * Math.floor(orderLines / 6) + (rest > 0 ? 1 : 0), events: customers * EVENTS_PER_CUSTOMER }
}

/** A uniform number in [0, 1) from a row number and a salt (hashint8extended is in every PostgreSQL ≥ 11). */
const HASH_FN = `CREATE OR REPLACE FUNCTION bench_u(n bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (hashint8extended(n, salt) & 4503599627370495)::float8 / 4503599627370496.0 $$`
const u = (n: string, salt: number): string => `bench_u(${n}, ${salt})`
const lit = (s: string | null): string => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`)

/** A CASE picking from weighted choices by a uniform number. */
function pick(uniform: string, choices: ReadonlyArray<readonly [string | null, number]>): string {
  const total = choices.reduce((s, [, w]) => s + w, 0)
  let acc = 0
  const arms = choices.slice(0, -1).map(([v, w]) => {
    acc += w
    return `WHEN ${uniform} < ${(acc / total).toFixed(6)} THEN ${lit(v)}`
  })
  return `(CASE ${arms.join(' ')} ELSE ${lit(choices.at(-1)?.[0] ?? null)} END)`
}

/**
 * A customer for fact row n: a skewed activity (u² puts many rows on few customers) spread over the ids by a
 * multiplicative permutation. Orders and events use the same skew, so heavy buyers are also heavy browsers.
 */
const customerOf = (n: string, salt: number, customers: number): string =>
  `(1 + (floor(${customers} * ${u(n, salt)} ^ 2)::bigint * 2147483629) % ${customers})`
const priceOf = (p: string): string => `round((9.9 + ${u(p, 21)} * 490)::numeric, 2)`

export interface GenerationStep {
  step: string
  seconds: number
}

export interface GeneratedData {
  seconds: number
  steps: GenerationStep[]
  rows: Record<string, number>
}

const LOADED = ['customers', 'products', 'orders', 'order_items', 'events', 'consents', 'customer_scores'] as const

/** Loads the data into a migrated, empty database (workspace 1), rebuilds the indexes, then VACUUM ANALYZE. */
export async function generateSegmentsData(db: Db, customers: number, opts: { maintenanceMem?: string } = {}): Promise<GeneratedData> {
  if (!Number.isInteger(customers) || customers < 10) throw new Error('bench: --customers must be a whole number ≥ 10')
  const size = plannedSizes(customers)
  const now = `'${DATA_NOW.toISOString()}'::timestamptz`
  const steps: GenerationStep[] = []
  const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    const t0 = performance.now()
    await fn()
    steps.push({ step: name, seconds: (performance.now() - t0) / 1000 })
    process.stderr.write(`  ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
  }
  const started = performance.now()
  await db.exec(HASH_FN)
  const restore = await suspendIndexes(db, LOADED)

  // Order o has k(o) lines, 1..5; consecutive orders pair up to 6 lines so the total is exactly 10 per customer.
  const pairs = Math.floor(size.orderLines / 6)
  const lines = (o: string) =>
    `(CASE WHEN ${o} > ${2 * pairs} THEN ${size.orderLines % 6} WHEN ${o} % 2 = 1 THEN 1 + floor(${u(`(${o} + 1) / 2`, 31)} * 5)::int ELSE 5 - floor(${u(`${o} / 2`, 31)} * 5)::int END)`
  // Line j of order o: distinct products within an order (step 7 is prime to 30), popular ones more often.
  const productOf = (o: string, j: string) => `(1 + (floor(${PRODUCTS} * ${u(o, 32)} ^ 1.6)::int + (${j} - 1) * 7) % ${PRODUCTS})`
  const quantityOf = (o: string, j: string) => `(1 + floor(${u(`${o} * 8 + ${j}`, 33)} ^ 3 * 4)::int)`

  await step('customers', () => db.query(`
    INSERT INTO customers (workspace_id, id, external_id, name, email, gender, birth_date, city, country, signup_at, created_at, updated_at)
    OVERRIDING SYSTEM VALUE
    SELECT ${WORKSPACE}, g, 'c' || g, 'Customer ' || g, 'c' || g || '@example.com',
           ${pick(u('g', 11), [['female', 48], ['male', 46], ['other', 1], ['unknown', 5]])},
           date '1960-01-01' + floor(${u('g', 12)} * 16000)::int, ${pick(u('g', 13), CITY_WEIGHTS)}, 'CN', s.at, s.at, s.at
      FROM generate_series(1, ${customers}) g, LATERAL (SELECT ${now} - ${u('g', 14)} * interval '1461 days' AS at) s`))
  await step('products', () => db.query(`
    INSERT INTO products (workspace_id, id, sku, name, category, brand, price) OVERRIDING SYSTEM VALUE
    SELECT ${WORKSPACE}, p, 'SKU-' || p, 'Product ' || p, (${lit(`{${CATEGORIES.map((c) => `"${c}"`).join(',')}}`)}::text[])[1 + (p - 1) % ${CATEGORIES.length}],
           'Brand ' || (1 + p % 5), ${priceOf('p')}
      FROM generate_series(1, ${PRODUCTS}) p`))
  await step('order lines', () => db.query(`
    INSERT INTO order_items (workspace_id, id, order_id, product_id, quantity, unit_price) OVERRIDING SYSTEM VALUE
    SELECT ${WORKSPACE}, (o - 1) * 5 + j, o, x.p, ${quantityOf('o', 'j')}, ${priceOf('x.p')}
      FROM generate_series(1, ${size.orders}) o, LATERAL generate_series(1, ${lines('o')}) j,
           LATERAL (SELECT ${productOf('o', 'j')} AS p) x`))
  // The total is the same expressions summed, so it equals the lines' sum without reading them back.
  await step('orders', () => db.query(`
    INSERT INTO orders (workspace_id, id, external_id, customer_id, ordered_at, status, channel, total, currency, created_at, updated_at)
    OVERRIDING SYSTEM VALUE
    SELECT ${WORKSPACE}, o, 'o' || o, ${customerOf('o', 41, customers)}, t.at, ${pick(u('o', 43), ORDER_STATUSES)}, ${pick(u('o', 44), CHANNELS)},
           (SELECT sum(${quantityOf('o', 'j')} * ${priceOf(productOf('o', 'j'))}) FROM generate_series(1, ${lines('o')}) j), 'CNY', t.at, t.at
      FROM generate_series(1, ${size.orders}) o, LATERAL (SELECT ${now} - ${u('o', 42)} * interval '1095 days' AS at) t`))
  await step('events', () => db.query(`
    INSERT INTO events (workspace_id, id, external_id, customer_id, type, product_id, occurred_at) OVERRIDING SYSTEM VALUE
    SELECT ${WORKSPACE}, e, 'e' || e, ${customerOf('e', 51, customers)}, t.type,
           CASE WHEN t.type IN ('view', 'add_to_cart', 'wishlist') THEN 1 + floor(${PRODUCTS} * ${u('e', 53)} ^ 1.6)::int END,
           ${now} - ${u('e', 54)} * interval '365 days'
      FROM generate_series(1, ${size.events}) e, LATERAL (SELECT ${pick(u('e', 52), EVENT_TYPES)} AS type) t`))
  // E-mail: 60 % granted, 5 % granted then revoked, the rest nothing recorded; SMS granted for 30 %.
  await step('consents', () => db.query(`
    INSERT INTO consents (workspace_id, id, external_id, customer_id, channel, purpose, status, recorded_at, source) OVERRIDING SYSTEM VALUE
    SELECT ${WORKSPACE}, c.id * 4 + x.slot, 'k' || c.id || '-' || x.slot, c.id, x.channel, 'marketing', x.status, x.at, 'bench'
      FROM customers c,
           LATERAL (SELECT c.signup_at + (${now} - c.signup_at) * ${u('c.id', 62)} AS granted) g,
           LATERAL (VALUES (0, 'email', 'granted', g.granted, ${u('c.id', 61)} < 0.65),
                           (1, 'email', 'revoked', g.granted + (${now} - g.granted) * ${u('c.id', 63)}, ${u('c.id', 61)} >= 0.60 AND ${u('c.id', 61)} < 0.65),
                           (2, 'sms', 'granted', g.granted, ${u('c.id', 64)} < 0.30)) x(slot, channel, status, at, wanted)
     WHERE c.workspace_id = ${WORKSPACE} AND x.wanted`))
  await step('scores', async () => {
    const versions = await db.query<{ id: number; kind: string }>(
      `INSERT INTO model_versions (workspace_id, kind, version, status, actor_label, finished_at, activated_at, scored_at)
       SELECT ${WORKSPACE}, k, 1, 'active', 'bench', ${now}, ${now}, ${now} FROM unnest(ARRAY['churn', 'clv']) k RETURNING id, kind`)
    const id = (kind: string) => versions.find((v) => v.kind === kind)?.id
    await db.query(`
      INSERT INTO customer_scores (workspace_id, kind, customer_id, model_version_id, score, percentile, band)
      SELECT ${WORKSPACE}, 'churn', c, ${id('churn')}, s.p, s.p * 100, CASE WHEN s.p >= 0.7 THEN 'high' WHEN s.p >= 0.4 THEN 'medium' ELSE 'low' END
        FROM generate_series(1, ${customers}) c, LATERAL (SELECT round(${u('c', 72)}::numeric, 4)::float8 AS p) s
       WHERE ${u('c', 71)} < 0.8`)
    await db.query(`
      INSERT INTO customer_scores (workspace_id, kind, customer_id, model_version_id, score, percentile, details)
      SELECT ${WORKSPACE}, 'clv', c, ${id('clv')}, round((-ln(1 - s.q) * 300)::numeric, 2)::float8, s.q * 100,
             jsonb_build_object('p_alive', round((0.2 + 0.8 * ${u('c', 75)})::numeric, 3), 'expected_orders', round((s.q * 6)::numeric, 2))
        FROM generate_series(1, ${customers}) c, LATERAL (SELECT ${u('c', 74)} AS q) s
       WHERE ${u('c', 73)} < 0.8`)
  })
  await step('indexes and constraints', () => db.transaction(async (tx) => {
    await tx.query(`SET LOCAL maintenance_work_mem = '${opts.maintenanceMem ?? '1GB'}'`)
    await restore(tx)
  }))
  await step('identity sequences', async () => {
    for (const t of ['customers', 'products', 'orders', 'order_items', 'events', 'consents']) {
      await db.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`)
    }
  })
  // What autovacuum would have done on a live database (hint bits, visibility map, statistics), done now so
  // it does not start in the middle of a measurement.
  await step('VACUUM ANALYZE', () => db.exec('VACUUM ANALYZE'))
  const seconds = (performance.now() - started) / 1000
  const rows: Record<string, number> = {}
  for (const t of [...LOADED, 'model_versions']) {
    const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)
    rows[t] = Number(r?.n ?? 0)
  }
  return { seconds, steps, rows }
}
