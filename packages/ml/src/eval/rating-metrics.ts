/** Root mean squared error of predictions against truth. O(n). */
export function rmse(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  const n = checkLengths(predicted, actual)
  let s = 0
  for (let k = 0; k < n; k++) {
    const e = (predicted[k] as number) - (actual[k] as number)
    s += e * e
  }
  return Math.sqrt(s / n)
}

/** Mean absolute error of predictions against truth. O(n). */
export function mae(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  const n = checkLengths(predicted, actual)
  let s = 0
  for (let k = 0; k < n; k++) s += Math.abs((predicted[k] as number) - (actual[k] as number))
  return s / n
}

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`rating metrics: ${a.length} predictions for ${b.length} ratings`)
  if (a.length === 0) throw new Error('rating metrics: no ratings')
  return a.length
}
