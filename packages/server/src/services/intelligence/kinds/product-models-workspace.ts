import { StoreFixture } from '../../../features/store/store-fixture.ts'
import type { Db } from '../../../store/db.ts'

/**
 * Test data for the recommend and basket-rules kinds: two shopper groups (tea, pet) who buy within their
 * group, a later period in which half of them buy one more product of their group, a tea product nobody has
 * bought yet, a customer whose profiling consent is revoked, one who only looked at a tea product and one
 * with no activity at all. T = 2026-06-01; the last 30 days (from 2026-05-02) are the backtest's test period.
 */
export const T = new Date('2026-06-01T00:00:00Z')
const GROUP = 60

export interface ProductModelsIds {
  tea: number[]
  pet: number[]
  newTea: number
  revoked: number
  browser: number
  newcomer: number
  teaBuyers: number[]
}

export async function seedProductModelsWorkspace(db: Db): Promise<ProductModelsIds> {
  const fx = new StoreFixture(db)
  const product = async (sku: string, name: string, category: string, description: string) => {
    const [row] = await db.query<{ id: number }>(
      'INSERT INTO products (workspace_id, sku, name, category, brand, description) VALUES (1, $1, $2, $3, $4, $5) RETURNING id',
      [sku, name, category, category === 'Tea' ? 'Hangzhou Leaf' : 'Happy Paws', description],
    )
    return Number(row?.id)
  }
  const tea: number[] = []
  const pet: number[] = []
  for (let i = 0; i < 4; i++) tea.push(await product(`TEA-${i}`, `Longjing green tea grade ${i}`, 'Tea', 'Spring-picked green tea leaves from Hangzhou'))
  for (let i = 0; i < 4; i++) pet.push(await product(`PET-${i}`, `Dog chew toy size ${i}`, 'Pet', 'Durable rubber toy for dogs'))
  const newTea = await product('TEA-NEW', 'Longjing green tea reserve', 'Tea', 'Spring-picked green tea leaves from Hangzhou, reserve lot')
  const early = (i: number, k: number) => new Date(Date.UTC(2026, 0, 5 + ((i * 7 + k * 31) % 100))).toISOString()
  const late = (i: number) => new Date(Date.UTC(2026, 4, 5 + (i % 25))).toISOString()
  const teaBuyers: number[] = []
  const buyGroup = async (items: number[], i: number): Promise<number> => {
    const c = await fx.customer({ signup_at: '2025-12-01T00:00:00Z' })
    // Two earlier orders of two products each (so baskets pair products), then, for every other customer,
    // a product of the group they had not bought.
    await fx.order(c, early(i, 0), 'completed', 'web', [[items[i % 4] as number, 1, 10], [items[(i + 1) % 4] as number, 1, 10]])
    await fx.order(c, early(i, 1), 'completed', 'web', [[items[(i + 1) % 4] as number, 1, 10]])
    if (i % 2 === 0) await fx.order(c, late(i), 'completed', 'web', [[items[(i + 2) % 4] as number, 1, 10], [items[(i + 1) % 4] as number, 1, 10]])
    return c
  }
  for (let i = 0; i < GROUP; i++) teaBuyers.push(await buyGroup(tea, i))
  for (let i = 0; i < GROUP; i++) await buyGroup(pet, i)
  const revoked = await buyGroup(tea, 1)
  await fx.consent(revoked, 'email', 'profiling', 'revoked', '2026-03-01T00:00:00Z')
  const browser = await fx.customer({ signup_at: '2026-05-20T00:00:00Z' })
  await db.query(
    `INSERT INTO events (workspace_id, external_id, customer_id, type, product_id, occurred_at) VALUES (1, 'view-1', $1, 'view', $2, '2026-05-25T00:00:00Z')`,
    [browser, tea[0]],
  )
  const newcomer = await fx.customer({ signup_at: '2026-05-28T00:00:00Z' })
  return { tea, pet, newTea, revoked, browser, newcomer, teaBuyers }
}
