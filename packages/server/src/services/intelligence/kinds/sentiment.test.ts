import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import type { Db } from '../../../store/db.ts'
import { trainModel, type TrainRunResult } from '../run-model.ts'
import { SENTIMENT_MIN_RATED } from './sentiment.ts'
import { seedShop, type Shop } from './synthetic-shop.ts'

/**
 * Sentiment on a synthetic shop whose review texts (en / zh) say plainly what the rating says and whose
 * tickets are complaints; 10 customers with profiling revoked. T = 2025-07-01.
 */
const T = new Date('2025-07-01T00:00:00Z')
const START = new Date('2025-01-01T00:00:00Z')

for (const backend of backends()) {
  describe(`sentiment model on ${backend.name}`, () => {
    let db: Db
    let shop: Shop
    let run: TrainRunResult
    before(async () => {
      db = await backend.open()
      shop = await seedShop(db, { customers: 150, start: START, end: T, revoked: 10, reviewShare: 0.4, ticketShare: 0.3 })
      run = await trainModel({ db, actor: systemActor(1), asOf: T }, 'sentiment')
    })
    after(() => db.close())

    test('agreement with rating bands is measured on the eligible rated reviews and beats always-positive on macro-F1', () => {
      assert.equal(run.status, 'active')
      const eligible = shop.reviews.filter((r) => !shop.revokedIds.has(r.customerId))
      assert.ok(eligible.length >= SENTIMENT_MIN_RATED)
      assert.equal(run.metrics.rated_reviews, eligible.length)
      const f1 = run.metrics.macro_f1 as number
      assert.ok(f1 > (run.metrics.baseline_macro_f1 as number) && f1 <= 1, `macro-F1 ${f1} vs ${run.metrics.baseline_macro_f1}`)
      assert.ok((run.metrics.accuracy as number) > 0.7, `accuracy ${run.metrics.accuracy}`)
    })

    test('revoked customers\' texts are neither read nor stored, and are counted', async () => {
      const revokedTexts = shop.reviews.filter((r) => shop.revokedIds.has(r.customerId)).length + shop.tickets.filter((t) => shop.revokedIds.has(t.customerId)).length
      const revokedAuthors = new Set([...shop.reviews, ...shop.tickets].map((x) => x.customerId).filter((c) => shop.revokedIds.has(c))).size
      assert.ok(revokedTexts > 0, 'the fixture gives revoked customers texts')
      assert.equal(run.training.rows.texts_excluded_no_profiling_consent, revokedTexts)
      assert.equal(run.training.excludedNoProfilingConsent, revokedAuthors)
      assert.equal(run.scored?.summary.texts_excluded_no_profiling_consent, revokedTexts)
      const leaked = await db.query(`SELECT 1 FROM text_sentiments WHERE workspace_id = 1 AND customer_id = ANY($1::bigint[])`, [`{${[...shop.revokedIds].join(',')}}`])
      assert.equal(leaked.length, 0)
    })

    test('one row per eligible review and ticket with a label, a confidence in [0, 1] and the language', async () => {
      const rows = await db.query<{ entity: string; entity_id: number; sentiment: string; confidence: number; language: string | null }>(
        `SELECT entity, entity_id, sentiment, confidence, language FROM text_sentiments WHERE workspace_id = 1 ORDER BY entity, entity_id`,
      )
      const expected = [
        ...shop.reviews.filter((r) => !shop.revokedIds.has(r.customerId)).map((r) => `reviews:${r.id}`),
        ...shop.tickets.filter((t) => !shop.revokedIds.has(t.customerId)).map((t) => `tickets:${t.id}`),
      ].sort()
      assert.deepEqual(rows.map((r) => `${r.entity}:${r.entity_id}`).sort(), expected)
      const language = new Map(shop.reviews.map((r) => [r.id, r.language]))
      for (const r of rows) {
        assert.ok(['positive', 'neutral', 'negative'].includes(r.sentiment))
        assert.ok(Number.isFinite(r.confidence) && r.confidence >= 0 && r.confidence <= 1)
        if (r.entity === 'reviews') assert.equal(r.language, language.get(Number(r.entity_id)))
        else assert.ok(r.language === 'zh' || r.language === 'en', 'ticket language detected from the text')
      }
      const tickets = rows.filter((r) => r.entity === 'tickets')
      assert.ok(tickets.filter((r) => r.sentiment === 'negative').length > tickets.length / 2, 'complaint tickets read as negative')
    })

    test('products with ≥ 3 reviews get up to 10 distinctive keywords with finite weights', async () => {
      const rows = await db.query<{ product_id: number; keywords: Array<{ term: string; weight: number }> }>(`SELECT product_id, keywords FROM product_keywords WHERE workspace_id = 1`)
      const counts = new Map<number, number>()
      for (const r of shop.reviews) if (!shop.revokedIds.has(r.customerId)) counts.set(r.productId, (counts.get(r.productId) ?? 0) + 1)
      assert.ok(rows.length > 0)
      for (const r of rows) {
        assert.ok((counts.get(Number(r.product_id)) ?? 0) >= 3)
        assert.ok(r.keywords.length >= 1 && r.keywords.length <= 10)
        for (const k of r.keywords) assert.ok(k.term.length > 0 && Number.isFinite(k.weight) && k.weight > 0)
      }
    })

    test('no texts → insufficient_data with its reason; few rated reviews → trained without a primary metric', async () => {
      const [w] = await db.query<{ id: number }>(`INSERT INTO workspaces (slug, name) VALUES ('quiet', 'quiet') RETURNING id`)
      const ws = Number(w?.id)
      await seedShop(db, { customers: 20, start: START, end: T, workspaceId: ws, reviewShare: 0, ticketShare: 0 })
      const none = await trainModel({ db, actor: systemActor(ws), asOf: T }, 'sentiment')
      assert.equal(none.status, 'insufficient_data')
      assert.equal(none.reason, 'needs ≥ 1 review or ticket with text before 2025-07-01; this workspace has none')

      const [w2] = await db.query<{ id: number }>(`INSERT INTO workspaces (slug, name) VALUES ('few', 'few') RETURNING id`)
      const ws2 = Number(w2?.id)
      const few = await seedShop(db, { customers: 10, start: START, end: T, workspaceId: ws2, reviewShare: 0.2, ticketShare: 0.5 })
      assert.ok(few.reviews.length < SENTIMENT_MIN_RATED)
      const r = await trainModel({ db, actor: systemActor(ws2), asOf: T }, 'sentiment')
      assert.equal(r.status, 'active')
      assert.equal(r.metrics.macro_f1, undefined)
      const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM text_sentiments WHERE workspace_id = $1`, [ws2])
      assert.equal(n, few.reviews.length + few.tickets.length)
    })
  })
}
