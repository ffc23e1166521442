import { createRng } from '@rapport/ml'
import { arrayLiteral } from '../../../store/array-literal.ts'
import type { Db } from '../../../store/db.ts'

/**
 * Test helper: a small shop written straight into the store tables with bulk inserts, its own records kept
 * in JavaScript so a test can count what the SQL should find. Customer i prefers category i mod 3 of
 * Tea / Snacks / Home (70 % of their order lines), a fourth category "Rare" is bought by almost nobody;
 * orders are spread uniformly over [start, end); a share of order lines gets a review whose text (en or zh)
 * says what the rating says; some customers open a ticket; the first `revoked` customers revoke profiling.
 */
export interface ShopOptions {
  customers: number
  start: Date
  end: Date
  ordersPerCustomer?: [number, number]
  reviewShare?: number
  ticketShare?: number
  revoked?: number
  seed?: number
  workspaceId?: number
}

export interface ShopOrder {
  id: number
  customerId: number
  orderedAt: Date
  status: string
  categories: string[]
  total: number
}

export interface Shop {
  customerIds: number[]
  revokedIds: Set<number>
  products: Record<string, number[]>
  orders: ShopOrder[]
  reviews: Array<{ id: number; customerId: number; productId: number; rating: number; language: 'en' | 'zh'; reviewedAt: Date }>
  tickets: Array<{ id: number; customerId: number; openedAt: Date }>
}

export const SHOP_CATEGORIES = ['Tea', 'Snacks', 'Home'] as const

const TEXTS: Record<'en' | 'zh', Record<'positive' | 'neutral' | 'negative', string[]>> = {
  en: {
    positive: ['Excellent quality, I love it, great value!', 'Wonderful taste and fast delivery, very happy.', 'Great product, works perfectly, highly recommend.'],
    neutral: ['It is a product. Arrived on Tuesday.', 'Average size, ordinary box.'],
    negative: ['Terrible quality, broken on arrival, very disappointed.', 'Awful taste, a waste of money, I hate it.', 'Bad product, poor packaging, horrible service.'],
  },
  zh: {
    positive: ['质量非常好，很喜欢，物超所值！', '味道很棒，发货快，非常满意。'],
    neutral: ['收到了，周二到的。', '包装一般，尺寸普通。'],
    negative: ['质量太差了，收到就坏了，非常失望。', '很难吃，浪费钱，太糟糕了。'],
  },
}

export async function seedShop(db: Db, o: ShopOptions): Promise<Shop> {
  const ws = o.workspaceId ?? 1
  const rng = createRng(o.seed ?? 7)
  const tag = `s${ws}-`
  const catalogue: Record<string, number[]> = {}
  for (const category of [...SHOP_CATEGORIES, 'Rare']) {
    const skus = category === 'Rare' ? [`${tag}${category}-1`] : [`${tag}${category}-1`, `${tag}${category}-2`]
    const rows = await db.query<{ id: number }>(
      `INSERT INTO products (workspace_id, sku, name, category, price) SELECT $1, s, s, $2, 10 FROM unnest($3::text[]) AS s ORDER BY s RETURNING id`,
      [ws, category, arrayLiteral(skus)],
    )
    catalogue[category] = rows.map((r) => Number(r.id))
  }
  const customers = await db.query<{ id: number }>(
    `INSERT INTO customers (workspace_id, external_id, signup_at, gender)
     SELECT $1, $2 || lpad(g::text, 6, '0'), $3, CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END FROM generate_series(1, $4::int) g ORDER BY g RETURNING id`,
    [ws, `${tag}C`, o.start.toISOString(), o.customers],
  )
  const customerIds = customers.map((r) => Number(r.id)).sort((a, b) => a - b)
  const span = o.end.getTime() - o.start.getTime()
  const [lo, hi] = o.ordersPerCustomer ?? [3, 8]
  const drafts: Array<Omit<ShopOrder, 'id'> & { lines: Array<[number, number, number]> }> = []
  customerIds.forEach((c, i) => {
    const preferred = SHOP_CATEGORIES[i % 3] as string
    const n = lo + rng.int(hi - lo + 1)
    for (let k = 0; k < n; k++) {
      const orderedAt = new Date(o.start.getTime() + Math.floor(rng.next() * span))
      const lines: Array<[number, number, number]> = []
      const categories: string[] = []
      const count = 1 + rng.int(2)
      for (let l = 0; l < count; l++) {
        const category = rng.next() < 0.005 ? 'Rare' : rng.next() < 0.7 ? preferred : (SHOP_CATEGORIES[rng.int(3)] as string)
        const products = catalogue[category] as number[]
        const product = products[rng.int(products.length)] as number
        if (lines.some((x) => x[0] === product)) continue
        lines.push([product, 1 + rng.int(3), 10 + rng.int(40)])
        categories.push(category)
      }
      const status = rng.next() < 0.08 ? 'cancelled' : 'completed'
      drafts.push({ customerId: c, orderedAt, status, categories, lines, total: lines.reduce((s, [, q, p]) => s + q * p, 0) })
    }
  })
  const orderIds = await db.query<{ id: number; external_id: string }>(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, status, channel, total)
     SELECT $1, u.e, u.c, u.t, u.s, 'web', u.total FROM unnest($2::text[], $3::bigint[], $4::timestamptz[], $5::text[], $6::numeric[]) AS u(e, c, t, s, total)
     RETURNING id, external_id`,
    [ws, arrayLiteral(drafts.map((_, k) => `${tag}O${k}`)), arrayLiteral(drafts.map((d) => d.customerId)), arrayLiteral(drafts.map((d) => d.orderedAt.toISOString())),
      arrayLiteral(drafts.map((d) => d.status)), arrayLiteral(drafts.map((d) => d.total))],
  )
  const idOf = new Map(orderIds.map((r) => [r.external_id, Number(r.id)]))
  const orders: ShopOrder[] = drafts.map((d, k) => ({ id: idOf.get(`${tag}O${k}`) as number, customerId: d.customerId, orderedAt: d.orderedAt, status: d.status, categories: d.categories, total: d.total }))
  const lines = drafts.flatMap((d, k) => d.lines.map((l) => [orders[k]?.id as number, ...l] as const))
  await db.query(
    `INSERT INTO order_items (workspace_id, order_id, product_id, quantity, unit_price) SELECT $1, u.o, u.p, u.q, u.price FROM unnest($2::bigint[], $3::bigint[], $4::int[], $5::numeric[]) AS u(o, p, q, price)`,
    [ws, arrayLiteral(lines.map((l) => l[0])), arrayLiteral(lines.map((l) => l[1])), arrayLiteral(lines.map((l) => l[2])), arrayLiteral(lines.map((l) => l[3]))],
  )

  const reviewDrafts: Array<{ customerId: number; productId: number; rating: number; language: 'en' | 'zh'; reviewedAt: Date; text: string }> = []
  const reviewed = new Set<string>()
  drafts.forEach((d) => {
    if (d.status !== 'completed') return
    for (const [productId] of d.lines) {
      const key = `${d.customerId}:${productId}`
      if (reviewed.has(key) || rng.next() >= (o.reviewShare ?? 0.3)) continue
      reviewed.add(key)
      const rating = 1 + rng.int(5)
      const language = d.customerId % 2 === 0 ? 'zh' : 'en'
      const band = rating >= 4 ? 'positive' : rating === 3 ? 'neutral' : 'negative'
      const texts = TEXTS[language][band]
      const reviewedAt = new Date(Math.min(d.orderedAt.getTime() + 2 * 86_400_000, o.end.getTime() - 1000))
      reviewDrafts.push({ customerId: d.customerId, productId, rating, language, reviewedAt, text: texts[rng.int(texts.length)] as string })
    }
  })
  const reviewIds = reviewDrafts.length === 0 ? [] : await db.query<{ id: number; external_id: string }>(
    `INSERT INTO reviews (workspace_id, external_id, customer_id, product_id, rating, text, language, reviewed_at)
     SELECT $1, u.e, u.c, u.p, u.r, u.t, u.l, u.at FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::int[], $6::text[], $7::text[], $8::timestamptz[]) WITH ORDINALITY AS u(e, c, p, r, t, l, at, n)
     ORDER BY u.n RETURNING id, external_id`,
    [ws, arrayLiteral(reviewDrafts.map((_, k) => `${tag}R${k}`)), arrayLiteral(reviewDrafts.map((r) => r.customerId)), arrayLiteral(reviewDrafts.map((r) => r.productId)),
      arrayLiteral(reviewDrafts.map((r) => r.rating)), arrayLiteral(reviewDrafts.map((r) => r.text)), arrayLiteral(reviewDrafts.map((r) => r.language)), arrayLiteral(reviewDrafts.map((r) => r.reviewedAt.toISOString()))],
  )
  const reviewId = new Map(reviewIds.map((r) => [r.external_id, Number(r.id)]))
  const reviews = reviewDrafts.map((r, k) => ({ id: reviewId.get(`${tag}R${k}`) as number, customerId: r.customerId, productId: r.productId, rating: r.rating, language: r.language, reviewedAt: r.reviewedAt }))

  const ticketCustomers = customerIds.filter(() => rng.next() < (o.ticketShare ?? 0.2))
  const ticketTimes = ticketCustomers.map(() => new Date(o.start.getTime() + Math.floor(rng.next() * span)))
  const ticketIds = ticketCustomers.length === 0 ? [] : await db.query<{ id: number; external_id: string }>(
    `INSERT INTO tickets (workspace_id, external_id, customer_id, channel, subject, body, status, priority, opened_at)
     SELECT $1, u.e, u.c, 'email', u.s, u.b, 'closed', 'normal', u.at FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[]) WITH ORDINALITY AS u(e, c, s, b, at, n)
     ORDER BY u.n RETURNING id, external_id`,
    [ws, arrayLiteral(ticketCustomers.map((_, k) => `${tag}T${k}`)), arrayLiteral(ticketCustomers),
      arrayLiteral(ticketCustomers.map((c) => (c % 2 === 0 ? '包裹坏了' : 'Broken parcel'))),
      arrayLiteral(ticketCustomers.map((c) => (c % 2 === 0 ? '收到的包裹破损，太失望了，请处理。' : 'The parcel arrived damaged, terrible, please help.'))),
      arrayLiteral(ticketTimes.map((t) => t.toISOString()))],
  )
  const ticketId = new Map(ticketIds.map((r) => [r.external_id, Number(r.id)]))
  const tickets = ticketCustomers.map((c, k) => ({ id: ticketId.get(`${tag}T${k}`) as number, customerId: c, openedAt: ticketTimes[k] as Date }))

  const revokedIds = new Set(customerIds.slice(0, o.revoked ?? 0))
  if (revokedIds.size > 0) {
    await db.query(
      `INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at)
       SELECT $1, $2 || u.c, u.c, 'email', 'profiling', 'revoked', $4 FROM unnest($3::bigint[]) AS u(c)`,
      [ws, `${tag}K`, arrayLiteral([...revokedIds]), o.start.toISOString()],
    )
  }
  return { customerIds, revokedIds, products: catalogue, orders, reviews, tickets }
}
