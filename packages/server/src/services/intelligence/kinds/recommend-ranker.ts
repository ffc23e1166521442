import { fitContentTfidf, topK, type ContentModel } from '@rapport/ml'
import type { CatalogueProduct } from '../../../features/store/recommend-interactions.ts'
import { boughtAny, buyerCounts, type History } from './recommend-history.ts'

export type RecommendationSource = 'model' | 'content' | 'popular'

export interface Ranked {
  items: Int32Array
  scores: Float64Array
  sources: RecommendationSource[]
}

export interface RankerOptions {
  /** Weight of the content scores in the blend for buyers (the rest is the collaborative model). */
  contentWeight: number
  /** Places of a buyer's list kept for products nobody has bought yet, when content finds similar ones. */
  newProductSlots: number
}

/** TF-IDF over name, description, category and brand: how new products and new customers are reached. */
export function contentModel(products: readonly CatalogueProduct[]): ContentModel {
  return fitContentTfidf(products.map((p) => ({
    text: [p.name, p.description ?? ''].join(' '),
    categories: [...(p.category ? [p.category] : []), ...(p.brand ? [`brand ${p.brand}`] : [])],
  })))
}

/**
 * Ranks the catalogue for each history row: buyers by the collaborative model blended with content
 * (score = (1 − w)·cf/max|cf| + w·content/max content), with the last `newProductSlots` places going to
 * never-bought products content finds similar; customers with no purchase but product events by content
 * alone (what they looked at); everyone else by popularity. Bought products are never listed.
 */
export function createRanker(h: History, content: ContentModel, cf: (u: number, customerId: number, out: Float64Array) => boolean, o: RankerOptions) {
  const n = h.nItems
  const buyers = buyerCounts(h)
  const maxBuyers = buyers.reduce((m, v) => Math.max(m, v), 0) || 1
  const cfBuf = new Float64Array(n)
  const ctBuf = new Float64Array(n)
  const sim = new Float64Array(n)
  const mix = new Float64Array(n)
  const contentOf = (u: number): number => {
    ctBuf.fill(0)
    for (let k = h.indptr[u] as number; k < (h.indptr[u + 1] as number); k++) {
      content.similarTo(h.items[k] as number, sim)
      const w = h.weight[k] as number
      for (let j = 0; j < n; j++) ctBuf[j] = (ctBuf[j] as number) + w * (sim[j] as number)
    }
    return ctBuf.reduce((m, v) => Math.max(m, v), 0)
  }
  const excludeBought = (u: number, s: Float64Array) => {
    for (let k = h.indptr[u] as number; k < (h.indptr[u + 1] as number); k++) if (h.bought[k]) s[h.items[k] as number] = Number.NaN
  }
  return (u: number, customerId: number, k: number): Ranked => {
    const hasEvents = (h.indptr[u + 1] as number) > (h.indptr[u] as number)
    if (boughtAny(h, u) && cf(u, customerId, cfBuf)) {
      let maxCf = 0
      for (let j = 0; j < n; j++) maxCf = Math.max(maxCf, Math.abs(cfBuf[j] as number))
      const maxCt = contentOf(u)
      const a = (1 - o.contentWeight) / (maxCf || 1)
      const b = o.contentWeight / (maxCt || 1)
      for (let j = 0; j < n; j++) mix[j] = a * (cfBuf[j] as number) + b * (ctBuf[j] as number)
      excludeBought(u, mix)
      const top = Array.from(topK(mix, k))
      // A never-bought product is unknown to the collaborative model: whatever its place, content put it there.
      const sources: RecommendationSource[] = top.map((j) => ((buyers[j] as number) > 0 ? 'model' : 'content'))
      // New products: the best content matches among never-bought products take the last places.
      const fresh = Array.from(topK(ctBuf, o.newProductSlots, (j) => (buyers[j] as number) > 0 || !((ctBuf[j] as number) > 0) || Number.isNaN(mix[j] as number)))
      const missing = fresh.filter((j) => !top.includes(j))
      const keepN = Math.max(0, Math.min(top.length, k - missing.length))
      const items = [...top.slice(0, keepN), ...missing.slice(0, k - keepN)]
      const src = [...sources.slice(0, keepN), ...missing.slice(0, k - keepN).map((): RecommendationSource => 'content')]
      return { items: Int32Array.from(items), scores: Float64Array.from(items, (j) => (src[items.indexOf(j)] === 'content' ? b * (ctBuf[j] as number) : (mix[j] as number))), sources: src }
    }
    if (hasEvents && contentOf(u) > 0) {
      mix.set(ctBuf)
      excludeBought(u, mix)
      const top = topK(mix, k, (j) => !((mix[j] as number) > 0))
      if (top.length > 0) return { items: top, scores: Float64Array.from(top, (j) => (mix[j] as number)), sources: Array.from(top, () => 'content') }
    }
    mix.set(buyers)
    excludeBought(u, mix)
    // Popular means bought: a product nobody has bought is not offered as popular.
    const top = topK(mix, k, (j) => !((mix[j] as number) > 0))
    return { items: top, scores: Float64Array.from(top, (j) => (mix[j] as number) / maxBuyers), sources: Array.from(top, () => 'popular') }
  }
}
