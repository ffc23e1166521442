import { StoreFixture } from '../../../features/store/store-fixture.ts'
import type { Db } from '../../../store/db.ts'

/** The instant every segment test evaluates at. */
export const NOW = new Date('2026-06-15T12:00:00Z')

export interface SegmentWorld {
  ws: number
  ids: Record<'A' | 'B' | 'C' | 'E', number>
  products: { tea: number; toy: number }
}

/**
 * A small workspace whose every row is stated here, so each segment test can say exactly who must match:
 * A  上海, signed up 2025-01-01, birthday 20 June, tag vip, two purchases in the last 30 days (and a
 *    cancelled one), bought tea, viewed twice, e-mail consent granted, churn 0.8 high, CLV 500 (90th pct).
 * B  Shanghai, signed up 5 days ago, no orders, e-mail consent granted then revoked, no scores.
 * C  北京, signed up 2024-01-01, one purchase 106 days ago (a toy), no consent, churn 0.3 low, CLV 100 (40th).
 * E  上海, signed up 2024-06-01, one purchase at 2026-01-01 17:00 UTC (= 2 January 01:00 in Shanghai).
 */
export async function segmentWorld(db: Db, slug: string): Promise<SegmentWorld> {
  const root = new StoreFixture(db)
  const ws = await root.workspace(slug)
  const f = new StoreFixture(db, ws, `${slug}-`)
  const tea = await f.product('Coffee & Tea')
  const toy = await f.product('Pet Supplies')
  const customer = async (externalId: string, fields: Record<string, unknown>) => {
    const [r] = await db.query<{ id: number }>(
      `INSERT INTO customers (workspace_id, external_id, name, email, city, signup_at, birth_date, tags, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::jsonb) RETURNING id`,
      [ws, externalId, fields.name ?? null, fields.email ?? null, fields.city ?? null, fields.signup_at ?? null, fields.birth_date ?? null,
        fields.tags ?? '{}', JSON.stringify(fields.attributes ?? {})])
    return Number(r?.id)
  }
  const A = await customer('A', { name: 'Ann', email: 'ann@example.com', city: '上海', signup_at: '2025-01-01T00:00:00Z', birth_date: '1990-06-20', tags: '{vip}',
    attributes: { loyalty: { tier: 'gold', points: 1200 }, first_visit: '2024-02-30', newsletter: true } })
  const B = await customer('B', { name: 'Bo', city: 'Shanghai', signup_at: '2026-06-10T00:00:00Z', attributes: { loyalty: { tier: 'silver', points: '900' } } })
  const C = await customer('C', { name: 'Chen', city: '北京', signup_at: '2024-01-01T00:00:00Z', birth_date: '1985-02-28' })
  const E = await customer('E', { name: 'Eve', city: '上海', signup_at: '2024-06-01T00:00:00Z' })

  await f.order(A, '2026-06-01T10:00:00Z', 'completed', 'web', [[tea, 2, 50]])
  await f.order(A, '2026-06-10T10:00:00Z', 'paid', 'app', [[tea, 1, 50]])
  await f.order(A, '2026-06-12T10:00:00Z', 'cancelled', 'web', [[toy, 1, 999]])
  await f.order(C, '2026-03-01T10:00:00Z', 'completed', 'store', [[toy, 1, 80]])
  await f.order(E, '2026-01-01T17:00:00Z', 'completed', 'web', [[tea, 1, 30]])
  await f.event(A, 'view', '2026-06-14T10:00:00Z')
  await f.event(A, 'view', '2026-06-13T10:00:00Z')
  await f.event(C, 'email_open', '2026-06-01T10:00:00Z')
  await f.review(A, tea, 5, '2026-06-05T10:00:00Z')
  await f.review(C, toy, 2, '2026-03-05T10:00:00Z')
  await f.ticket(C, '2026-03-06T10:00:00Z', 'open', 'high')
  await f.consent(A, 'email', 'marketing', 'granted', '2025-01-01T00:00:00Z')
  await f.consent(B, 'email', 'marketing', 'granted', '2026-06-10T00:00:00Z')
  await f.consent(B, 'email', 'marketing', 'revoked', '2026-06-11T00:00:00Z')

  const version = async (kind: string) => {
    const [v] = await db.query<{ id: number }>(
      `INSERT INTO model_versions (workspace_id, kind, version, status, actor_label) VALUES ($1, $2, 1, 'active', 'test') RETURNING id`, [ws, kind])
    return Number(v?.id)
  }
  const churn = await version('churn')
  const clv = await version('clv')
  const score = (kind: string, v: number, c: number, s: number, pct: number | null, band: string | null, details: object) =>
    db.query(`INSERT INTO customer_scores (workspace_id, kind, customer_id, model_version_id, score, percentile, band, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [ws, kind, c, v, s, pct, band, JSON.stringify(details)])
  await score('churn', churn, A, 0.8, 95, 'high', {})
  await score('churn', churn, C, 0.3, 30, 'low', {})
  await score('clv', clv, A, 500, 90, null, { p_alive: 0.9, expected_orders: 4.2 })
  await score('clv', clv, C, 100, 40, null, { p_alive: 0.35, expected_orders: 0.4 })
  return { ws, ids: { A, B, C, E }, products: { tea, toy } }
}
