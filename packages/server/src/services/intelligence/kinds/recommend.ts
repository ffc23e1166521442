import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { z } from 'zod'
import { catalogueProducts, EVENT_WEIGHTS, recommendInteractions } from '../../../features/store/recommend-interactions.ts'
import { modelEnvelope, type ModelEnvelope } from '../../models/model-envelope.ts'
import type { ModelKind, RunContext, TrainOutcome, TrainedVersion } from '../model-kind.ts'
import { parseKindOptions } from '../parse-kind-options.ts'
import { replaceRecommendations, type RecommendationRow } from './product-result-writes.ts'
import { recommendBacktest } from './recommend-backtest.ts'
import { collaborativeScorer, EASE_MAX_PRODUCTS, fitCollaborative, remapCollaborative, type Collaborative } from './recommend-collaborative.ts'
import { recommendData } from './recommend-data.ts'
import { boughtAny } from './recommend-history.ts'
import { contentModel, createRanker, type RankerOptions } from './recommend-ranker.ts'

const optionsSchema = z.strictObject({
  test_days: z.number().int().min(7).max(365).default(30).describe('Backtest: train before T − test_days, test on the purchases after'),
  algorithm: z.enum(['auto', 'ease', 'als']).default('auto').describe(`auto = EASE up to ${EASE_MAX_PRODUCTS} products, implicit ALS above`),
  lambda: z.number().positive().max(1e6).default(500).describe('EASE L2 regularisation'),
  keep_weights: z.number().int().min(10).max(1000).default(100).describe('EASE: item-to-item weights kept per product'),
  factors: z.number().int().min(4).max(256).default(32).describe('ALS latent factors'),
  content_weight: z.number().min(0).max(1).default(0.1).describe('Share of the content (TF-IDF) scores in a buyer\'s blend'),
  new_product_slots: z.number().int().min(0).max(10).default(2).describe('Places of a list kept for never-bought products similar to the customer\'s'),
  top_n: z.number().int().min(1).max(100).default(20),
  seed: z.number().int().default(1),
})
type RecommendOptions = z.infer<typeof optionsSchema>

/** Below these the backtest would say little and the item–item weights would be noise. */
export const RECOMMEND_MIN_BUYERS = 50
export const RECOMMEND_MIN_PRODUCTS = 5
export const RECOMMEND_MIN_TEST_CUSTOMERS = 20
const DAY = 86_400_000

interface RecommendPayload {
  productIds: number[]
  collaborative: Collaborative
  ranker: RankerOptions
  topN: number
}

/**
 * Product recommendations per customer. Interactions: completed-order lines (1 each) and product events
 * (EVENT_WEIGHTS) before T, consenting customers only. Collaborative model: EASE on the binarised history
 * when the catalogue is small enough for its dense inverse, implicit ALS above; blended with TF-IDF content
 * similarity, which also reaches never-bought products and customers who only browsed. Backtest: fitted
 * before T − test_days and scored on the purchases after, against popularity. Stored: the top N per eligible
 * customer, bought products excluded, with where each came from (model, content, popular).
 */
export const recommendModel: ModelKind = {
  name: 'recommend',
  title: { en: 'Product recommendations', 'zh-CN': '商品推荐' },
  parseOptions: (raw) => parseKindOptions(optionsSchema, raw),
  async train(ctx, raw): Promise<TrainOutcome> {
    const o = raw as RecommendOptions
    const T = ctx.asOf
    const split = new Date(T.getTime() - o.test_days * DAY)
    await ctx.progress(0, 'reading interactions')
    const products = await catalogueProducts(ctx.db, ctx.workspaceId)
    const raw0 = await recommendInteractions(ctx.db, ctx.workspaceId, { asOf: T, splitAt: split })
    const data = recommendData(raw0, products.map((p) => p.id))
    const algorithm = o.algorithm === 'auto' ? (products.length <= EASE_MAX_PRODUCTS ? 'ease' : 'als') : o.algorithm
    const params = { ...o, algorithm_chosen: algorithm, products: products.length, event_weights: EVENT_WEIGHTS }
    const countBuyers = (h: typeof data.train) => {
      let b = 0
      for (let u = 0; u < h.nUsers; u++) if (boughtAny(h, u)) b++
      return b
    }
    const buyersTrain = countBuyers(data.train)
    let testCustomers = 0
    for (let u = 0; u < data.train.nUsers; u++) if (data.test[u] && (data.train.indptr[u + 1] as number) > (data.train.indptr[u] as number)) testCustomers++
    const training = {
      window: { backtest_train_before: split.toISOString(), backtest_test_from: split.toISOString(), backtest_test_to: T.toISOString(), train_before: T.toISOString() },
      rows: { customers: data.customerIds.length, products: products.length, interactions: data.all.items.length, backtest_interactions: data.train.items.length, buyers_before_split: buyersTrain, test_customers: testCustomers },
      excludedNoProfilingConsent: raw0.excludedNoProfilingConsent,
    }
    const day = (d: Date) => d.toISOString().slice(0, 10)
    const short =
      products.length < RECOMMEND_MIN_PRODUCTS ? `needs ≥ ${RECOMMEND_MIN_PRODUCTS} products in the catalogue; this workspace has ${products.length}`
      : buyersTrain < RECOMMEND_MIN_BUYERS ? `needs ≥ ${RECOMMEND_MIN_BUYERS} customers with a completed order before ${day(split)} (${o.test_days} days before the end of the data) for a backtest; this workspace has ${buyersTrain}`
      : testCustomers < RECOMMEND_MIN_TEST_CUSTOMERS ? `needs ≥ ${RECOMMEND_MIN_TEST_CUSTOMERS} customers with earlier history who bought a product new to them between ${day(split)} and ${day(T)}; this workspace has ${testCustomers}`
      : undefined
    if (short) return { status: 'insufficient_data', reason: short, params, training }

    const cfOptions = { algorithm, lambda: o.lambda, keep: o.keep_weights, factors: o.factors, seed: o.seed } as const
    const ranker: RankerOptions = { contentWeight: o.content_weight, newProductSlots: o.new_product_slots }
    const content = contentModel(products)
    const t0 = performance.now()
    await ctx.progress(0.1, `backtest: fitting ${algorithm} on ${data.train.items.length} interactions`)
    const backCf = fitCollaborative(data.train, data.customerIds, cfOptions)
    ctx.signal.throwIfAborted()
    await ctx.progress(0.4, `backtest: ranking for ${testCustomers} customers`)
    const backtest = recommendBacktest(data.train, data.test, data.customerIds, createRanker(data.train, content, collaborativeScorer(backCf, data.train), ranker))
    const t1 = performance.now()
    await ctx.progress(0.6, `fitting ${algorithm} on ${data.all.items.length} interactions`)
    const collaborative = fitCollaborative(data.all, data.customerIds, cfOptions)
    const t2 = performance.now()
    const metrics = backtest.metrics
    const payload: RecommendPayload = { productIds: data.productIds, collaborative, ranker, topN: o.top_n }
    const artefact = modelEnvelope({ kind: 'recommender', trainedOn: { rows: data.all.items.length, asOf: T.toISOString() }, params, metrics, payload })
    return {
      status: 'trained', params, training, metrics,
      primary: { name: 'ndcg_at_10', value: metrics.ndcg_at_10, higherIsBetter: true },
      report: {
        backtest: { k: 10, baseline: 'popularity (distinct buyers before the split), bought products excluded', by_source: backtest.bySource },
        seconds: { backtest: round((t1 - t0) / 1000), fit: round((t2 - t1) / 1000) },
      },
      artefact,
      fitted: { algorithm, ...(algorithm === 'ease' ? { lambda: o.lambda, weights_kept_per_product: o.keep_weights } : { factors: o.factors }) },
    }
  },
  async score(ctx: RunContext, version: TrainedVersion) {
    const payload = (version.artefact as ModelEnvelope).payload as unknown as RecommendPayload
    await ctx.progress(0, 'reading interactions')
    const products = await catalogueProducts(ctx.db, ctx.workspaceId)
    const raw = await recommendInteractions(ctx.db, ctx.workspaceId, { asOf: ctx.asOf, splitAt: ctx.asOf })
    const ids = products.map((p) => p.id)
    const data = recommendData(raw, ids)
    const cf = remapCollaborative(payload.collaborative, payload.productIds, ids)
    const rank = createRanker(data.all, contentModel(products), collaborativeScorer(cf, data.all), payload.ranker)
    await ctx.progress(0.3, `ranking for ${data.customerIds.length} customers`)
    const rows: RecommendationRow[] = []
    const sources = { model: 0, content: 0, popular: 0 }
    for (let u = 0; u < data.customerIds.length; u++) {
      // Ranking runs on the main thread (the ranker's buffers make it cheap per call, not per transfer):
      // let HTTP requests through every few hundred customers.
      if (u % 250 === 249) await yieldToEventLoop()
      const r = rank(u, data.customerIds[u] as number, payload.topN)
      for (let k = 0; k < r.items.length; k++) {
        rows.push({ customerId: (data.customerIds[u] as number), rank: k + 1, productId: (ids[r.items[k] as number] as number), score: (r.scores[k] as number), source: r.sources[k] ?? 'popular' })
        sources[r.sources[k] ?? 'popular']++
      }
    }
    return {
      rows: data.customerIds.length,
      summary: { recommendations: rows.length, sources, excludedNoProfilingConsent: raw.excludedNoProfilingConsent },
      write: (tx) => replaceRecommendations(tx, ctx.workspaceId, version.id, rows),
    }
  },
}

const round = (v: number) => Math.round(v * 1000) / 1000
