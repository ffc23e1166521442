import { computeRfm, summariseSegments, type RfmSegmentSummary } from '@rapport/ml'
import type { LoadedTransactions } from '../../features/transactions.ts'

export interface RfmCustomer {
  customer: string
  recency: number
  frequency: number
  monetary: number
  r: number
  f: number
  m: number
  score: string
  segment: string
}

/** RFM scores (1–5), named segments per customer as of `asOf` (a day number), and the segment summary. */
export function rfmAnalysis(tx: LoadedTransactions, asOf: number): { customers: RfmCustomer[]; segments: RfmSegmentSummary[] } {
  const t = computeRfm({ customer: tx.customer, day: tx.day, amount: tx.amount, ...(tx.transaction ? { transaction: tx.transaction } : {}) }, asOf)
  const customers = Array.from(t.customers, (c, i) => ({
    customer: tx.customerIds[c] as string,
    recency: t.recency[i] as number,
    frequency: t.frequency[i] as number,
    monetary: Math.round((t.monetary[i] as number) * 100) / 100,
    r: t.r[i] as number,
    f: t.f[i] as number,
    m: t.m[i] as number,
    score: `${t.r[i]}${t.f[i]}${t.m[i]}`,
    segment: t.segments[i] as string,
  }))
  return { customers, segments: summariseSegments(t) }
}
