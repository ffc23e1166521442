import type { SparseRow } from './tfidf.ts'

/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units, finished with a murmur3-style avalanche so that the low
 * bits (used for the bucket) and the top bit (used for the sign) are well mixed. O(length).
 */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export interface HashingOptions {
  /** Number of buckets. Default 2^20. */
  features?: number
  /** Use 1 + ln(|tf|) damping. Default true. */
  sublinearTf?: boolean
  seed?: number
}

/**
 * Feature hashing (Weinberger et al. 2009): each token goes to bucket h(t) mod `features` with sign from the
 * hash's top bit, so collisions cancel in expectation; no vocabulary to store, any vocabulary size. The row
 * is L2-normalised. O(tokens + nnz log nnz).
 */
export function hashingRow(tokens: readonly string[], opts: HashingOptions = {}, offset = 0): SparseRow {
  const m = opts.features ?? 1 << 20
  const seed = opts.seed ?? 0
  const acc = new Map<number, number>()
  for (const t of tokens) {
    const h = hashString(t, seed)
    const j = h % m
    acc.set(j, (acc.get(j) ?? 0) + (h & 0x80000000 ? -1 : 1))
  }
  const cols = [...acc.keys()].filter((j) => acc.get(j) !== 0).sort((a, b) => a - b)
  const indices = new Int32Array(cols.length)
  const values = new Float64Array(cols.length)
  let norm = 0
  for (let k = 0; k < cols.length; k++) {
    const j = cols[k]!
    const tf = acc.get(j) ?? 0
    const v = (opts.sublinearTf ?? true) ? Math.sign(tf) * (1 + Math.log(Math.abs(tf))) : tf
    indices[k] = j + offset
    values[k] = v
    norm += v * v
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm)
    for (let k = 0; k < values.length; k++) values[k]! *= inv
  }
  return { indices, values }
}
