import type { Csr } from '../sparse/csr.ts'

/**
 * User–item interactions as parallel typed arrays: users[k] rated/bought items[k] with values[k].
 * Users and items are dense indices 0..nUsers-1 / 0..nItems-1 (see `indexIds`). For implicit feedback the
 * values are counts or 1s.
 */
export interface Interactions {
  nUsers: number
  nItems: number
  users: Int32Array
  items: Int32Array
  values: Float64Array
}

/** The serialised form of every model: `kind` picks the decoder in `modelFromJson`. */
export interface ModelJson {
  kind: string
  [key: string]: unknown
}

/**
 * The one interface every recommender implements. Users or items outside the training range (cold start)
 * are allowed: rating models fall back to the biases they know, ranking models score them 0.
 */
export interface Recommender {
  readonly kind: string
  readonly nUsers: number
  readonly nItems: number
  /** Predicted rating (rating models) or ranking score (implicit models) of one user–item pair. */
  predict(user: number, item: number): number
  /** Scores of every item 0..nItems-1 for one user, written into `out` (length nItems). */
  scoreItems(user: number, out: Float64Array): void
  toJSON(): ModelJson
}

/** Training interactions as a user×item CSR, the structure most fitters and the top-N exclusion need. */
export type UserItemMatrix = Csr
