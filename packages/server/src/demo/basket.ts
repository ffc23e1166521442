import type { Rng } from '@rapport/ml'
import { BUNDLE_JOIN, BUNDLES } from './bundles.ts'
import { CATEGORIES } from './catalogue.ts'
import type { Catalogue } from './catalogue.ts'
import type { Profile } from './customers.ts'
import { chance, cumulative, pickIndex } from './sampling.ts'

/** Chooses the products of one basket: persona-driven categories, repeat buys, bundles and language. */
export class BasketPicker {
  private readonly popularityCum: Float64Array[]
  private readonly medianPrice: number[]
  private readonly partners = new Map<string, string[]>()
  private readonly catalogue: Catalogue

  constructor(catalogue: Catalogue) {
    this.catalogue = catalogue
    this.popularityCum = catalogue.byCategory.map((ids) => cumulative(ids.map((i) => catalogue.products[i]?.popularity ?? 0)))
    this.medianPrice = catalogue.byCategory.map((ids) => {
      const prices = ids.map((i) => catalogue.products[i]?.price ?? 0).sort((a, b) => a - b)
      return prices[prices.length >> 1] ?? 0
    })
    for (const bundle of BUNDLES) {
      for (const key of bundle) {
        if (!catalogue.byLine.has(key)) throw new Error(`bundle names an unknown line: ${key}`)
        this.partners.set(key, [...(this.partners.get(key) ?? []), ...bundle.filter((k) => k !== key)])
      }
    }
  }

  /** One product for the customer; `history` is what they bought before (product indices). */
  pickProduct(rng: Rng, who: Profile, history: readonly number[]): number {
    const c = pickIndex(rng, who.categoryCum)
    const cat = CATEGORIES[c]
    if (cat?.consumable && history.length > 0 && chance(rng, 0.45)) {
      // Consumables are re-bought: look back for something from this category.
      for (let k = 0; k < 4; k++) {
        const old = history[rng.int(history.length)]
        if (old !== undefined && this.catalogue.products[old]?.category === c) return old
      }
    }
    const ids = this.catalogue.byCategory[c] ?? []
    const cum = this.popularityCum[c] ?? new Float64Array()
    let p = ids[pickIndex(rng, cum)] ?? 0
    // Big spenders trade up: a cheap first pick is redrawn once.
    const median = this.medianPrice[c] ?? 0
    if (who.spend > 1.2 && (this.catalogue.products[p]?.price ?? 0) < median) p = ids[pickIndex(rng, cum)] ?? p
    return this.inLanguage(rng, p, who.chinese ? 'zh' : 'en')
  }

  /** Swaps a book for the edition in the reader's language, most of the time. */
  private inLanguage(rng: Rng, p: number, lang: 'en' | 'zh'): number {
    const prod = this.catalogue.products[p]
    if (!prod?.lang || prod.lang === lang || !chance(rng, 0.85)) return p
    const sibling = (this.catalogue.byLine.get(prod.lineKey) ?? []).find((i) => this.catalogue.products[i]?.lang === lang)
    return sibling ?? p
  }

  /** Products pulled into the basket by a planted bundle with `p`. */
  bundlePartners(rng: Rng, p: number): number[] {
    const prod = this.catalogue.products[p]
    if (!prod) return []
    const out: number[] = []
    for (const key of this.partners.get(prod.lineKey) ?? []) {
      if (!chance(rng, BUNDLE_JOIN)) continue
      const members = this.catalogue.byLine.get(key) ?? []
      const own = this.catalogue.byLine.get(prod.lineKey) ?? []
      // Matching variants go together (an iPhone 16 case with an iPhone 16 screen protector).
      const vi = members.length === own.length ? prod.variant : chance(rng, 0.75) ? 0 : rng.int(members.length)
      const partner = members[vi]
      if (partner !== undefined) out.push(partner)
    }
    return out
  }
}
