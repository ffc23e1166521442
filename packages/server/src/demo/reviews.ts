import type { Rng } from '@rapport/ml'
import type { ReviewInput } from '../domain/entities.ts'
import { CATEGORIES } from './catalogue.ts'
import type { Catalogue, CatalogueProduct } from './catalogue.ts'
import type { DraftOrder } from './orders.ts'
import { EN_PHRASES } from './phrases-en.ts'
import { ZH_PHRASES } from './phrases-zh.ts'
import type { ReviewPhrases, Sentiment } from './phrase-types.ts'
import { chance, exponential, pick } from './sampling.ts'
import { DAY_MS, isoSeconds } from './time.ts'

/**
 * Star rating from the product's latent quality, the customer's taste and noise; a refunded order costs
 * two and a half stars. Unhappy customers rate harshly (scores below 2.5 are stretched downwards), which
 * gives the J-shaped rating distribution real shops see. Rounded and clamped to 1–5.
 */
export function drawRating(rng: Rng, quality: number, taste: number, refunded: boolean): number {
  let score = 4.45 + 0.9 * quality + taste + 0.7 * rng.normal() - (refunded ? 2.5 : 0)
  if (score < 2.5) score -= 0.8 * (2.5 - score)
  return Math.max(1, Math.min(5, Math.round(score)))
}

export function sentimentOf(rating: number): Sentiment {
  return rating >= 4 ? 'positive' : rating === 3 ? 'mixed' : 'negative'
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Review text from phrase templates: always in the rating's sentiment, varied in which parts appear. */
export function composeReview(rng: Rng, rating: number, product: CatalogueProduct, lang: 'zh' | 'en'): string {
  const bank: ReviewPhrases = lang === 'zh' ? ZH_PHRASES : EN_PHRASES
  const s = bank[sentimentOf(rating)]
  const extreme = rating === 5 || rating === 1
  const parts: string[] = [pick(rng, extreme && chance(rng, 0.7) ? s.strong : rating === 3 && chance(rng, 0.5) ? s.strong : s.mild)]
  const catKey = CATEGORIES[product.category]?.key ?? ''
  const aspects = s.aspects[catKey] ?? []
  if (aspects.length && chance(rng, 0.8)) parts.push(pick(rng, aspects))
  if (chance(rng, 0.45) || parts.length === 1) parts.push(pick(rng, s.generic))
  if (chance(rng, 0.55)) parts.push(pick(rng, s.closers))
  const attrs = product.input.attributes ?? {}
  const name = String((lang === 'zh' ? attrs['name_zh'] : attrs['name_en']) ?? product.input.name)
  const context = chance(rng, 0.35) ? pick(rng, bank.context).replace('{name}', name) : ''
  if (lang === 'zh') {
    const end = rating === 5 ? '！' : '。'
    return context + parts.join('，') + end
  }
  const end = rating === 5 ? '!' : '.'
  const body = parts.map(capitalise).join(rng.next() < 0.5 ? '. ' : extreme ? '! ' : '. ') + end
  return context ? `${context} ${body}` : body
}

/**
 * Reviews for a share of delivered order lines (each customer's own propensity; one review per customer and
 * product), written a few days after the order, in the customer's language.
 */
export function drawReviews(rng: Rng, orders: readonly DraftOrder[], catalogue: Catalogue, endMs: number): ReviewInput[] {
  const seen = new Set<string>()
  const drafts: { ms: number; review: Omit<ReviewInput, 'external_id'> }[] = []
  for (const o of orders) {
    if (o.status !== 'completed' && o.status !== 'refunded') continue
    const who = o.customer
    if (who.reviewPropensity === 0) continue
    for (const it of o.items) {
      if (!chance(rng, who.reviewPropensity)) continue
      const product = catalogue.products[it.product]
      const key = `${who.index}:${it.product}`
      if (!product || seen.has(key)) continue
      const ms = o.ms + 2 * DAY_MS + exponential(rng, 5 * DAY_MS)
      if (ms >= endMs) continue
      seen.add(key)
      const lang = who.chinese ? 'zh' : 'en'
      const rating = drawRating(rng, product.quality, who.taste, o.status === 'refunded')
      drafts.push({
        ms,
        review: {
          customer_id: who.id, sku: product.input.sku, rating, text: composeReview(rng, rating, product, lang), language: lang, reviewed_at: isoSeconds(ms),
        },
      })
    }
  }
  drafts.sort((a, b) => a.ms - b.ms)
  return drafts.map((d, i) => ({ external_id: `R${String(i + 1).padStart(7, '0')}`, ...d.review }))
}
