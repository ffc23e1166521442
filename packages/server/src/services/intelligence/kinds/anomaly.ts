import { fitIsolationForest, isolationScores, type IsolationForest, type Matrix } from '@rapport/ml'
import { z } from 'zod'
import { orderFeatures, type OrderFeatures } from '../../../features/store/order-features.ts'
import { modelEnvelope, type ModelEnvelope } from '../../models/model-envelope.ts'
import type { ModelKind, RunContext, TrainOutcome, TrainedVersion } from '../model-kind.ts'
import { parseKindOptions } from '../parse-kind-options.ts'
import { ANOMALY_INPUTS, anomalyMatrix, hourShares, quantileSorted, robustStats, robustZ, type RobustStats } from './order-anomaly-inputs.ts'
import { replaceOrderFlags, type OrderFlagRow } from './order-flag-writes.ts'

const optionsSchema = z
  .strictObject({
    days: z.number().int().min(1).max(730).default(90).describe('Orders placed in this many days before the end of the data are scored'),
    train_days: z.number().int().min(7).max(1460).default(365).describe('The forest learns what is usual from the orders of this many days'),
    high_share: z.number().positive().max(0.2).default(0.01).describe('Band high = the top share of training scores'),
    medium_share: z.number().positive().max(0.5).default(0.04).describe('Band medium = the next share of training scores'),
    trees: z.number().int().min(10).max(1000).default(100),
    // Rows per tree. A row outside a tree's sample range is isolated like the sample's extreme, so a small ψ
    // cannot tell 40 units from 7: on the synthetic check (anomaly.test.ts) ψ = 256 ranked a 40-unit,
    // 300×-typical order below every order with one other order in the previous 24 h; ψ = 1024 ranks it high.
    sample_size: z.number().int().min(16).max(8192).default(1024),
    seed: z.number().int().default(1),
  })
  .refine((o) => o.train_days >= o.days, { message: 'train_days must be ≥ days', path: ['train_days'] })
type AnomalyOptions = z.infer<typeof optionsSchema>

export const ANOMALY_MIN_ORDERS = 200
const REASONS = 3
const ONE_SIDED: Partial<Record<string, 1 | -1>> = { hour_rarity: 1, orders_prev_24h: 1, orders_prev_7d: 1 }
const DAY = 86_400_000

interface AnomalyPayload {
  forest: IsolationForest
  inputs: string[]
  stats: RobustStats
  thresholds: { high: number; medium: number }
  days: number
}

/**
 * Unusual orders: an isolation forest over per-order features computed in SQL (order-features.ts) learns the
 * usual from the orders of the last `train_days`; the orders of the last `days` are scored, banded by the
 * training scores' quantiles (high = top 1 %, medium = next 4 %), and each flagged order carries the three
 * inputs furthest from the training median in robust z-scores. There is no label, so no backtest and no
 * primary metric: the version activates as trained. Only medium and high orders are stored: order_flags is
 * the list a reviewer works through, and a low band means "nothing to see" (the summary counts every band).
 */
export const anomalyModel: ModelKind = {
  name: 'anomaly',
  title: { en: 'Unusual orders', 'zh-CN': '异常订单' },
  parseOptions: (raw) => parseKindOptions(optionsSchema, raw),
  async train(ctx, raw): Promise<TrainOutcome> {
    const o = raw as AnomalyOptions
    const T = ctx.asOf
    const params = { ...o }
    const from = new Date(T.getTime() - o.train_days * DAY)
    const scoreFrom = new Date(T.getTime() - o.days * DAY)
    await ctx.progress(0, 'order features')
    const f = await orderFeatures(ctx.db, ctx.workspaceId, from, T, consentTime(T))
    const training = {
      window: { train_from: from.toISOString(), score_from: scoreFrom.toISOString(), to: T.toISOString() },
      rows: { train: f.orderIds.length, orders_excluded_no_profiling_consent: f.excluded.orders },
      excludedNoProfilingConsent: f.excluded.customers,
    }
    if (f.orderIds.length < ANOMALY_MIN_ORDERS) {
      return {
        status: 'insufficient_data', params, training,
        reason: `needs ≥ ${ANOMALY_MIN_ORDERS} orders in the ${o.train_days} days before ${T.toISOString().slice(0, 10)} to learn what is usual; this workspace has ${f.orderIds.length}`,
      }
    }
    await ctx.progress(0.3, `isolation forest on ${f.orderIds.length} orders`)
    const hourShare = hourShares(f)
    const X = anomalyMatrix(f, hourShare)
    const forest = fitIsolationForest(X, { nTrees: o.trees, sampleSize: o.sample_size, seed: o.seed })
    ctx.signal.throwIfAborted()
    const scores = isolationScores(forest, X)
    const sorted = Float64Array.from(scores).sort()
    const thresholds = { high: quantileSorted(sorted, 1 - o.high_share), medium: quantileSorted(sorted, 1 - o.high_share - o.medium_share) }
    const stats = robustStats(X, hourShare)
    const recent = { low: 0, medium: 0, high: 0 }
    f.orderedAt.forEach((ms, i) => {
      if (ms >= scoreFrom.getTime()) recent[band(scores[i] as number, thresholds)]++
    })
    const scored = recent.low + recent.medium + recent.high
    const metrics = {
      training_orders: f.orderIds.length, orders_scored: scored, flagged_high: recent.high, flagged_medium: recent.medium,
      share_flagged: scored ? (recent.high + recent.medium) / scored : null, threshold_high: thresholds.high, threshold_medium: thresholds.medium,
    }
    const payload: AnomalyPayload = { forest, inputs: [...ANOMALY_INPUTS], stats, thresholds, days: o.days }
    return {
      status: 'trained', params, training, metrics,
      report: {
        method: 'isolation forest (Liu, Ting & Zhou 2008); bands from the training scores’ quantiles; reasons = largest robust z-scores',
        inputs: ANOMALY_INPUTS.map((name, j) => ({ name, median: stats.median[j], scale: stats.scale[j] })),
        hour_share: hourShare,
        bands_last_days: recent,
        stored: 'medium and high only',
      },
      artefact: modelEnvelope({ kind: 'anomaly', trainedOn: { rows: f.orderIds.length, asOf: T.toISOString() }, params, metrics, payload }),
    }
  },
  async score(ctx: RunContext, version: TrainedVersion) {
    const payload = (version.artefact as ModelEnvelope).payload as unknown as AnomalyPayload
    const T = ctx.asOf
    await ctx.progress(0, 'order features')
    const f = await orderFeatures(ctx.db, ctx.workspaceId, new Date(T.getTime() - payload.days * DAY), T, consentTime(T))
    await ctx.progress(0.5, `scoring ${f.orderIds.length} orders`)
    const X = anomalyMatrix(f, payload.stats.hourShare)
    const scores = isolationScores(payload.forest, X)
    const bands = { low: 0, medium: 0, high: 0 }
    const out: OrderFlagRow[] = []
    for (let i = 0; i < f.orderIds.length; i++) {
      const b = band(scores[i] as number, payload.thresholds)
      bands[b]++
      if (b !== 'low') out.push({ orderId: f.orderIds[i] as number, customerId: f.customerIds[i] as number, score: scores[i] as number, band: b, reasons: reasons(f, X, i, payload.stats) })
    }
    return {
      rows: out.length,
      summary: {
        orders_scored: f.orderIds.length, bands, share_flagged: f.orderIds.length ? (bands.medium + bands.high) / f.orderIds.length : 0,
        orders_excluded_no_profiling_consent: f.excluded.orders, excludedNoProfilingConsent: f.excluded.customers,
      },
      write: (tx) => replaceOrderFlags(tx, ctx.workspaceId, version.id, out),
    }
  },
}

const consentTime = (T: Date) => new Date(Math.max(T.getTime(), Date.now()))

/** Strictly above the quantile: when every order looks the same (all scores tied), none is flagged. */
function band(score: number, t: { high: number; medium: number }): 'low' | 'medium' | 'high' {
  return score > t.high ? 'high' : score > t.medium ? 'medium' : 'low'
}

/** The inputs of order i furthest from the training median, in the order's own units. */
function reasons(f: OrderFeatures, X: Matrix, i: number, s: RobustStats): OrderFlagRow['reasons'] {
  const zs = robustZ(X, i, s)
  const round = (v: number) => Math.round(v * 1e4) / 1e4
  return ANOMALY_INPUTS.map((name, j) => ({ name, j, z: zs[j] as number }))
    // Only the unusual side counts: more orders just before, or a quieter hour than typical (not a busier one).
    .filter((r) => (ONE_SIDED[r.name] === undefined ? r.z !== 0 : Math.sign(r.z) === ONE_SIDED[r.name]))
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, REASONS)
    .map(({ name, j, z }) => {
      const median = s.median[j] as number
      if (name === 'log_total') return { feature: 'total', value: f.columns.total[i] as number, typical: round(Math.expm1(median)), z: round(z) }
      if (name === 'hour_rarity') {
        // Read as "this UTC hour has x of the orders where an even spread would give 1/24".
        const hour = f.columns.hour_utc[i] as number
        return { feature: 'hour_share', value: round(s.hourShare[hour] ?? 0), typical: round(1 / 24), z: round(z), hour }
      }
      return { feature: name, value: X.data[i * X.cols + j] as number, typical: round(median), z: round(z) }
    })
}
