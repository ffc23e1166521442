import type { Csr } from '../sparse/csr.ts'
import type { AnalyzedText } from './analyzer.ts'
import type { FeatureSpace, FeatureSpaceOptions } from './feature-space.ts'
import { tfidfFromTerms, type TfidfModel } from './tfidf.ts'

/**
 * Analysed texts encoded once as integer term ids, so the TF-IDF feature matrix of any subset of rows is
 * built by integer counting instead of string maps: model selection fits a vocabulary per inner fold at
 * almost no cost. The encoding keeps no statistic of any row (it is a dictionary of every token string
 * seen, sorted), so vocabulary, document frequencies and idf are still computed from the training rows
 * alone (fitIndexedSpace); the matrix equals fitFeatureSpace + featureMatrix on those rows exactly (same
 * sorted column order, same values, same summation order), as indexed-tfidf.test.ts checks.
 */
export interface IndexedBlock {
  /** Term strings in sorted order; a term's id is its position. */
  terms: string[]
  /** Per document: sorted distinct term ids ids[ptr[d] .. ptr[d+1]) and their counts. */
  ptr: Int32Array
  ids: Int32Array
  counts: Int32Array
}

export interface IndexedCorpus {
  n: number
  words: IndexedBlock
  chars: IndexedBlock
}

function indexBlock(docs: readonly (readonly string[])[]): IndexedBlock {
  // One hashing pass in first-seen order, then the ids renumbered to sorted term order (the default sort is
  // UTF-16 code-unit order, the same as fitTfidf's comparator), so id order is the column order of any fitted
  // vocabulary.
  const first = new Map<string, number>()
  const seen: Int32Array[] = []
  for (const d of docs) {
    const row = new Int32Array(d.length)
    for (let k = 0; k < d.length; k++) {
      const t = d[k]!
      let j = first.get(t)
      if (j === undefined) {
        j = first.size
        first.set(t, j)
      }
      row[k] = j
    }
    seen.push(row)
  }
  const terms = [...first.keys()].sort()
  const rank = new Int32Array(terms.length)
  for (let j = 0; j < terms.length; j++) rank[first.get(terms[j]!)!] = j
  const ptr = new Int32Array(docs.length + 1)
  let total = 0
  for (const row of seen) total += row.length
  const ids = new Int32Array(total)
  const counts = new Int32Array(total)
  let at = 0
  for (let d = 0; d < seen.length; d++) {
    const row = seen[d]!
    for (let k = 0; k < row.length; k++) row[k] = rank[row[k]!]!
    row.sort()
    for (let k = 0; k < row.length; ) {
      let e = k + 1
      while (e < row.length && row[e] === row[k]) e++
      ids[at] = row[k]!
      counts[at++] = e - k
      k = e
    }
    ptr[d + 1] = at
  }
  return { terms, ptr, ids: ids.slice(0, at), counts: counts.slice(0, at) }
}

/** Encodes analysed texts (both blocks). O(total tokens + V log V), once per analyzer setting. */
export function indexAnalyzed(docs: readonly AnalyzedText[]): IndexedCorpus {
  return { n: docs.length, words: indexBlock(docs.map((d) => d.words)), chars: indexBlock(docs.map((d) => d.chars)) }
}

interface IndexedTfidf {
  /** Global term id → column within the block, or -1 when the term is not in the vocabulary. */
  col: Int32Array
  idf: Float64Array
  /** Column → global term id. */
  kept: Int32Array
}

/** A feature space fitted on some rows of an indexed corpus. */
export interface IndexedSpace {
  words: IndexedTfidf | null
  chars: IndexedTfidf | null
  sublinearTf: boolean
  binary: boolean
  cols: number
}

function fitBlock(b: IndexedBlock, rows: readonly number[], minDf: number): IndexedTfidf | null {
  let any = false
  const df = new Int32Array(b.terms.length)
  for (const r of rows) {
    const a = b.ptr[r]!
    const e = b.ptr[r + 1]!
    if (e > a) any = true
    for (let p = a; p < e; p++) df[b.ids[p]!]!++
  }
  // fitFeatureSpace drops a block no training text has a token of.
  if (!any) return null
  const col = new Int32Array(b.terms.length).fill(-1)
  const kept: number[] = []
  for (let j = 0; j < df.length; j++) {
    if (df[j]! >= minDf && df[j]! > 0) {
      col[j] = kept.length
      kept.push(j)
    }
  }
  const n = rows.length
  const idf = new Float64Array(kept.length)
  for (let c = 0; c < kept.length; c++) idf[c] = Math.log((1 + n) / (1 + df[kept[c]!]!)) + 1
  return { col, idf, kept: Int32Array.from(kept) }
}

/**
 * Vocabulary and idf of both blocks from the given (training) rows only, as fitFeatureSpace would fit them on
 * those texts. TF-IDF spaces only, without `maxFeatures`. O(nnz of the rows + V).
 */
export function fitIndexedSpace(corpus: IndexedCorpus, rows: readonly number[], opts: FeatureSpaceOptions = {}): IndexedSpace {
  if (opts.kind === 'hash' || opts.maxFeatures !== undefined) throw new Error('fitIndexedSpace: TF-IDF spaces without maxFeatures only')
  const minDf = opts.minDf ?? 1
  const words = fitBlock(corpus.words, rows, minDf)
  const chars = fitBlock(corpus.chars, rows, minDf)
  return { words, chars, sublinearTf: opts.sublinearTf ?? true, binary: opts.binary ?? false, cols: (words?.kept.length ?? 0) + (chars?.kept.length ?? 0) }
}

/** CSR feature matrix of the given rows in a fitted indexed space (rows L2-normalised per block). O(nnz). */
export function indexedMatrix(corpus: IndexedCorpus, space: IndexedSpace, rows: readonly number[]): Csr {
  const indptr = new Int32Array(rows.length + 1)
  let nnz = 0
  const blocks: Array<[IndexedBlock, IndexedTfidf, number]> = []
  if (space.words) blocks.push([corpus.words, space.words, 0])
  if (space.chars) blocks.push([corpus.chars, space.chars, space.words?.kept.length ?? 0])
  for (let r = 0; r < rows.length; r++) {
    const d = rows[r]!
    for (const [b, t] of blocks) for (let p = b.ptr[d]!; p < b.ptr[d + 1]!; p++) if (t.col[b.ids[p]!]! >= 0) nnz++
    indptr[r + 1] = nnz
  }
  const indices = new Int32Array(nnz)
  const data = new Float64Array(nnz)
  let at = 0
  for (let r = 0; r < rows.length; r++) {
    const d = rows[r]!
    for (const [b, t, offset] of blocks) {
      const start = at
      let norm = 0
      for (let p = b.ptr[d]!; p < b.ptr[d + 1]!; p++) {
        const c = t.col[b.ids[p]!]!
        if (c < 0) continue
        const tf = b.counts[p]!
        const v = (space.binary ? 1 : space.sublinearTf ? 1 + Math.log(tf) : tf) * t.idf[c]!
        indices[at] = c + offset
        data[at++] = v
        norm += v * v
      }
      if (norm > 0) {
        const inv = 1 / Math.sqrt(norm)
        for (let q = start; q < at; q++) data[q]! *= inv
      }
    }
  }
  return { rows: rows.length, cols: space.cols, indptr, indices, data }
}

/** The ordinary FeatureSpace (term strings, idf) of a fitted indexed space, for a model that predicts raw text. */
export function indexedToFeatureSpace(corpus: IndexedCorpus, space: IndexedSpace): FeatureSpace {
  const block = (b: IndexedBlock, t: IndexedTfidf | null): TfidfModel | null =>
    t && tfidfFromTerms(Array.from(t.kept, (j) => b.terms[j]!), Float64Array.from(t.idf), space.sublinearTf, space.binary)
  return { kind: 'tfidf', words: block(corpus.words, space.words), chars: block(corpus.chars, space.chars) }
}
