import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import type { Db } from '../../store/db.ts'
import { churnTrainingSet } from './churn-training-set.ts'
import { cell, plainFeatures } from './feature-cells.ts'
import { StoreFixture } from './store-fixture.ts'

/**
 * T = 2025-07-01, horizon 90 days: features as of the cut-off 2025-04-02, label window [2025-04-02, 2025-07-01).
 * Each customer checks one rule of the definition.
 */
const T = new Date('2025-07-01T00:00:00Z')
const CUTOFF = '2025-04-02T00:00:00.000Z'
const BEFORE = '2025-01-10T00:00:00Z'

interface People {
  retained: number
  churnedDespiteLaterOrders: number
  orderAtCutoff: number
  onlyCancelledInWindow: number
  newInWindow: number
  revokedAfterT: number
  onlyPending: number
}

async function seed(db: Db): Promise<{ fx: StoreFixture; p: People; product: number }> {
  const fx = new StoreFixture(db)
  const product = await fx.product('Tea')
  const customer = () => fx.customer({ signup_at: '2024-06-01T00:00:00Z' })
  const buy = (c: number, at: string, status = 'completed') => fx.order(c, at, status, 'web', [[product, 1, 10]])
  const p: People = {
    retained: await customer(),
    churnedDespiteLaterOrders: await customer(),
    orderAtCutoff: await customer(),
    onlyCancelledInWindow: await customer(),
    newInWindow: await customer(),
    revokedAfterT: await customer(),
    onlyPending: await customer(),
  }
  await buy(p.retained, BEFORE)
  await buy(p.retained, '2025-05-01T00:00:00Z')
  await buy(p.churnedDespiteLaterOrders, BEFORE)
  await buy(p.churnedDespiteLaterOrders, T.toISOString()) // exactly T: the next period
  await buy(p.churnedDespiteLaterOrders, '2025-08-01T00:00:00Z')
  await buy(p.orderAtCutoff, BEFORE)
  await buy(p.orderAtCutoff, CUTOFF) // exactly the cut-off: a label order, not a feature
  await buy(p.onlyCancelledInWindow, BEFORE)
  await buy(p.onlyCancelledInWindow, '2025-05-01T00:00:00Z', 'cancelled')
  await buy(p.newInWindow, '2025-05-01T00:00:00Z')
  await buy(p.revokedAfterT, BEFORE)
  await fx.consent(p.revokedAfterT, 'email', 'profiling', 'revoked', '2025-08-01T00:00:00Z')
  await buy(p.onlyPending, BEFORE, 'pending')
  return { fx, p, product }
}

for (const backend of backends()) {
  describe(`churnTrainingSet on ${backend.name}`, () => {
    let db: Db
    let fx: StoreFixture
    let p: People
    let product: number
    before(async () => {
      db = await backend.open()
      ;({ fx, p, product } = await seed(db))
    })
    after(() => db.close())

    test('rows: active before the cut-off; label: no completed order in [T − horizon, T)', async () => {
      const set = await churnTrainingSet(db, 1, { asOf: T })
      assert.equal(set.cutoff.toISOString(), CUTOFF)
      assert.equal(set.horizonDays, 90)
      assert.deepEqual(Array.from(set.features.customerIds), [p.retained, p.churnedDespiteLaterOrders, p.orderAtCutoff, p.onlyCancelledInWindow])
      assert.deepEqual(Array.from(set.y), [0, 1, 0, 1])
      assert.equal(set.excludedNoProfilingConsent, 1, 'a revocation recorded after T still excludes (consent is checked as of now)')
      assert.equal(cell(set.features, p.orderAtCutoff, 'frequency'), 1, 'the order at the cut-off is not a feature')
      assert.equal(cell(set.features, p.orderAtCutoff, 'recency_days'), 82, '2025-01-10 → 2025-04-02')
      assert.equal(set.features.frame.nRows, 4)
      assert.ok(!set.features.frame.columns.some((c) => c.name === 'tickets_open_current'), 'no current-status column in training')
    })

    test('a shorter horizon moves the cut-off and the labels', async () => {
      const set = await churnTrainingSet(db, 1, { asOf: T, horizonDays: 30 })
      assert.equal(set.cutoff.toISOString(), '2025-06-01T00:00:00.000Z')
      // As of 2025-06-01 everyone who bought in 2025 is active; nobody buys in [06-01, 07-01).
      assert.deepEqual(Array.from(set.features.customerIds), [p.retained, p.churnedDespiteLaterOrders, p.orderAtCutoff, p.onlyCancelledInWindow, p.newInWindow])
      assert.deepEqual(Array.from(set.y), [1, 1, 1, 1, 1])
    })

    test('orders in the label window change labels only; orders from T on change nothing', async () => {
      const first = await churnTrainingSet(db, 1, { asOf: T })
      await fx.order(p.onlyPending, '2025-09-01T00:00:00Z', 'completed', 'web', [[product, 1, 10]])
      await fx.order(p.churnedDespiteLaterOrders, '2025-07-02T00:00:00Z', 'completed', 'app', [[product, 5, 10]])
      const afterT = await churnTrainingSet(db, 1, { asOf: T })
      assert.deepStrictEqual(plainFeatures(afterT.features), plainFeatures(first.features))
      assert.deepEqual(Array.from(afterT.y), Array.from(first.y))
      await fx.order(p.onlyCancelledInWindow, '2025-06-30T23:59:59Z', 'completed', 'store', [[product, 9, 10]])
      const inWindow = await churnTrainingSet(db, 1, { asOf: T })
      assert.deepStrictEqual(plainFeatures(inWindow.features), plainFeatures(first.features), 'features are blind to the label window')
      assert.deepEqual(Array.from(inWindow.y), [0, 1, 0, 0])
    })

    test('horizon must be positive', async () => {
      await assert.rejects(churnTrainingSet(db, 1, { asOf: T, horizonDays: 0 }), RangeError)
    })
  })
}
