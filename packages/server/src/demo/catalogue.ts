import type { Rng } from '@rapport/ml'
import type { ProductInput } from '../domain/entities.ts'
import { BABY, COFFEE_TEA, PET, SNACKS } from './catalogue-food.ts'
import { ELECTRONICS, HOME_TEXTILES, KITCHEN } from './catalogue-home.ts'
import { BEAUTY, BOOKS, SKINCARE, SPORTSWEAR, STATIONERY } from './catalogue-lifestyle.ts'
import type { CategorySpec } from './catalogue-types.ts'
import { pick } from './sampling.ts'

/** The twelve demo categories, in a fixed order: a category's index is its position here. */
export const CATEGORIES: readonly CategorySpec[] = [
  COFFEE_TEA, SNACKS, KITCHEN, HOME_TEXTILES, ELECTRONICS, SPORTSWEAR, BOOKS, BABY, PET, SKINCARE, BEAUTY, STATIONERY,
]

/** One sellable product and the hidden traits that drive how customers treat it. */
export interface CatalogueProduct {
  input: ProductInput
  index: number
  category: number
  /** `category-key.line-key`, shared by every variant of a line. */
  lineKey: string
  variant: number
  price: number
  /** Latent quality (standard-normal scale): drives ratings and refunds. Shared by a line, plus variant noise. */
  quality: number
  /** Relative chance of being picked within its category. */
  popularity: number
  lang?: 'en' | 'zh'
}

export interface Catalogue {
  products: CatalogueProduct[]
  /** Product indices per category. */
  byCategory: number[][]
  /** Product indices per line key. */
  byLine: Map<string, number[]>
}

const round2 = (x: number) => Math.round(x * 100) / 100
/** Prices end in .9 or .00 the way shops price them. */
const shelfPrice = (x: number) => round2(x < 20 ? Math.round(x * 10) / 10 - 0.1 : Math.round(x / 5) * 5 - 0.1)

/** Builds the product list from the catalogue specs, drawing brands, quality and popularity from `rng`. */
export function buildCatalogue(rng: Rng): Catalogue {
  const products: CatalogueProduct[] = []
  const byCategory: number[][] = CATEGORIES.map(() => [])
  const byLine = new Map<string, number[]>()
  CATEGORIES.forEach((cat, c) => {
    let serial = 0
    for (const ln of cat.lines) {
      const brand = pick(rng, cat.brands)
      // A few lines are lemons: their ratings and refund rates should stand out.
      const lineQuality = rng.next() < 0.08 ? -1.6 + 0.3 * rng.normal() : 0.55 * rng.normal()
      const linePopularity = Math.exp(0.9 * rng.normal())
      const lineKey = `${cat.key}.${ln.key}`
      const members: number[] = []
      ln.variants.forEach((variant, vi) => {
        serial++
        const index = products.length
        const price = shelfPrice(ln.price * variant.factor)
        const nameEn = variant.en ? `${ln.en} ${variant.en}` : ln.en
        const nameZh = variant.zh ? `${ln.zh} ${variant.zh}` : ln.zh
        const attributes: Record<string, unknown> = {
          category_zh: cat.zh,
          line: ln.key,
          name_en: nameEn,
          name_zh: nameZh,
          currency: 'CNY',
        }
        if (variant.en) attributes['variant'] = variant.en
        if (variant.lang) attributes['edition_language'] = variant.lang
        const product: CatalogueProduct = {
          input: {
            sku: `SKU-${cat.code}-${String(serial).padStart(3, '0')}`,
            name: `${nameEn} / ${nameZh}`,
            category: cat.en,
            brand,
            price,
            description: `${ln.aboutEn} ${ln.aboutZh}`,
            attributes,
          },
          index,
          category: c,
          lineKey,
          variant: vi,
          price,
          quality: lineQuality + 0.15 * rng.normal(),
          // The first listed variant is the usual pick; later ones sell less.
          popularity: linePopularity / (1 + 0.8 * vi),
        }
        if (variant.lang) product.lang = variant.lang
        products.push(product)
        byCategory[c]?.push(index)
        members.push(index)
      })
      byLine.set(lineKey, members)
    }
  })
  return { products, byCategory, byLine }
}
