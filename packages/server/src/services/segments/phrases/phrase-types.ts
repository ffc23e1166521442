import type { SegmentLeaf, SegmentNode } from '../../../domain/segment-tree.ts'

export type PhraseLang = 'en' | 'zh'

/** The workspace's own values, read from the database by the caller, so phrases match what is stored. */
export interface PhraseVocabulary {
  cities: string[]
  categories: string[]
  rfmSegments: string[]
  personas: string[]
}

export interface PhraseResult {
  /** `{ type: 'all', conditions }` of what was recognised, or null when nothing was. */
  tree: SegmentNode | null
  /** Every part of the input that was not understood, in input order. */
  unknown: string[]
  lang: PhraseLang
  /** Which part of the input became which condition (JSON path into `tree`, e.g. `$.conditions[0]`). */
  recognised: Array<{ text: string; path: string }>
}

/** How an order or spend phrase takes a time window written apart from it ("in the last 30 days"). */
export type WindowUse = 'none' | 'adjacent' | 'carry'

/** One reading of a stretch of the input [start, end), before overlapping readings are resolved. */
export type Candidate = { start: number; end: number; priority: number } & (
  | { kind: 'leaf'; leaf: SegmentLeaf; windowUse: WindowUse }
  | { kind: 'window'; days: number }
  /** A city or country; neighbours joined by "or", "、", … become one condition. */
  | { kind: 'place'; field: 'city' | 'country'; values: string[] }
  /** A purchase verb whose object was not understood: absorbed when that object is reported as unknown. */
  | { kind: 'verb' }
  /** Understood in form but not valid (a window of 0 days): reported as unknown as a whole. */
  | { kind: 'unclear' }
)

export type CandidateBody = Candidate extends infer C ? (C extends unknown ? Omit<C, 'start' | 'end' | 'priority'> : never) : never

/** What a rule sees: the input as typed and its matching form (same length, lower case, half-width). */
export interface PhraseInput {
  original: string
  text: string
  vocab: PhraseVocabulary
}

export type PhraseRule = (input: PhraseInput) => Candidate[]
