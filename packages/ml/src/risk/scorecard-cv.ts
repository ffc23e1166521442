import { selectRows, type Frame } from '../data/frame.ts'
import { rocAuc } from '../eval/binary-auc.ts'
import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import { fitScorecard, riskBand, scoreRows, type ScorecardOptions } from './scorecard.ts'

/**
 * Stratified k-fold check of the whole scorecard recipe (binning, WoE, regression, points all refitted on
 * the training folds): per-fold AUC of "low score = bad", and the out-of-fold bad rate of each risk band.
 */
export function crossValidateScorecard(
  frame: Frame,
  bad: Float64Array,
  options: ScorecardOptions & { folds?: number; seed?: number } = {},
): { foldAuc: number[]; auc: number; bands: Array<{ band: string; rows: number; badRate: number }> } {
  const k = options.folds ?? 5
  const assignment = stratifiedKFold(Array.from(bad), k, options.seed ?? 0)
  const foldAuc: number[] = []
  const bandRows = new Map<string, { rows: number; bad: number }>([['low', { rows: 0, bad: 0 }], ['medium', { rows: 0, bad: 0 }], ['high', { rows: 0, bad: 0 }]])
  for (let f = 0; f < k; f++) {
    const train: number[] = []
    const test: number[] = []
    for (let i = 0; i < frame.nRows; i++) (assignment[i] === f ? test : train).push(i)
    const card = fitScorecard(selectRows(frame, train), train.map((i) => bad[i] as number), options)
    const scores = scoreRows(card, selectRows(frame, test))
    const yTest = test.map((i) => bad[i] as number)
    foldAuc.push(rocAuc(yTest, Array.from(scores, (s) => -s)))
    scores.forEach((s, t) => {
      const entry = bandRows.get(riskBand(card, s)) as { rows: number; bad: number }
      entry.rows++
      entry.bad += yTest[t] as number
    })
  }
  return {
    foldAuc,
    auc: foldAuc.reduce((a, b) => a + b, 0) / k,
    bands: [...bandRows].map(([band, e]) => ({ band, rows: e.rows, badRate: e.rows ? e.bad / e.rows : 0 })),
  }
}
