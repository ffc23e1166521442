import { csrFromTriplets, type Csr } from '../sparse/csr.ts'
import type { Interactions } from './types.ts'

/** Maps raw ids (strings) to dense indices in order of first appearance. O(n). */
export function indexIds(raw: ArrayLike<string>): { ids: string[]; index: Int32Array; lookup: Map<string, number> } {
  const lookup = new Map<string, number>()
  const ids: string[] = []
  const index = new Int32Array(raw.length)
  for (let k = 0; k < raw.length; k++) {
    const id = raw[k] as string
    let i = lookup.get(id)
    if (i === undefined) {
      i = ids.length
      lookup.set(id, i)
      ids.push(id)
    }
    index[k] = i
  }
  return { ids, index, lookup }
}

/** Builds Interactions from index arrays, checking lengths and ranges. */
export function interactions(
  users: ArrayLike<number>,
  items: ArrayLike<number>,
  values: ArrayLike<number>,
  nUsers?: number,
  nItems?: number,
): Interactions {
  const n = users.length
  if (items.length !== n || values.length !== n) throw new Error('interactions: arrays differ in length')
  const u = Int32Array.from(users)
  const i = Int32Array.from(items)
  const v = Float64Array.from(values)
  let mu = -1
  let mi = -1
  for (let k = 0; k < n; k++) {
    if (u[k]! > mu) mu = u[k]!
    if (i[k]! > mi) mi = i[k]!
    if (u[k]! < 0 || i[k]! < 0) throw new Error(`interactions: negative index at ${k}`)
  }
  const nu = nUsers ?? mu + 1
  const ni = nItems ?? mi + 1
  if (mu >= nu || mi >= ni) throw new Error('interactions: index beyond nUsers/nItems')
  return { nUsers: nu, nItems: ni, users: u, items: i, values: v }
}

/** The rows of `data` where mask[k] is (or is not, when `keep` is false) set. */
export function subsetInteractions(data: Interactions, mask: ArrayLike<boolean | number>, keep = true): Interactions {
  let n = 0
  for (let k = 0; k < data.users.length; k++) if (Boolean(mask[k]) === keep) n++
  const users = new Int32Array(n)
  const items = new Int32Array(n)
  const values = new Float64Array(n)
  let p = 0
  for (let k = 0; k < data.users.length; k++) {
    if (Boolean(mask[k]) !== keep) continue
    users[p] = data.users[k]!
    items[p] = data.items[k]!
    values[p] = data.values[k]!
    p++
  }
  return { nUsers: data.nUsers, nItems: data.nItems, users, items, values }
}

/** User×item CSR of the interactions; repeated pairs keep the last value (a re-rating replaces the old one). */
export function userItemMatrix(data: Interactions, duplicates: 'sum' | 'last' = 'last'): Csr {
  return csrFromTriplets(data.nUsers, data.nItems, data.users, data.items, data.values, duplicates)
}

/** Mean of the values, and their min and max (the rating scale predictions are clipped to). */
export function ratingScale(data: Interactions): { mean: number; min: number; max: number } {
  let s = 0
  let min = Infinity
  let max = -Infinity
  for (let k = 0; k < data.values.length; k++) {
    const v = data.values[k]!
    s += v
    if (v < min) min = v
    if (v > max) max = v
  }
  const n = data.values.length
  return n === 0 ? { mean: 0, min: 0, max: 0 } : { mean: s / n, min, max }
}
