/** The shape of the demo catalogue: categories of product lines, each line sold in one or more variants. */

export interface Variant {
  en: string
  zh: string
  /** Price multiplier over the line's base price. */
  factor: number
  /** The language of a book edition: customers lean to their own language. */
  lang?: 'en' | 'zh'
}

export interface ProductLine {
  key: string
  en: string
  zh: string
  /** Base price in CNY. */
  price: number
  aboutEn: string
  aboutZh: string
  variants: readonly Variant[]
}

export interface CategorySpec {
  key: string
  /** Short code used in SKUs. */
  code: string
  en: string
  zh: string
  brands: readonly string[]
  /** Consumables are bought again and again; durables seldom twice. */
  consumable: boolean
  /** Words customers type when searching this category. */
  searchEn: readonly string[]
  searchZh: readonly string[]
  lines: readonly ProductLine[]
}

export const v = (en: string, zh: string, factor = 1, lang?: 'en' | 'zh'): Variant =>
  lang === undefined ? { en, zh, factor } : { en, zh, factor, lang }

/** A single variant with no suffix. */
export const ONE: readonly Variant[] = [v('', '')]

export const line = (
  key: string,
  en: string,
  zh: string,
  price: number,
  aboutEn: string,
  aboutZh: string,
  variants: readonly Variant[] = ONE,
): ProductLine => ({ key, en, zh, price, aboutEn, aboutZh, variants })
