import { stratifiedKFold } from '../eval/stratified-kfold.ts'

/**
 * Stratified k-fold for uplift data: strata are the four treatment × outcome cells, so every fold keeps the
 * arms' sizes and response rates (the protocol of SOURCE.md for Hillstrom). Seeded; returns each row's fold.
 */
export function upliftKFold(y: ArrayLike<number>, treatment: ArrayLike<number>, k: number, seed = 0): Int32Array {
  const strata = Int32Array.from({ length: y.length }, (_, i) => 2 * (treatment[i] as number) + (y[i] as number))
  return stratifiedKFold(strata, k, seed)
}

/** Row indices of the training and test part of fold f. */
export function foldRows(assignment: Int32Array, f: number): { train: Int32Array; test: Int32Array } {
  const train: number[] = []
  const test: number[] = []
  for (let i = 0; i < assignment.length; i++) (assignment[i] === f ? test : train).push(i)
  return { train: Int32Array.from(train), test: Int32Array.from(test) }
}
