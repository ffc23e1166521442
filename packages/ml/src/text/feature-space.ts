import type { Csr } from '../sparse/csr.ts'
import type { AnalyzedText } from './analyzer.ts'
import { hashingRow } from './hashing.ts'
import { fitTfidf, tfidfRow, type SparseRow, type TfidfModel, type TfidfOptions } from './tfidf.ts'

/**
 * The columns a model sees: a word block and a character block side by side, each L2-normalised on its own
 * (like a scikit-learn FeatureUnion of two TfidfVectorizers), either with a fitted TF-IDF vocabulary or by
 * feature hashing when the vocabulary is unbounded.
 */
export type FeatureSpace =
  | { kind: 'tfidf'; words: TfidfModel | null; chars: TfidfModel | null }
  | { kind: 'hash'; features: number; seed: number }

export interface FeatureSpaceOptions extends TfidfOptions {
  /** 'tfidf' (default) or 'hash'. */
  kind?: 'tfidf' | 'hash'
  /** Buckets per block when hashing. Default 2^18. */
  hashFeatures?: number
}

/** Fits the feature space on analysed training texts. O(total tokens + V log V). */
export function fitFeatureSpace(docs: readonly AnalyzedText[], opts: FeatureSpaceOptions = {}): FeatureSpace {
  if (opts.kind === 'hash') return { kind: 'hash', features: opts.hashFeatures ?? 1 << 18, seed: 0 }
  const hasWords = docs.some((d) => d.words.length > 0)
  const hasChars = docs.some((d) => d.chars.length > 0)
  return {
    kind: 'tfidf',
    words: hasWords ? fitTfidf(docs.map((d) => d.words), opts) : null,
    chars: hasChars ? fitTfidf(docs.map((d) => d.chars), opts) : null,
  }
}

/** Number of columns of the space. */
export function featureCount(space: FeatureSpace): number {
  if (space.kind === 'hash') return 2 * space.features
  return (space.words?.terms.length ?? 0) + (space.chars?.terms.length ?? 0)
}

/** Feature vector of one analysed text. O(tokens + nnz log nnz). */
export function featureRow(space: FeatureSpace, doc: AnalyzedText): SparseRow {
  if (space.kind === 'hash') {
    const opts = { features: space.features, seed: space.seed }
    return concatRows(hashingRow(doc.words, opts, 0), hashingRow(doc.chars, opts, space.features))
  }
  const w = space.words ? tfidfRow(space.words, doc.words, 0) : EMPTY
  const c = space.chars ? tfidfRow(space.chars, doc.chars, space.words?.terms.length ?? 0) : EMPTY
  return concatRows(w, c)
}

/** Feature matrix (CSR) of many analysed texts. */
export function featureMatrix(space: FeatureSpace, docs: readonly AnalyzedText[]): Csr {
  const rows = docs.map((d) => featureRow(space, d))
  let nnz = 0
  for (const r of rows) nnz += r.indices.length
  const indptr = new Int32Array(rows.length + 1)
  const indices = new Int32Array(nnz)
  const data = new Float64Array(nnz)
  let p = 0
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!
    indices.set(r.indices, p)
    data.set(r.values, p)
    p += r.indices.length
    indptr[i + 1] = p
  }
  return { rows: rows.length, cols: featureCount(space), indptr, indices, data }
}

const EMPTY: SparseRow = { indices: new Int32Array(0), values: new Float64Array(0) }

function concatRows(a: SparseRow, b: SparseRow): SparseRow {
  const indices = new Int32Array(a.indices.length + b.indices.length)
  const values = new Float64Array(indices.length)
  indices.set(a.indices, 0)
  indices.set(b.indices, a.indices.length)
  values.set(a.values, 0)
  values.set(b.values, a.values.length)
  return { indices, values }
}
