import { crossValidateScorecard, fitScorecard, type Scorecard, type ScorecardOptions } from '@rapport/ml'
import type { Labelled } from '../../features/labelled-table.ts'

/** A credit scorecard on every row (bins, WoE/IV, points, bands) and its cross-validated AUC and band bad rates. */
export function scorecardAnalysis(data: Labelled, options: ScorecardOptions, folds: number, seed: number) {
  const card: Scorecard = fitScorecard(data.frame, data.y, options)
  const cv = crossValidateScorecard(data.frame, data.y, { ...options, folds, seed })
  const variables = card.variables.map((v) => ({
    name: v.name,
    iv: v.iv,
    coefficient: v.coefficient,
    bins: v.labels.map((label, b) => ({ bin: label, good: v.stats[b]?.good ?? 0, bad: v.stats[b]?.bad ?? 0, woe: v.stats[b]?.woe ?? 0, points: Math.round(v.points[b] ?? 0) })),
  }))
  const result = {
    target: data.target,
    bad: data.positive,
    rows: data.frame.nRows,
    badRows: data.y.reduce((a, b) => a + b, 0),
    scaling: { baseScore: options.baseScore, baseOdds: options.baseOdds, pdo: options.pdo, factor: card.factor, offset: card.offset },
    variables,
    excluded: card.excluded,
    bands: { cutoffs: card.bands, outOfFold: cv.bands },
    cvAuc: cv.auc,
    foldAuc: cv.foldAuc,
  }
  return { card, cv, result }
}
