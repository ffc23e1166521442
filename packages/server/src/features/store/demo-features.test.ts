import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { classifierProba, fitClassifier, rocAuc } from '@rapport/ml'
import { backends } from '../../../test/backends.ts'
import { systemActor } from '../../domain/actor.ts'
import { generateDemo } from '../../demo/generate.ts'
import { loadDemo } from '../../services/demo/load-demo.ts'
import type { Db } from '../../store/db.ts'
import { churnTrainingSet } from './churn-training-set.ts'
import { customerFeatures } from './customer-features.ts'

/**
 * The demo workspace (5,000 customers, seed 1) in an in-memory PGlite: features as of a date inside the data
 * are sane (finite, shares ≤ 1), the rows are exactly the eligible customers and the order totals agree with
 * the generator's own records (counted here in plain JavaScript, independently of the SQL); and the churn
 * training set feeds @rapport/ml's classifier as is. Prints the time each step took.
 */
const CUSTOMERS = 5000
const SEED = 1
const AS_OF = new Date('2026-05-01T00:00:00Z')
const DEMO_END = new Date('2026-11-01T00:00:00Z')

describe('store features on the demo data (PGlite)', () => {
  let db: Db
  before(async () => {
    const pglite = backends()[0]
    if (!pglite) throw new Error('no PGlite backend')
    db = await pglite.open()
    const t0 = performance.now()
    await loadDemo(db, { actor: systemActor(1), customers: CUSTOMERS, seed: SEED })
    console.log(`demo load: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  })
  after(() => db.close())

  test('rows = eligible customers; finite values; shares ≤ 1; totals match the generator', async () => {
    const t0 = performance.now()
    const f = await customerFeatures(db, 1, { asOf: AS_OF })
    console.log(`customerFeatures, ${f.frame.nRows} customers × ${f.frame.columns.length} columns: ${(performance.now() - t0).toFixed(0)} ms`)

    const data = generateDemo({ customers: CUSTOMERS, seed: SEED })
    const before = (iso: string | undefined) => iso !== undefined && new Date(iso) < AS_OF
    const active = new Set<string>()
    for (const o of data.orders) if (before(o.ordered_at)) active.add(o.customer_id)
    for (const e of data.events) if (before(e.occurred_at)) active.add(e.customer_id)
    for (const r of data.reviews) if (before(r.reviewed_at)) active.add(r.customer_id)
    for (const t of data.tickets) if (before(t.opened_at)) active.add(t.customer_id)
    const eligible = data.customers.filter((c) => before(c.signup_at) || active.has(c.external_id)).length
    assert.ok(eligible > 1000 && eligible < CUSTOMERS, `as of ${AS_OF.toISOString()} some but not all customers exist (${eligible})`)
    assert.equal(f.excludedNoProfilingConsent, 0, 'the demo records no profiling consent')
    assert.equal(f.frame.nRows, eligible)

    const completed = data.orders.filter((o) => o.status === 'completed' && before(o.ordered_at))
    const column = (name: string) => {
      const c = f.frame.columns.find((x) => x.name === name)
      if (!c || c.kind === 'categorical') throw new Error(`no numeric ${name}`)
      return c.values
    }
    const sum = (xs: Float64Array) => xs.reduce((s, v) => s + (Number.isNaN(v) ? 0 : v), 0)
    assert.equal(sum(column('frequency')), completed.length)
    assert.ok(Math.abs(sum(column('monetary')) - completed.reduce((s, o) => s + o.total, 0)) < 0.01 * completed.length)

    for (const col of f.frame.columns) {
      if (col.kind === 'categorical') continue
      for (const v of col.values) assert.ok(Number.isNaN(v) || (Number.isFinite(v) && v >= 0), `${col.name}: ${v}`)
    }
    for (const prefix of ['category_share_', 'channel_share_']) {
      const shares = f.frame.columns.filter((c) => c.name.startsWith(prefix)).map((c) => (c.kind === 'categorical' ? new Float64Array() : c.values))
      assert.ok(shares.length > 0, prefix)
      for (let i = 0; i < f.frame.nRows; i++) {
        const total = shares.reduce((s, v) => s + (Number.isNaN(v[i] as number) ? 0 : (v[i] as number)), 0)
        assert.ok(total <= 1 + 1e-9, `${prefix} of row ${i} sum to ${total}`)
      }
    }
  })

  test('churn: train as of the data end − 90 days, evaluate as of the end; the classifier takes the frame as is', async () => {
    const t0 = performance.now()
    const train = await churnTrainingSet(db, 1, { asOf: new Date(DEMO_END.getTime() - 90 * 86_400_000) })
    const test = await churnTrainingSet(db, 1, { asOf: DEMO_END, categories: train.spec.categories })
    console.log(`two churn sets (${train.y.length} + ${test.y.length} rows): ${(performance.now() - t0).toFixed(0)} ms`)
    const rate = (y: Float64Array) => y.reduce((s, v) => s + v, 0) / y.length
    assert.ok(rate(train.y) > 0.05 && rate(train.y) < 0.95, `churn rate ${rate(train.y)}`)
    const schema = train.features.frame.columns.map((c) => ({ name: c.name, kind: c.kind }))
    const t1 = performance.now()
    const model = fitClassifier(train.features.frame, train.y, { schema, target: { column: 'churned', positive: '1' } }, { model: 'logistic', logistic: { C: 1 } })
    const auc = rocAuc(test.y, classifierProba(model, test.features.frame))
    console.log(`logistic fit + score: ${(performance.now() - t1).toFixed(0)} ms, holdout AUC ${auc.toFixed(3)}`)
    assert.ok(auc > 0.6, `holdout AUC ${auc}`)
    // Scoring: the same features as of the end, with the training categories; the extra current-status
    // column is ignored by name, and every eligible customer gets a finite probability.
    const scoring = await customerFeatures(db, 1, { asOf: DEMO_END, categories: train.spec.categories })
    assert.ok(scoring.frame.columns.some((c) => c.name === 'tickets_open_current'))
    const p = classifierProba(model, scoring.frame)
    assert.equal(p.length, scoring.frame.nRows)
    assert.ok(p.every((v) => Number.isFinite(v) && v >= 0 && v <= 1))
  })
})
