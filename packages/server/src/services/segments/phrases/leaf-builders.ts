import type { NumberOp, SegmentLeaf } from '../../../domain/segment-tree.ts'
import type { CandidateBody } from './phrase-types.ts'

/** The readings rules produce, built in one place so both languages give the same trees. */

const leaf = (l: SegmentLeaf, windowUse: 'none' | 'adjacent' | 'carry' = 'none'): CandidateBody => ({ kind: 'leaf', leaf: l, windowUse })
export const unclear: CandidateBody = { kind: 'unclear' }

/** Number of orders; a window written next to it (or earlier in the phrase) is attached later. */
export const orderCount = (op: NumberOp | undefined, value: number | undefined): CandidateBody =>
  op === undefined || value === undefined || !Number.isFinite(value) || value < 0
    ? unclear
    : leaf({ type: 'behaviour', source: 'orders', measure: 'count', op, value }, 'carry')

/** Sum of order totals (spend). */
export const orderSpend = (op: NumberOp | undefined, value: number | undefined): CandidateBody =>
  op === undefined || value === undefined || !Number.isFinite(value) || value < 0
    ? unclear
    : leaf({ type: 'behaviour', source: 'orders', measure: 'sum', field: 'total', op, value }, 'carry')

/** When the last order was: within the last N days, or more than N days ago. */
export const lastOrder = (op: 'within_last' | 'more_than_ago', days: number | undefined): CandidateBody =>
  days === undefined ? unclear : leaf({ type: 'behaviour', source: 'orders', measure: 'last_at', op, value: days })

export const boughtCategories = (op: 'any' | 'all' | 'none', categories: string[]): CandidateBody =>
  leaf({ type: 'product', op, categories }, 'adjacent')

export type Band = 'low' | 'medium' | 'high'
export const band = (field: 'churn_band' | 'clv_band', bands: Band[]): CandidateBody => {
  const unique = [...new Set(bands)]
  return leaf(unique.length === 1 && unique[0] !== undefined
    ? { type: 'prediction', field, op: 'is', value: unique[0] }
    : { type: 'prediction', field, op: 'in', value: unique })
}

export const consent = (channel: 'email' | 'sms', op: 'is' | 'is_not', value: 'granted' | 'revoked'): CandidateBody =>
  leaf({ type: 'consent', channel, purpose: 'marketing', op, value })

export const gender = (value: 'female' | 'male'): CandidateBody => leaf({ type: 'profile', field: 'gender', op: 'is', value })

export const signedUp = (op: 'within_last' | 'more_than_ago', days: number | undefined): CandidateBody =>
  days === undefined ? unclear : leaf({ type: 'date', field: 'signup_at', op, value: days })

export const birthdayWithin = (days: number | undefined): CandidateBody =>
  days === undefined ? unclear : leaf({ type: 'date', field: 'birth_date', op: 'anniversary_within_next', value: days })

export const predictionChoice = (field: 'rfm_segment' | 'persona', value: string): CandidateBody =>
  leaf({ type: 'prediction', field, op: 'is', value })

export const timeWindow = (days: number | undefined): CandidateBody => (days === undefined ? unclear : { kind: 'window', days })
