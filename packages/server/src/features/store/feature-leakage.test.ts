import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import type { Db } from '../../store/db.ts'
import { CHANNELS, EVENT_TYPES } from '../../domain/entities.ts'
import { customerFeatures } from './customer-features.ts'
import { cell, plainFeatures } from './feature-cells.ts'
import { AS_OF, seedHandMadeWorkspace, type HandMadeIds } from './hand-made-workspace.ts'
import { StoreFixture } from './store-fixture.ts'

/**
 * Leakage: the same workspace twice, one copy with data planted at and after AS_OF (orders on every channel
 * in a new top category, a refund, an event of every type, a bad review, an urgent open ticket, consent
 * changes, a new customer). As of AS_OF the two feature sets must be identical, rows, categories and values;
 * as of two days later the plants must change every feature of customer A that depends on activity, which
 * proves they were not planted somewhere the query never looks.
 */
const AT = AS_OF.toISOString()
const LATER = new Date(AS_OF.getTime() + 2 * 86_400_000)
const DAY_AFTER = new Date(AS_OF.getTime() + 86_400_000).toISOString()
/** Columns no planted row can change: profile fields and tenure (A signed up long before). */
const STATIC = ['tenure_days', 'age_years', 'age_band', 'city', 'gender', 'signup_channel']

async function plant(db: Db, ids: HandMadeIds): Promise<void> {
  const fx = new StoreFixture(db, 1, 'planted-')
  const leak = await fx.product('Leak')
  for (const channel of CHANNELS) await fx.order(ids.a, AT, 'completed', channel, [[leak, 1, 1000]])
  await fx.order(ids.a, DAY_AFTER, 'refunded', 'web', [[ids.products.tea, 1, 10]])
  for (const type of EVENT_TYPES) await fx.event(ids.a, type, AT)
  await fx.event(ids.a, 'view', DAY_AFTER)
  await fx.review(ids.a, leak, 1, AT)
  await fx.ticket(ids.a, AT, 'open', 'urgent')
  await fx.consent(ids.a, 'email', 'marketing', 'granted', AT)
  await fx.consent(ids.a, 'sms', 'marketing', 'revoked', AT)
  await fx.order(ids.b, AT, 'completed', 'app', [[leak, 2, 500]])
  await fx.event(ids.b, 'view', AT)
  await fx.order(ids.d, AT, 'completed', 'web', [[leak, 1, 50]])
  const newcomer = await fx.customer({ signup_at: AT })
  await fx.order(newcomer, AT, 'completed', 'web', [[leak, 1, 50]])
  await fx.event(ids.e, 'view', DAY_AFTER)
}

for (const backend of backends()) {
  describe(`feature leakage on ${backend.name}`, () => {
    let base: Db
    let planted: Db
    let ids: HandMadeIds
    before(async () => {
      base = await backend.open()
      planted = await backend.open()
      ids = await seedHandMadeWorkspace(base)
      const again = await seedHandMadeWorkspace(planted)
      assert.deepEqual(again, ids, 'both copies have the same ids')
      await plant(planted, ids)
    })
    after(async () => {
      await base.close()
      await planted.close()
    })

    test('data at or after asOf changes nothing as of asOf', async () => {
      const options = { asOf: AS_OF, consentCheckedAt: AS_OF }
      assert.deepStrictEqual(plainFeatures(await customerFeatures(planted, 1, options)), plainFeatures(await customerFeatures(base, 1, options)))
    })

    test('the planted data does change every activity feature once it is before asOf', async () => {
      const options = { asOf: LATER, consentCheckedAt: AS_OF }
      const before = await customerFeatures(base, 1, options)
      const withPlants = await customerFeatures(planted, 1, options)
      assert.equal(withPlants.spec.categories[0], 'Leak', 'the planted category tops the list')
      assert.ok(!before.spec.categories.includes('Leak'))
      const categories = { ...options, categories: ['Home', 'Tea', 'Snacks', 'Leak'] }
      const a = await customerFeatures(base, 1, categories)
      const b = await customerFeatures(planted, 1, categories)
      const unchanged = a.frame.columns
        .map((c) => c.name)
        .filter((name) => !STATIC.includes(name) && Object.is(cell(a, ids.a, name), cell(b, ids.a, name)))
      assert.deepEqual(unchanged, [], 'every non-static feature of A moved')
      assert.ok(b.frame.nRows > a.frame.nRows, 'the newcomer and D are rows once their activity is before asOf')
    })
  })
}
