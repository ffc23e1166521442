import { createRng } from '../random.ts'
import { interactions } from './interactions.ts'
import type { Interactions } from './types.ts'

/**
 * A small rating matrix with real structure: two user groups that love one item group (5) and dislike the
 * other (1), with seeded ±0.5 noise, 70% of cells observed. Test helper, not exported from the package.
 */
export function twoBlockRatings(nUsers = 20, nItems = 16, seed = 3): { train: Interactions; test: Interactions } {
  const rng = createRng(seed)
  const tr: number[][] = [[], [], []]
  const te: number[][] = [[], [], []]
  for (let u = 0; u < nUsers; u++) {
    for (let i = 0; i < nItems; i++) {
      const like = u % 2 === i % 2
      const r = Math.min(5, Math.max(1, (like ? 4.5 : 1.5) + (rng.next() - 0.5)))
      const dest = rng.next() < 0.7 ? tr : te
      dest[0]!.push(u)
      dest[1]!.push(i)
      dest[2]!.push(r)
    }
  }
  return { train: interactions(tr[0]!, tr[1]!, tr[2]!, nUsers, nItems), test: interactions(te[0]!, te[1]!, te[2]!, nUsers, nItems) }
}
