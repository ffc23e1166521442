import type { FrequentItemset } from './fp-growth.ts'
import { exactFraction, ratioAtLeast, type Threshold } from './exact-threshold.ts'

export interface AssociationRule {
  /** Left-hand side item ids, ascending (may be empty only with includeEmptyLhs). */
  lhs: number[]
  /** Right-hand side item ids, ascending. */
  rhs: number[]
  support: number
  confidence: number
  lift: number
  /** supp(X∪Y) − supp(X)·supp(Y) (Piatetsky-Shapiro). */
  leverage: number
  /** (1 − supp(Y)) / (1 − conf); Infinity when conf = 1. */
  conviction: number
  count: number
}

export interface RuleOptions {
  /** Keep rules with count(X∪Y) / count(X) ≥ minConfidence (arules), decided on integer counts. */
  minConfidence: Threshold
  /** false (default, arules' apriori): single-item right-hand sides; true: every split of the itemset. */
  allSplits?: boolean
  /**
   * Also emit {} ⇒ {y} for frequent single items with supp(y) ≥ minConfidence, as arules does with minlen = 1.
   * Default false (mlxtend's convention); marketers rarely want them.
   */
  includeEmptyLhs?: boolean
  /** Minimum lift, count(X∪Y) · n / (count(X) · count(Y)) ≥ minLift, decided on integer counts (default none). */
  minLift?: Threshold
  /**
   * Number of baskets n. Default: recovered from any itemset as round(count / support), which is exact
   * for the supports fpGrowth writes.
   */
  basketCount?: number
}

const key = (items: readonly number[]): string => items.join(',')

/**
 * Association rules from frequent itemsets (Agrawal, Imieliński & Swami 1993) with arules' measures.
 * Every frequent itemset Z of length ≥ 2 is split into X ⇒ Y; counts of X and Y come from the itemset
 * table (all subsets of a frequent itemset are frequent). Thresholds are compared on those integer counts,
 * never on rounded supports, so a rule exactly at min-confidence is kept. Cost: O(Σ|Z|) lookups with single-item
 * right-hand sides, O(Σ 2^|Z|) with all splits.
 */
export function associationRules(itemsets: readonly FrequentItemset[], options: RuleOptions): AssociationRule[] {
  const counts = new Map<string, number>()
  for (const s of itemsets) counts.set(key(s.items), s.count)
  const countOf = (items: number[]): number => {
    const v = counts.get(key(items))
    if (v === undefined) throw new Error(`itemset {${key(items)}} missing: pass every frequent itemset, not a filtered list`)
    return v
  }
  const n = options.basketCount ?? inferBasketCount(itemsets)
  const minConfidence = exactFraction(options.minConfidence, 'minConfidence')
  const minLift = options.minLift === undefined ? undefined : exactFraction(options.minLift, 'minLift')
  const rules: AssociationRule[] = []
  const push = (z: FrequentItemset, lhs: number[], rhs: number[]): void => {
    const cx = lhs.length === 0 ? n : countOf(lhs)
    const cy = countOf(rhs)
    if (!ratioAtLeast(z.count, cx, minConfidence)) return
    // lift = count(Z)·n / (count(X)·count(Y)); products of counts can pass 2^53, so compare as BigInt.
    if (minLift !== undefined && BigInt(z.count) * BigInt(n) * minLift.den < minLift.num * BigInt(cx) * BigInt(cy)) return
    const confidence = z.count / cx
    const sy = cy / n
    rules.push({
      lhs,
      rhs,
      support: z.support,
      confidence,
      lift: (z.count * n) / (cx * cy),
      leverage: z.count / n - (cx / n) * sy,
      conviction: z.count === cx ? Infinity : (1 - sy) / (1 - confidence),
      count: z.count,
    })
  }
  for (const z of itemsets) {
    const m = z.items.length
    if (m === 1) {
      if (options.includeEmptyLhs) push(z, [], z.items)
      continue
    }
    if (!options.allSplits) {
      for (let j = 0; j < m; j++) push(z, z.items.filter((_, i) => i !== j), [z.items[j] as number])
      continue
    }
    // Every non-empty proper subset as right-hand side, enumerated by bit mask (itemsets are short).
    for (let mask = 1; mask < (1 << m) - 1; mask++) {
      const lhs: number[] = []
      const rhs: number[] = []
      for (let i = 0; i < m; i++) ((mask >> i) & 1 ? rhs : lhs).push(z.items[i] as number)
      push(z, lhs, rhs)
    }
  }
  return rules
}

function inferBasketCount(itemsets: readonly FrequentItemset[]): number {
  const s = itemsets.find((x) => x.support > 0)
  return s === undefined ? 0 : Math.round(s.count / s.support)
}

/** Sorts rules by lift, then confidence, then support (descending), ties by item ids, deterministically. */
export function sortRules(rules: AssociationRule[]): AssociationRule[] {
  return rules.sort(
    (a, b) =>
      b.lift - a.lift ||
      b.confidence - a.confidence ||
      b.support - a.support ||
      key(a.lhs).localeCompare(key(b.lhs)) ||
      key(a.rhs).localeCompare(key(b.rhs)),
  )
}
