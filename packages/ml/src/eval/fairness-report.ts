import { rocAuc } from './binary-auc.ts'
import { classificationMetrics, confusionMatrix } from './classification-metrics.ts'

/** Outcomes of one group of a sensitive attribute. */
export interface FairnessGroup {
  group: string
  rows: number
  /** Share of the group flagged positive at the threshold. */
  positiveRate: number
  tpr: number
  fpr: number
  auc: number
}

export interface FairnessReport {
  threshold: number
  groups: FairnessGroup[]
  /** max − min positive rate across groups (0 = demographic parity). */
  demographicParityDifference: number
  /** max − min true-positive rate across groups (0 = equal opportunity, Hardt et al. 2016). */
  equalOpportunityDifference: number
}

/**
 * Group fairness of a scored classifier for one sensitive attribute: per-group positive rate, TPR, FPR and
 * AUC, with demographic-parity and equal-opportunity differences. O(n log n). The attribute need not have
 * been a model input — it is only used to split rows here.
 */
export function fairnessReport(labels: ArrayLike<number>, probs: ArrayLike<number>, groups: readonly string[], threshold = 0.5): FairnessReport {
  const byGroup = new Map<string, number[]>()
  for (let i = 0; i < labels.length; i++) {
    const g = groups[i] ?? ''
    let list = byGroup.get(g)
    if (!list) byGroup.set(g, (list = []))
    list.push(i)
  }
  const out: FairnessGroup[] = []
  for (const g of [...byGroup.keys()].sort()) {
    const rows = byGroup.get(g) ?? []
    const y = rows.map((i) => labels[i] as number)
    const p = rows.map((i) => probs[i] as number)
    const m = classificationMetrics(confusionMatrix(y, p, threshold))
    const flagged = p.filter((v) => v >= threshold).length
    out.push({ group: g, rows: rows.length, positiveRate: rows.length ? flagged / rows.length : 0, tpr: m.recall, fpr: m.fpr, auc: rocAuc(y, p) })
  }
  const spread = (xs: number[]): number => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0)
  return {
    threshold,
    groups: out,
    demographicParityDifference: spread(out.map((g) => g.positiveRate)),
    equalOpportunityDifference: spread(out.map((g) => g.tpr)),
  }
}
