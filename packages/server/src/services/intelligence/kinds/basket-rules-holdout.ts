import type { AssociationRule, Baskets } from '@rapport/ml'

/**
 * Out-of-time check of rules learnt on earlier baskets: over the later baskets that contain a rule's
 * antecedent, the share that also contain its consequent (the rule's confidence on unseen data), pooled over
 * the rules given; next to it the in-sample confidence of the same rules and the consequents' plain rate
 * in the later baskets (what a rule no better than chance would score). Rule items are `names` positions of
 * the training baskets; the later baskets are matched by item name.
 */
export function holdoutConfidence(rules: readonly AssociationRule[], names: readonly string[], later: Baskets) {
  const sets: Array<Set<string>> = []
  for (let b = 0; b + 1 < later.offsets.length; b++) {
    const s = new Set<string>()
    for (let k = later.offsets[b] as number; k < (later.offsets[b + 1] as number); k++) s.add(later.names[later.items[k] as number] as string)
    sets.push(s)
  }
  const itemRate = new Map<string, number>()
  for (const s of sets) for (const i of s) itemRate.set(i, (itemRate.get(i) ?? 0) + 1)
  let covered = 0
  let hits = 0
  let chance = 0
  let inSample = 0
  let rulesSeen = 0
  for (const r of rules) {
    const lhs = r.lhs.map((i) => names[i] as string)
    const rhs = r.rhs.map((i) => names[i] as string)
    let a = 0
    let ab = 0
    for (const s of sets) {
      if (!lhs.every((i) => s.has(i))) continue
      a++
      if (rhs.every((i) => s.has(i))) ab++
    }
    if (a === 0) continue
    rulesSeen++
    covered += a
    hits += ab
    inSample += r.confidence * a
    chance += a * (rhs.length === 1 ? (itemRate.get(rhs[0] as string) ?? 0) / Math.max(1, sets.length) : 0)
  }
  return {
    rules: rulesSeen,
    antecedentBaskets: covered,
    holdoutConfidence: covered > 0 ? hits / covered : null,
    inSampleConfidence: covered > 0 ? inSample / covered : null,
    chanceConfidence: covered > 0 ? chance / covered : null,
  }
}
