import { csrFromTriplets, csrTranspose, type Csr } from '../sparse/csr.ts'
import type { Interactions, ModelJson, Recommender } from './types.ts'
import { userItemMatrix } from './interactions.ts'
import { binarise } from './ease.ts'
import { arr, expectKind, f64, i32, num } from './json-arrays.ts'

export interface ContentItem {
  /** Free text: title, description. */
  text?: string
  /** Categories, each one token whatever its words ("Children's" stays one feature). */
  categories?: string[]
}

/** Lower-cased letter/digit runs of two or more characters (any script). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length >= 2)
}

function features(item: ContentItem): string[] {
  const out = tokenize(item.text ?? '')
  for (const c of item.categories ?? []) out.push(`cat:${c.trim().toLowerCase()}`)
  return out
}

/**
 * Content-based recommender over TF-IDF item vectors (Salton & Buckley 1988; Lops et al. 2011, "Content-based
 * recommender systems"): tf = 1 + ln(count), idf = ln((1 + N)/(1 + df)) + 1, rows L2-normalised, so item–item
 * similarity is a cosine. score(u, j) = Σ_{i ∈ N(u)} cos(i, j): items with no interactions still score, which
 * is what cold start needs. Fit O(total tokens); scoring a user O(Σ_{i∈N(u)} Σ_{t∈i} |postings(t)|).
 * `data` may be undefined when only item–item similarity is wanted.
 */
export function fitContentTfidf(items: ContentItem[], data?: Interactions): ContentModel {
  const vocab = new Map<string, number>()
  const rows: number[] = []
  const cols: number[] = []
  const vals: number[] = []
  for (let i = 0; i < items.length; i++) {
    const counts = new Map<number, number>()
    for (const tok of features(items[i]!)) {
      let t = vocab.get(tok)
      if (t === undefined) vocab.set(tok, (t = vocab.size))
      counts.set(t, (counts.get(t) ?? 0) + 1)
    }
    for (const [t, c] of counts) {
      rows.push(i)
      cols.push(t)
      vals.push(1 + Math.log(c))
    }
  }
  const df = new Float64Array(vocab.size)
  for (const t of cols) df[t]!++
  const idf = new Float64Array(vocab.size)
  for (let t = 0; t < idf.length; t++) idf[t] = Math.log((1 + items.length) / (1 + df[t]!)) + 1
  const m = csrFromTriplets(items.length, vocab.size, rows, cols, vals)
  for (let i = 0; i < m.rows; i++) {
    let norm = 0
    for (let k = m.indptr[i]!; k < m.indptr[i + 1]!; k++) {
      m.data[k] = m.data[k]! * idf[m.indices[k]!]!
      norm += m.data[k]! * m.data[k]!
    }
    norm = Math.sqrt(norm)
    if (norm > 0) for (let k = m.indptr[i]!; k < m.indptr[i + 1]!; k++) m.data[k] = m.data[k]! / norm
  }
  const history = data ? binarise(userItemMatrix({ ...data, nItems: Math.max(data.nItems, items.length) })) : csrFromTriplets(0, items.length, [], [], [])
  return new ContentModel([...vocab.keys()], idf, m, history)
}

export class ContentModel implements Recommender {
  readonly kind = 'content-tfidf'
  private readonly postings: Csr
  constructor(
    readonly vocabulary: string[],
    readonly idf: Float64Array,
    /** item × term TF-IDF, rows L2-normalised. */
    readonly vectors: Csr,
    readonly history: Csr,
  ) {
    this.postings = csrTranspose(vectors)
  }
  get nUsers(): number {
    return this.history.rows
  }
  get nItems(): number {
    return this.vectors.rows
  }
  /** Cosine similarity of item i to every item, into `out`. */
  similarTo(i: number, out: Float64Array, add = false): void {
    if (!add) out.fill(0)
    const v = this.vectors
    const p = this.postings
    for (let a = v.indptr[i]!; a < v.indptr[i + 1]!; a++) {
      const t = v.indices[a]!
      const w = v.data[a]!
      for (let b = p.indptr[t]!; b < p.indptr[t + 1]!; b++) {
        const j = p.indices[b]!
        if (j < out.length) out[j]! += w * p.data[b]!
      }
    }
  }
  predict(u: number, i: number): number {
    const out = new Float64Array(this.nItems)
    this.scoreItems(u, out)
    return i >= 0 && i < out.length ? out[i]! : 0
  }
  scoreItems(u: number, out: Float64Array): void {
    out.fill(0)
    if (u < 0 || u >= this.history.rows) return
    for (let k = this.history.indptr[u]!; k < this.history.indptr[u + 1]!; k++) {
      const i = this.history.indices[k]!
      if (i < this.vectors.rows) this.similarTo(i, out, true)
    }
  }
  toJSON(): ModelJson {
    const v = this.vectors
    const h = this.history
    return {
      kind: this.kind,
      vocabulary: this.vocabulary,
      idf: arr(this.idf),
      items: v.rows,
      vIndptr: arr(v.indptr),
      vIndices: arr(v.indices),
      vData: arr(v.data),
      users: h.rows,
      hIndptr: arr(h.indptr),
      hIndices: arr(h.indices),
    }
  }
  static fromJSON(j: ModelJson): ContentModel {
    expectKind(j, 'content-tfidf')
    const vocabulary = j.vocabulary as string[]
    const items = num(j, 'items')
    const hi = i32(j, 'hIndices')
    return new ContentModel(
      vocabulary,
      f64(j, 'idf'),
      { rows: items, cols: vocabulary.length, indptr: i32(j, 'vIndptr'), indices: i32(j, 'vIndices'), data: f64(j, 'vData') },
      { rows: num(j, 'users'), cols: items, indptr: i32(j, 'hIndptr'), indices: hi, data: new Float64Array(hi.length).fill(1) },
    )
  }
}
