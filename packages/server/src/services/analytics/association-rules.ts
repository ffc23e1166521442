import { associationRules, fpGrowth, sortRules, type Baskets } from '@rapport/ml'

export interface RulesOptions {
  minSupport: number
  minConfidence: number
  maxLength?: number | undefined
  /** Rules listed, by lift. */
  top: number
  allSplits: boolean
  includeEmptyLhs: boolean
}

/** FP-growth frequent itemsets and association rules (arules' conventions), with timings and the top rules. */
export function associationRuleAnalysis(baskets: Baskets, o: RulesOptions) {
  const t0 = performance.now()
  const itemsets = fpGrowth(baskets, { minSupport: o.minSupport, ...(o.maxLength !== undefined ? { maxLength: o.maxLength } : {}) })
  const t1 = performance.now()
  const rules = sortRules(associationRules(itemsets, { minConfidence: o.minConfidence, allSplits: o.allSplits, includeEmptyLhs: o.includeEmptyLhs }))
  const t2 = performance.now()
  const names = (ids: number[]): string[] => ids.map((i) => baskets.names[i] as string)
  const topRules = rules.slice(0, o.top).map((r) => ({
    lhs: names(r.lhs),
    rhs: names(r.rhs),
    support: r.support,
    confidence: r.confidence,
    lift: r.lift,
    leverage: r.leverage,
    conviction: r.conviction,
    count: r.count,
  }))
  return {
    baskets: baskets.offsets.length - 1,
    items: baskets.names.length,
    minSupport: o.minSupport,
    minConfidence: o.minConfidence,
    itemsets: itemsets.length,
    rules: rules.length,
    seconds: { itemsets: (t1 - t0) / 1000, rules: (t2 - t1) / 1000, total: (t2 - t0) / 1000 },
    topRules,
  }
}
