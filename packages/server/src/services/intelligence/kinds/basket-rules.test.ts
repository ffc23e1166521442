import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { generateDemoWithTruth } from '../../../demo/generate.ts'
import { systemActor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { loadDemo } from '../../demo/load-demo.ts'
import { trainModel, type TrainRunResult } from '../run-model.ts'
import { seedProductModelsWorkspace, T } from './product-models-workspace.ts'

const actor = systemActor(1)
/** Every planted bundle pair must show among this many rules by lift (of ~150 on the demo). */
const TOP_N = 100

interface StoredRule {
  antecedent: number[]
  consequent: number[]
  lift: number
  confidence: number
}
interface Association {
  product_id: number
  rank: number
  other_product_id: number
  lift: number
  confidence: number
  model_version_id: number
}
const associations = (db: Db) =>
  db.query<Association>('SELECT product_id, rank, other_product_id, lift, confidence, model_version_id FROM product_associations WHERE workspace_id = 1 ORDER BY product_id, rank')
    .then((rows) => rows.map((r) => ({ ...r, product_id: Number(r.product_id), other_product_id: Number(r.other_product_id), model_version_id: Number(r.model_version_id) })))

describe('basket rules on the demo (5,000 customers, PGlite)', () => {
  let db: Db
  let run: TrainRunResult
  let rules: StoredRule[]
  let skuOf: Map<number, string>
  before(async () => {
    const pglite = backends()[0]
    if (!pglite) throw new Error('no PGlite backend')
    db = await pglite.open()
    await loadDemo(db, { actor, customers: 5000, seed: 1 })
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    run = await trainModel({ db, actor }, 'basket_rules')
    const cpu = process.cpuUsage(c0)
    const m = run.metrics
    console.log(
      `basket_rules train + score: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; ${m.rules} rules from ${m.baskets} baskets ` +
        `(min support ${m.min_support?.toFixed(5)}); top-20 confidence ${m.in_sample_confidence_top20?.toFixed(3)} in sample, ${m.holdout_confidence_top20?.toFixed(3)} out of time, chance ${m.baseline_holdout_confidence_top20?.toFixed(4)}`,
    )
    const [v] = await db.query<{ rules: StoredRule[] }>(`SELECT report->'rules' AS rules FROM model_versions WHERE workspace_id = 1 AND id = $1`, [run.versionId])
    rules = v?.rules ?? []
    skuOf = new Map((await db.query<{ id: number; sku: string }>('SELECT id, sku FROM products WHERE workspace_id = 1')).map((r) => [Number(r.id), r.sku]))
  })
  after(() => db.close())

  test(`every planted bundle pair is linked by one of the top ${TOP_N} rules by lift`, () => {
    assert.equal(run.status, 'active', run.reason ?? '')
    const { truth } = generateDemoWithTruth({ customers: 5000, seed: 1 })
    const ranks: string[] = []
    for (const bundle of truth.bundles) {
      for (let a = 0; a < bundle.length; a++) {
        for (let b = a + 1; b < bundle.length; b++) {
          // Any variant of a line counts: a rule links the lines when its antecedent holds one and its consequent the other.
          const A = new Set(bundle[a])
          const B = new Set(bundle[b])
          const links = (r: StoredRule) => {
            const lhs = r.antecedent.map((i) => skuOf.get(i) ?? '')
            const rhs = skuOf.get(r.consequent[0] ?? -1) ?? ''
            return (lhs.some((s) => A.has(s)) && B.has(rhs)) || (lhs.some((s) => B.has(s)) && A.has(rhs))
          }
          const rank = rules.findIndex(links) + 1
          ranks.push(`${bundle[a]?.[0]}~${bundle[b]?.[0]} #${rank}`)
          assert.ok(rank >= 1 && rank <= TOP_N, `${bundle[a]?.[0]} ~ ${bundle[b]?.[0]}: rank ${rank} of ${rules.length}`)
        }
      }
    }
    console.log(`planted pairs, first linking rule by lift: ${ranks.join(', ')}`)
  })

  test('the top 50 rules are nearly all within planted bundles, and hold up out of time far above chance', () => {
    const { truth } = generateDemoWithTruth({ customers: 5000, seed: 1 })
    const bundleOf = new Map<string, number>()
    truth.bundles.forEach((lines, k) => lines.forEach((skus) => skus.forEach((s) => bundleOf.set(s, k))))
    const within = rules.slice(0, 50).filter((r) => {
      const ks = [...r.antecedent, ...r.consequent].map((i) => bundleOf.get(skuOf.get(i) ?? ''))
      return ks.every((k) => k !== undefined && k === ks[0])
    }).length
    console.log(`top 50 rules within a planted bundle: ${within}`)
    assert.ok(within >= 45, `${within} of 50`)
    const m = run.metrics
    assert.ok((m.holdout_confidence_top20 as number) > 10 * (m.baseline_holdout_confidence_top20 as number), JSON.stringify(m))
  })

  test('bought-together lists: ≤ 10 per product, ranks 1.., best lift first, each backed by a stored rule', async () => {
    const rows = await associations(db)
    assert.ok(rows.length > 50)
    const byProduct = new Map<number, Association[]>()
    for (const r of rows) byProduct.set(r.product_id, [...(byProduct.get(r.product_id) ?? []), r])
    const ruleLift = new Map(rules.filter((r) => r.antecedent.length === 1).map((r) => [`${r.antecedent[0]}>${r.consequent[0]}`, r.lift]))
    for (const [, list] of byProduct) {
      assert.ok(list.length <= 10)
      list.forEach((r, i) => {
        assert.equal(r.rank, i + 1)
        if (i > 0) assert.ok((list[i - 1]?.lift ?? 0) >= r.lift)
        assert.equal(ruleLift.get(`${r.product_id}>${r.other_product_id}`), r.lift)
        assert.ok(r.model_version_id === run.versionId)
      })
    }
  })

  test('a second run replaces the lists; a profiling revocation is counted and its orders left out', async () => {
    const [buyer] = await db.query<{ customer_id: number }>(`SELECT customer_id FROM orders WHERE workspace_id = 1 AND status = 'completed' ORDER BY id LIMIT 1`)
    await db.query(
      `INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES (1, 'revoke-basket', $1, 'email', 'profiling', 'revoked', now())`,
      [buyer?.customer_id],
    )
    const again = await trainModel({ db, actor }, 'basket_rules', { min_confidence: 0.2 })
    assert.equal(again.training.excludedNoProfilingConsent, 1)
    assert.ok((again.metrics.baskets as number) < (run.metrics.baskets as number))
    assert.equal(again.status, 'active', again.reason ?? '')
    const rows = await associations(db)
    assert.ok(rows.length > 0)
    assert.ok(rows.every((r) => r.model_version_id === again.versionId && r.confidence >= 0.2))
  })
})

for (const backend of backends()) {
  describe(`basket rules with too few baskets (${backend.name})`, () => {
    let db: Db
    before(async () => {
      db = await backend.open()
      await seedProductModelsWorkspace(db)
    })
    after(() => db.close())

    test('insufficient_data with a reason naming the count, nothing stored', async () => {
      const r = await trainModel({ db, actor, asOf: T }, 'basket_rules')
      assert.equal(r.status, 'insufficient_data')
      assert.match(r.reason ?? '', /^needs ≥ 200 completed orders with ≥ 2 products before 2026-03-03 .*; this workspace has \d+$/)
      assert.equal((await associations(db)).length, 0)
    })
  })
}
