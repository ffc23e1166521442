import { createRng } from '../random.ts'

/**
 * Stratified random split (Microsoft Recommenders' `python_stratified_split`): within each group (user, or
 * item) the rows are put in random order and the first ⌊ratio⌋ share — rows whose rank/count ≤ ratio — go to
 * training, the rest to test. Returns a mask, 1 = training. O(n log n). Seeded.
 */
export function stratifiedSplit(groups: ArrayLike<number>, ratio = 0.75, seed = 42): Uint8Array {
  if (!(ratio > 0 && ratio < 1)) throw new Error(`stratifiedSplit: ratio must be in (0, 1), got ${ratio}`)
  const n = groups.length
  const rng = createRng(seed)
  const key = new Float64Array(n)
  for (let k = 0; k < n; k++) key[k] = rng.next()
  const order = Array.from({ length: n }, (_, k) => k)
  order.sort((a, b) => (groups[a] as number) - (groups[b] as number) || key[a]! - key[b]!)
  const train = new Uint8Array(n)
  let start = 0
  while (start < n) {
    const g = groups[order[start]!] as number
    let end = start
    while (end < n && (groups[order[end]!] as number) === g) end++
    const count = end - start
    // rank/count ≤ ratio, with a small tolerance so 3/4 ≤ 0.75 holds in floating point.
    for (let r = 0; r < count; r++) if ((r + 1) / count <= ratio + 1e-12) train[order[start + r]!] = 1
    start = end
  }
  return train
}
