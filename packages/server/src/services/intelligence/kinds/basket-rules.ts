import { associationRules, basketCount, fpGrowth, sortRules, type AssociationRule, type Baskets } from '@rapport/ml'
import { z } from 'zod'
import { orderBaskets } from '../../../features/store/order-baskets.ts'
import { modelEnvelope, type ModelEnvelope } from '../../models/model-envelope.ts'
import type { ModelKind, RunContext, TrainOutcome, TrainedVersion } from '../model-kind.ts'
import { parseKindOptions } from '../parse-kind-options.ts'
import { holdoutConfidence } from './basket-rules-holdout.ts'
import { replaceAssociations, type AssociationRow } from './product-result-writes.ts'

const optionsSchema = z.strictObject({
  min_support: z.number().positive().max(1).optional().describe('Share of baskets; default: the largest support giving ≥ target_rules rules'),
  target_rules: z.number().int().min(10).max(100_000).default(300).describe('What the automatic min_support aims for'),
  min_confidence: z.number().min(0).max(1).default(0.1),
  // 2 by default: on the demo, itemsets of 3 added rules of 5–10 baskets whose lift is inflated by a third,
  // unrelated product; they pushed the share of planted bundle pairs among the top 50 rules from 1.0 to 0.66.
  max_len: z.number().int().min(2).max(6).default(2).describe('Longest itemset (antecedent + consequent)'),
  holdout_days: z.number().int().min(7).max(365).default(90).describe('Backtest: rules from the baskets before T − holdout_days, checked on the ones after'),
  report_rules: z.number().int().min(10).max(5000).default(500),
  associations_per_product: z.number().int().min(1).max(50).default(10),
})
type BasketOptions = z.infer<typeof optionsSchema>

export const BASKET_MIN_MULTI = 200
export const BASKET_MIN_HOLDOUT_MULTI = 30
/** Fewest baskets an itemset must appear in, whatever the support: rarer "rules" are anecdotes. */
const MIN_COUNT = 5
const TOP = 20
const DAY = 86_400_000

interface BasketPayload {
  minSupport: number
  associations: Array<{ product: number; others: Array<{ product: number; support: number; confidence: number; lift: number }> }>
}

/**
 * "Bought together": FP-growth frequent itemsets and association rules (single-product consequents, arules'
 * conventions) over the completed-order baskets before T. Backtest: rules from the baskets before
 * T − holdout_days, their top 20 by lift checked on the later baskets (out-of-time confidence, next to the
 * in-sample one and chance). Stored: the top rules in the version's report and, per product, the
 * consequents of its single-product rules, best first by lift, in product_associations.
 */
export const basketRulesModel: ModelKind = {
  name: 'basket_rules',
  title: { en: 'Bought together', 'zh-CN': '关联购买' },
  parseOptions: (raw) => parseKindOptions(optionsSchema, raw),
  async train(ctx, raw): Promise<TrainOutcome> {
    const o = raw as BasketOptions
    const T = ctx.asOf
    const split = new Date(T.getTime() - o.holdout_days * DAY)
    await ctx.progress(0, 'reading baskets')
    const b = await orderBaskets(ctx.db, ctx.workspaceId, { asOf: T, splitAt: split })
    const multiEarly = multiItem(b.early)
    const multiLate = multiItem(b.late)
    const params: Record<string, unknown> = { ...o }
    const training = {
      window: { backtest_before: split.toISOString(), holdout_from: split.toISOString(), holdout_to: T.toISOString(), train_before: T.toISOString() },
      rows: { baskets_before_split: basketCount(b.early), multi_item_before_split: multiEarly, holdout_baskets: basketCount(b.late), holdout_multi_item: multiLate },
      excludedNoProfilingConsent: b.excludedNoProfilingConsent,
    }
    const day = (d: Date) => d.toISOString().slice(0, 10)
    const short =
      multiEarly < BASKET_MIN_MULTI ? `needs ≥ ${BASKET_MIN_MULTI} completed orders with ≥ 2 products before ${day(split)} (${o.holdout_days} days before the end of the data); this workspace has ${multiEarly}`
      : multiLate < BASKET_MIN_HOLDOUT_MULTI ? `needs ≥ ${BASKET_MIN_HOLDOUT_MULTI} completed orders with ≥ 2 products between ${day(split)} and ${day(T)} to check the rules; this workspace has ${multiLate}`
      : undefined
    if (short) return { status: 'insufficient_data', reason: short, params, training }

    const t0 = performance.now()
    await ctx.progress(0.2, 'backtest: mining rules')
    const back = o.min_support === undefined ? autoRules(b.early, o) : { minSupport: o.min_support, rules: mine(b.early, o.min_support, o) }
    const check = holdoutConfidence(back.rules.slice(0, TOP), b.early.names, b.late)
    await ctx.progress(0.6, 'mining rules on every basket')
    const all = mergeBaskets(b.early, b.late)
    const rules = mine(all, back.minSupport, o)
    const t1 = performance.now()
    const n = basketCount(all)
    const top = rules.slice(0, TOP)
    const metrics = {
      rules: rules.length,
      baskets: n,
      multi_item_baskets: multiItem(all),
      min_support: back.minSupport,
      mean_lift_top20: top.length ? top.reduce((s, r) => s + r.lift, 0) / top.length : null,
      holdout_confidence_top20: check.holdoutConfidence,
      in_sample_confidence_top20: check.inSampleConfidence,
      baseline_holdout_confidence_top20: check.chanceConfidence,
    }
    params.min_support_used = back.minSupport
    const id = (i: number) => Number(all.names[i])
    const report = {
      rules: rules.slice(0, o.report_rules).map((r) => ({ antecedent: r.lhs.map(id), consequent: r.rhs.map(id), support: r.support, confidence: r.confidence, lift: r.lift, count: r.count })),
      holdout: { rules_checked: check.rules, antecedent_baskets: check.antecedentBaskets, baseline: 'the consequent\'s share of all holdout baskets (a rule no better than chance)' },
      seconds: Math.round(t1 - t0) / 1000,
    }
    const payload: BasketPayload = { minSupport: back.minSupport, associations: associations(rules, id, o.associations_per_product) }
    const artefact = modelEnvelope({ kind: 'rules', trainedOn: { rows: n, asOf: T.toISOString() }, params, metrics, payload })
    const primary = check.holdoutConfidence === null ? undefined : { name: 'holdout_confidence_top20', value: check.holdoutConfidence, higherIsBetter: true }
    return { status: 'trained', params, training, metrics, ...(primary && { primary }), report, artefact, fitted: { min_support: back.minSupport, rules: rules.length } }
  },
  async score(ctx: RunContext, version: TrainedVersion) {
    const payload = (version.artefact as ModelEnvelope).payload as unknown as BasketPayload
    const rows: AssociationRow[] = payload.associations.flatMap((a) =>
      a.others.map((x, k) => ({ productId: a.product, rank: k + 1, otherProductId: x.product, support: x.support, confidence: x.confidence, lift: x.lift })))
    return {
      rows: payload.associations.length,
      summary: { products: payload.associations.length, pairs: rows.length },
      write: (tx) => replaceAssociations(tx, ctx.workspaceId, version.id, rows),
    }
  },
}

function multiItem(b: Baskets): number {
  let m = 0
  for (let i = 0; i + 1 < b.offsets.length; i++) if ((b.offsets[i + 1] as number) - (b.offsets[i] as number) >= 2) m++
  return m
}

function mine(b: Baskets, minSupport: number, o: BasketOptions): AssociationRule[] {
  const n = basketCount(b)
  // Never below MIN_COUNT baskets, decided on counts (exact, see @rapport/ml exact-threshold).
  const support = Math.max(minSupport, MIN_COUNT / Math.max(1, n))
  const itemsets = fpGrowth(b, { minSupport: support, maxLength: o.max_len })
  return sortRules(associationRules(itemsets, { minConfidence: o.min_confidence, basketCount: n }))
}

/**
 * The largest min-support (from 2 % of baskets down, ×0.7 a step, floor MIN_COUNT baskets) at which at
 * least `target_rules` rules come out: enough to see the planted structure, few enough to read.
 */
function autoRules(b: Baskets, o: BasketOptions): { minSupport: number; rules: AssociationRule[] } {
  const n = basketCount(b)
  let count = Math.max(MIN_COUNT, Math.ceil(0.02 * n))
  for (;;) {
    const minSupport = count / n
    const rules = mine(b, minSupport, o)
    if (rules.length >= o.target_rules || count <= MIN_COUNT) return { minSupport, rules }
    count = Math.max(MIN_COUNT, Math.floor(count * 0.7))
  }
}

function mergeBaskets(a: Baskets, b: Baskets): Baskets {
  const names = [...a.names]
  const pos = new Map(names.map((s, i) => [s, i]))
  const remap = b.names.map((s) => {
    let i = pos.get(s)
    if (i === undefined) {
      i = names.length
      names.push(s)
      pos.set(s, i)
    }
    return i
  })
  const offsets = new Int32Array(a.offsets.length + b.offsets.length - 1)
  offsets.set(a.offsets)
  const base = a.items.length
  for (let k = 1; k < b.offsets.length; k++) offsets[a.offsets.length - 1 + k] = base + (b.offsets[k] as number)
  const items = new Int32Array(a.items.length + b.items.length)
  items.set(a.items)
  for (let k = 0; k < b.items.length; k++) items[base + k] = (remap[b.items[k] as number] as number)
  return { names, offsets, items }
}

/** Per antecedent product, the consequents of its single-product rules, by lift then confidence. */
function associations(rules: readonly AssociationRule[], id: (i: number) => number, per: number): BasketPayload['associations'] {
  const by = new Map<number, AssociationRule[]>()
  for (const r of rules) {
    if (r.lhs.length !== 1 || r.rhs.length !== 1) continue
    const a = r.lhs[0] as number
    const list = by.get(a)
    if (list) list.push(r)
    else by.set(a, [r])
  }
  return [...by].sort((x, y) => id(x[0]) - id(y[0])).map(([a, list]) => ({
    product: id(a),
    others: list.sort((x, y) => y.lift - x.lift || y.confidence - x.confidence || id(x.rhs[0] as number) - id(y.rhs[0] as number)).slice(0, per)
      .map((r) => ({ product: id(r.rhs[0] as number), support: r.support, confidence: r.confidence, lift: r.lift })),
  }))
}
