/** Options of a TF-IDF vocabulary. */
export interface TfidfOptions {
  /** Drop terms in fewer documents than this. Default 1. */
  minDf?: number
  /** Keep at most this many terms, the most frequent by document frequency (ties by term). Default unlimited. */
  maxFeatures?: number
  /** Use 1 + ln(tf) instead of tf. Default true. */
  sublinearTf?: boolean
  /** Use presence (tf = 1) instead of counts, as NB-SVM's binarised features do. Default false. */
  binary?: boolean
}

/** A fitted TF-IDF block: term → column, and the idf of each column. */
export interface TfidfModel {
  terms: string[]
  index: Map<string, number>
  idf: Float64Array
  sublinearTf: boolean
  binary: boolean
}

/**
 * Fits a TF-IDF vocabulary (scikit-learn's TfidfVectorizer conventions): smoothed idf = ln((1 + n) / (1 + df)) + 1,
 * terms filtered by minimum document frequency and capped by `maxFeatures`, columns in sorted term order so
 * the model is deterministic. O(total tokens + V log V).
 */
export function fitTfidf(docs: readonly (readonly string[])[], opts: TfidfOptions = {}): TfidfModel {
  const minDf = opts.minDf ?? 1
  const df = new Map<string, number>()
  const seen = new Set<string>()
  for (const doc of docs) {
    seen.clear()
    for (const t of doc) {
      if (seen.has(t)) continue
      seen.add(t)
      df.set(t, (df.get(t) ?? 0) + 1)
    }
  }
  let terms = [...df.keys()].filter((t) => (df.get(t) ?? 0) >= minDf)
  if (opts.maxFeatures !== undefined && terms.length > opts.maxFeatures) {
    terms.sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
    terms = terms.slice(0, opts.maxFeatures)
  }
  terms.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const n = docs.length
  const idf = new Float64Array(terms.length)
  for (let j = 0; j < terms.length; j++) idf[j] = Math.log((1 + n) / (1 + (df.get(terms[j]!) ?? 0))) + 1
  return tfidfFromTerms(terms, idf, opts.sublinearTf ?? true, opts.binary ?? false)
}

/** Rebuilds a model from its terms and idf (deserialisation). */
export function tfidfFromTerms(terms: string[], idf: Float64Array, sublinearTf: boolean, binary = false): TfidfModel {
  const index = new Map<string, number>()
  for (let j = 0; j < terms.length; j++) index.set(terms[j]!, j)
  return { terms, index, idf, sublinearTf, binary }
}

/** A sparse row: sorted column indices and values. */
export interface SparseRow {
  indices: Int32Array
  values: Float64Array
}

/**
 * TF-IDF vector of one document, L2-normalised; unknown terms are ignored; columns shifted by `offset` so
 * several blocks can sit side by side. O(tokens + nnz log nnz).
 */
export function tfidfRow(model: TfidfModel, tokens: readonly string[], offset = 0): SparseRow {
  const counts = new Map<number, number>()
  for (const t of tokens) {
    const j = model.index.get(t)
    if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1)
  }
  const cols = [...counts.keys()].sort((a, b) => a - b)
  const indices = new Int32Array(cols.length)
  const values = new Float64Array(cols.length)
  let norm = 0
  for (let k = 0; k < cols.length; k++) {
    const j = cols[k]!
    const tf = counts.get(j) ?? 0
    const v = (model.binary ? 1 : model.sublinearTf ? 1 + Math.log(tf) : tf) * model.idf[j]!
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
