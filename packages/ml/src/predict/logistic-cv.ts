import type { Matrix } from '../data/pipeline.ts'
import { logLoss } from '../eval/binary-loss.ts'
import { stratifiedKFold } from '../eval/stratified-kfold.ts'
import { fitLogistic, logisticPredictProba, type LogisticOptions } from './logistic.ts'

/** The C values tried by default: a log grid around scikit-learn's default of 1. */
export const DEFAULT_C_GRID: readonly number[] = [0.03, 0.1, 0.3, 1, 3, 10]

/**
 * Chooses the L2 strength of logistic regression by inner stratified k-fold cross-validation on the rows it
 * is given (which must be training rows only), minimising mean held-out log-loss — the idea of scikit-learn's
 * LogisticRegressionCV. Ties go to the smaller C (more regularisation). Cost: grid × folds logistic fits.
 */
export function selectLogisticC(
  X: Matrix,
  y: ArrayLike<number>,
  options: LogisticOptions & { grid?: readonly number[]; folds?: number; seed?: number } = {},
): { C: number; losses: number[] } {
  const grid = options.grid ?? DEFAULT_C_GRID
  const k = options.folds ?? 3
  const assignment = stratifiedKFold(Array.from(y), k, options.seed ?? 0)
  const losses = grid.map(() => 0)
  for (let f = 0; f < k; f++) {
    const train: number[] = []
    const test: number[] = []
    for (let i = 0; i < X.rows; i++) (assignment[i] === f ? test : train).push(i)
    const Xtr = rowsOf(X, train)
    const Xte = rowsOf(X, test)
    const ytr = train.map((i) => y[i] as number)
    const yte = test.map((i) => y[i] as number)
    grid.forEach((C, g) => {
      const m = fitLogistic(Xtr, ytr, { ...options, C })
      losses[g] = (losses[g] as number) + logLoss(yte, logisticPredictProba(m, Xte)) / k
    })
  }
  let best = 0
  for (let g = 1; g < grid.length; g++) if ((losses[g] as number) < (losses[best] as number) - 1e-12) best = g
  return { C: grid[best] as number, losses }
}

function rowsOf(X: Matrix, rows: number[]): Matrix {
  const data = new Float64Array(rows.length * X.cols)
  rows.forEach((r, t) => data.set(X.data.subarray(r * X.cols, (r + 1) * X.cols), t * X.cols))
  return { rows: rows.length, cols: X.cols, data }
}
