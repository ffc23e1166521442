import { CATEGORIES } from './catalogue.ts'

/**
 * Shopper personas: each puts most of its weight on a few categories. A customer mixes one or two personas,
 * which gives recommenders and segmenters a real latent structure to find.
 */
export interface Persona {
  key: string
  /** Tag some of its customers carry, so a part of the structure is observable. */
  tag: string
  /** Category key → relative weight; unlisted categories get a small background weight. */
  weights: Readonly<Record<string, number>>
  /** Relative frequency among women and men (others use the mean). */
  female: number
  male: number
  /** Customers of this persona are born in this age band (years) when it is set. */
  ages?: readonly [number, number]
}

export const PERSONAS: readonly Persona[] = [
  { key: 'coffee-tea', tag: 'coffee-club', weights: { 'coffee-tea': 6, kitchen: 2, snacks: 1.5, books: 0.6 }, female: 1, male: 1.2 },
  { key: 'home-cook', tag: 'home-cook', weights: { kitchen: 5, snacks: 2, 'home-textiles': 1.5, 'coffee-tea': 1 }, female: 1, male: 0.8 },
  { key: 'new-parent', tag: 'new-parent', weights: { baby: 7, 'home-textiles': 1.5, skincare: 1, books: 1 }, female: 1.1, male: 0.6, ages: [24, 40] },
  { key: 'pet-owner', tag: 'pet-owner', weights: { pet: 7, 'home-textiles': 1, snacks: 1 }, female: 1, male: 0.9 },
  { key: 'fitness', tag: 'fitness', weights: { sportswear: 6, snacks: 2, electronics: 1.5 }, female: 0.9, male: 1.2, ages: [18, 50] },
  { key: 'beauty', tag: 'beauty-insider', weights: { skincare: 5, beauty: 5, 'home-textiles': 0.5 }, female: 1.8, male: 0.2 },
  { key: 'tech', tag: 'tech', weights: { electronics: 6, stationery: 1.5, books: 1 }, female: 0.5, male: 1.6 },
  { key: 'bookworm', tag: 'bookworm', weights: { books: 5, stationery: 5, snacks: 1.5, 'coffee-tea': 1 }, female: 1.1, male: 0.9 },
  { key: 'homebody', tag: 'homebody', weights: { 'home-textiles': 5, kitchen: 2, snacks: 2 }, female: 1.1, male: 0.8 },
]

const BACKGROUND = 0.12

/**
 * Category weights of a customer who is mostly `primary` and, when given, partly `secondary`
 * (one Float64Array over CATEGORIES, summing to 1).
 */
export function categoryMix(primary: Persona, secondary: Persona | undefined, secondaryShare: number): Float64Array {
  const w = new Float64Array(CATEGORIES.length)
  CATEGORIES.forEach((cat, c) => {
    let x = BACKGROUND + (primary.weights[cat.key] ?? 0)
    if (secondary) x += secondaryShare * (secondary.weights[cat.key] ?? 0)
    w[c] = x
  })
  let s = 0
  for (let c = 0; c < w.length; c++) s += w[c] ?? 0
  for (let c = 0; c < w.length; c++) w[c] = (w[c] ?? 0) / s
  return w
}
