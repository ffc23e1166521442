/**
 * Transactions as a compact CSR-like structure: basket b holds item ids items[offsets[b] .. offsets[b+1]),
 * each id at most once per basket. Item names live in `names`; ids are dense 0..names.length-1.
 */
export interface Baskets {
  names: string[]
  offsets: Int32Array
  items: Int32Array
}

/** Encodes baskets of item names; duplicate items within a basket count once, empty names are dropped. */
export function encodeBaskets(baskets: Iterable<Iterable<string>>): Baskets {
  const ids = new Map<string, number>()
  const names: string[] = []
  const offsets: number[] = [0]
  const items: number[] = []
  for (const basket of baskets) {
    const seen = new Set<number>()
    for (const name of basket) {
      if (name === '') continue
      let id = ids.get(name)
      if (id === undefined) {
        id = names.length
        ids.set(name, id)
        names.push(name)
      }
      if (!seen.has(id)) {
        seen.add(id)
        items.push(id)
      }
    }
    offsets.push(items.length)
  }
  return { names, offsets: Int32Array.from(offsets), items: Int32Array.from(items) }
}

/** Groups long-format rows (transaction id, item) into baskets, in order of first appearance of each transaction. */
export function basketsFromLong(transactionIds: ArrayLike<string>, itemNames: ArrayLike<string>): Baskets {
  const groups = new Map<string, string[]>()
  for (let i = 0; i < transactionIds.length; i++) {
    const tx = transactionIds[i] as string
    let g = groups.get(tx)
    if (g === undefined) {
      g = []
      groups.set(tx, g)
    }
    g.push(itemNames[i] as string)
  }
  return encodeBaskets(groups.values())
}

/** Number of baskets. */
export function basketCount(b: Baskets): number {
  return b.offsets.length - 1
}
