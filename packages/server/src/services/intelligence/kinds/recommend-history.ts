/**
 * Each customer's interactions as a CSR over catalogue positions: the implicit-feedback weight (purchases +
 * weighted events) and whether they bought the product (bought products are never recommended back).
 */
export interface History {
  nUsers: number
  nItems: number
  indptr: Int32Array
  items: Int32Array
  weight: Float64Array
  bought: Uint8Array
}

/** Pairs (user index, item index, weight, bought) in any order → History; pairs with weight 0 are dropped. */
export function buildHistory(nUsers: number, nItems: number, user: Int32Array, item: Int32Array, weight: Float64Array, bought: Uint8Array): History {
  const indptr = new Int32Array(nUsers + 1)
  let n = 0
  for (let k = 0; k < user.length; k++) if ((weight[k] as number) > 0) {
    const u = (user[k] as number) + 1
    indptr[u] = (indptr[u] as number) + 1
    n++
  }
  for (let u = 0; u < nUsers; u++) indptr[u + 1] = (indptr[u + 1] as number) + (indptr[u] as number)
  const next = indptr.slice(0, nUsers)
  const items = new Int32Array(n)
  const w = new Float64Array(n)
  const b = new Uint8Array(n)
  for (let k = 0; k < user.length; k++) {
    if (!((weight[k] as number) > 0)) continue
    const u = user[k] as number
    const p = next[u] as number
    next[u] = p + 1
    items[p] = item[k] as number
    w[p] = weight[k] as number
    b[p] = bought[k] as number
  }
  return { nUsers, nItems, indptr, items, weight: w, bought: b }
}

export function boughtAny(h: History, u: number): boolean {
  for (let k = h.indptr[u] as number; k < (h.indptr[u + 1] as number); k++) if (h.bought[k]) return true
  return false
}

/** Number of distinct buyers of each item: the popularity baseline and the "new product" test (0 buyers). */
export function buyerCounts(h: History): Float64Array {
  const out = new Float64Array(h.nItems)
  for (let k = 0; k < h.items.length; k++) {
    const i = h.items[k] as number
    if (h.bought[k]) out[i] = (out[i] as number) + 1
  }
  return out
}
