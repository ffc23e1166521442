import type { Db } from '../../store/db.ts'
import { StoreFixture } from './store-fixture.ts'

/**
 * Test data: a small workspace whose features as of AS_OF are worked out by hand in customer-features.test.ts
 * (each row's comment says what it is there to check). AS_OF − 30 days = 2025-06-01, − 90 days = 2025-04-02,
 * − 365 days = 2024-07-01.
 */
export const AS_OF = new Date('2025-07-01T00:00:00Z')

export interface HandMadeIds {
  a: number
  b: number
  c: number
  d: number
  e: number
  f: number
  g: number
  h: number
  i: number
  products: { tea: number; snacks: number; home: number }
  otherWorkspace: number
}

export async function seedHandMadeWorkspace(db: Db): Promise<HandMadeIds> {
  const fx = new StoreFixture(db)
  const tea = await fx.product('Tea')
  const snacks = await fx.product('Snacks')
  const home = await fx.product('Home')

  // A: a regular buyer with every kind of activity.
  const a = await fx.customer({ signup_at: '2024-01-01T00:00:00Z', birth_date: '1990-07-02', city: '上海', gender: 'female', signup_channel: 'wechat' })
  await fx.order(a, '2025-06-21T00:00:00Z', 'completed', 'web', [[tea, 2, 30], [snacks, 1, 40]])
  await fx.order(a, '2025-04-02T00:00:00Z', 'completed', 'app', [[tea, 1, 50]]) // exactly AS_OF − 90 days: inside the 90-day window
  await fx.order(a, '2024-09-04T00:00:00Z', 'completed', 'web', [[home, 1, 200]])
  await fx.order(a, '2025-05-01T00:00:00Z', 'cancelled', 'web', [[tea, 1, 80]])
  await fx.order(a, '2025-06-30T00:00:00Z', 'refunded', 'store', [[snacks, 1, 30]])
  await fx.event(a, 'view', '2025-06-25T00:00:00Z')
  await fx.event(a, 'view', '2025-05-15T00:00:00Z')
  await fx.event(a, 'add_to_cart', '2025-06-28T00:00:00Z')
  await fx.event(a, 'email_open', '2025-03-01T00:00:00Z') // older than 90 days
  await fx.event(a, 'email_click', '2025-06-30T23:59:59Z') // one second before AS_OF
  await fx.event(a, 'login', '2025-06-01T00:00:00Z') // exactly AS_OF − 30 days: inside the 30-day window
  await fx.review(a, tea, 5, '2025-05-01T00:00:00Z')
  await fx.review(a, snacks, 2, '2025-06-01T00:00:00Z')
  await fx.review(a, home, 1, '2024-12-01T00:00:00Z')
  await fx.ticket(a, '2025-06-10T00:00:00Z', 'open', 'high')
  await fx.ticket(a, '2025-01-10T00:00:00Z', 'closed', 'normal')
  await fx.consent(a, 'email', 'marketing', 'granted', '2024-01-01T00:00:00Z')
  await fx.consent(a, 'sms', 'marketing', 'granted', '2025-02-01T00:00:00Z')
  await fx.consent(a, 'email', 'marketing', 'revoked', '2025-03-01T00:00:00Z')
  await fx.consent(a, 'email', 'profiling', 'granted', '2025-04-01T00:00:00Z') // another purpose: not the marketing state

  // B: signed up 16 days before AS_OF, nothing else.
  const b = await fx.customer({ signup_at: '2025-06-15T00:00:00Z' })
  // C: signup recorded after AS_OF but an imported order before it: eligible, tenure from the order.
  const c = await fx.customer({ signup_at: '2025-08-01T00:00:00Z' })
  await fx.order(c, '2025-06-01T00:00:00Z', 'completed', 'marketplace', [[snacks, 1, 20]])
  // D: signs up and buys after AS_OF only; E: no signup, no activity. Neither is eligible.
  const d = await fx.customer({ signup_at: '2025-08-01T00:00:00Z' })
  await fx.order(d, '2025-08-02T00:00:00Z', 'completed', 'web', [[home, 3, 100]])
  const e = await fx.customer()
  // F: profiling revoked before AS_OF → excluded. G: revoked, then granted again (on the other channel) → kept.
  const f = await fx.customer({ signup_at: '2024-05-01T00:00:00Z' })
  await fx.consent(f, 'sms', 'profiling', 'revoked', '2025-06-01T00:00:00Z')
  const g = await fx.customer({ signup_at: '2024-05-01T00:00:00Z' })
  await fx.consent(g, 'email', 'profiling', 'revoked', '2025-01-01T00:00:00Z')
  await fx.consent(g, 'sms', 'profiling', 'granted', '2025-03-01T00:00:00Z')
  // H: granted and revoked at the same instant → revoked wins. I: revoked after AS_OF (but before now).
  const h = await fx.customer({ signup_at: '2024-05-01T00:00:00Z' })
  await fx.consent(h, 'email', 'profiling', 'revoked', '2025-02-01T00:00:00Z')
  await fx.consent(h, 'sms', 'profiling', 'granted', '2025-02-01T00:00:00Z')
  const i = await fx.customer({ signup_at: '2024-05-01T00:00:00Z' })
  await fx.consent(i, 'email', 'profiling', 'revoked', '2025-09-01T00:00:00Z')

  // Another workspace's customer and category must not show up.
  const otherWorkspace = await fx.workspace('other')
  const other = new StoreFixture(db, otherWorkspace)
  const zeta = await other.product('Zeta')
  const x = await other.customer({ signup_at: '2024-01-01T00:00:00Z' })
  await other.order(x, '2025-06-01T00:00:00Z', 'completed', 'web', [[zeta, 10, 1000]])

  return { a, b, c, d, e, f, g, h, i, products: { tea, snacks, home }, otherWorkspace }
}
