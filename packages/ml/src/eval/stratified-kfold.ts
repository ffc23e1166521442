import { createRng } from '../random.ts'

/**
 * Stratified k-fold assignment: returns the fold (0..k-1) of each row so that every class is spread as evenly
 * as possible over the folds (scikit-learn's StratifiedKFold idea: shuffle within class, deal round-robin,
 * continuing the deal across classes so fold sizes stay balanced). O(n). Seeded.
 */
export function stratifiedKFold(labels: ArrayLike<number | string>, k: number, seed = 0): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`stratifiedKFold: k must be an integer >= 2, got ${k}`)
  const n = labels.length
  if (n < k) throw new Error(`stratifiedKFold: ${n} rows cannot fill ${k} folds`)
  const byClass = new Map<number | string, number[]>()
  for (let i = 0; i < n; i++) {
    const y = labels[i] as number | string
    let list = byClass.get(y)
    if (!list) byClass.set(y, (list = []))
    list.push(i)
  }
  const rng = createRng(seed)
  const folds = new Int32Array(n)
  let next = 0
  const classes = [...byClass.keys()].sort((a, b) => String(a).localeCompare(String(b)))
  for (const c of classes) {
    const rows = byClass.get(c) ?? []
    for (let i = rows.length - 1; i > 0; i--) {
      const j = rng.int(i + 1)
      const t = rows[i] as number
      rows[i] = rows[j] as number
      rows[j] = t
    }
    for (const r of rows) {
      folds[r] = next
      next = (next + 1) % k
    }
  }
  return folds
}

/** Plain shuffled k-fold (no strata): fold of each row, sizes differing by at most one. Seeded. */
export function kFold(n: number, k: number, seed = 0): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`kFold: k must be an integer >= 2, got ${k}`)
  if (n < k) throw new Error(`kFold: ${n} rows cannot fill ${k} folds`)
  const order = Int32Array.from({ length: n }, (_, i) => i)
  const rng = createRng(seed)
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }
  const folds = new Int32Array(n)
  for (let p = 0; p < n; p++) folds[order[p]!] = p % k
  return folds
}
