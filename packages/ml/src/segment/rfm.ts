import { rank } from '../stats/correlation.ts'
import { rfmSegment, type RfmSegmentName } from './rfm-segments.ts'

export interface RfmInput {
  /** Dense customer index per line, 0..nCustomers−1. */
  customer: Int32Array
  /** Day number of each line (e.g. days since 1970-01-01, fractions allowed). */
  day: Float64Array
  amount: Float64Array
  /** Transaction (invoice) index per line; without it, each customer-day is one transaction. */
  transaction?: Int32Array
}

export interface RfmTable {
  /** Customer index of each row (customers with a purchase on or before the as-of day). */
  customers: Int32Array
  /** Whole days from the last purchase to the as-of day. */
  recency: Float64Array
  /** Distinct transactions. */
  frequency: Float64Array
  /** Total amount. */
  monetary: Float64Array
  r: Int8Array
  f: Int8Array
  m: Int8Array
  segments: RfmSegmentName[]
}

/**
 * Recency, frequency and monetary value per customer as of a day (Hughes 1994), with quintile scores 1–5
 * (5 best: most recent, most frequent, highest spend) and the named R/F segment of each customer.
 * Lines after `asOf` are ignored. Cost O(L log L) for L lines.
 */
export function computeRfm(input: RfmInput, asOf: number): RfmTable {
  const n = input.customer.length
  let nCustomers = 0
  for (let i = 0; i < n; i++) nCustomers = Math.max(nCustomers, (input.customer[i] as number) + 1)
  const last = new Float64Array(nCustomers).fill(-Infinity)
  const money = new Float64Array(nCustomers)
  const seen = new Set<string>()
  const freq = new Float64Array(nCustomers)
  for (let i = 0; i < n; i++) {
    const d = input.day[i] as number
    if (d > asOf) continue
    const c = input.customer[i] as number
    if (d > (last[c] as number)) last[c] = d
    money[c] = (money[c] as number) + (input.amount[i] as number)
    const key = input.transaction ? `${c}:${input.transaction[i]}` : `${c}:${Math.floor(d)}`
    if (!seen.has(key)) {
      seen.add(key)
      freq[c] = (freq[c] as number) + 1
    }
  }
  const customers: number[] = []
  for (let c = 0; c < nCustomers; c++) if ((last[c] as number) > -Infinity) customers.push(c)
  const recency = Float64Array.from(customers, (c) => Math.floor(asOf) - Math.floor(last[c] as number))
  const frequency = Float64Array.from(customers, (c) => freq[c] as number)
  const monetary = Float64Array.from(customers, (c) => money[c] as number)
  const r = quintileScores(recency.map((v) => -v))
  const f = quintileScores(frequency)
  const m = quintileScores(monetary)
  const segments = Array.from(r, (rs, i) => rfmSegment(rs, f[i] as number))
  return { customers: Int32Array.from(customers), recency, frequency, monetary, r, f, m, segments }
}

/**
 * Quintile scores 1–5 (higher value, higher score) from mid-ranks: score = ⌈5·rank/n⌉. Equal values always
 * share a score (their average rank decides it), so the result does not depend on input order. O(n log n).
 */
export function quintileScores(values: ArrayLike<number>): Int8Array {
  const n = values.length
  const ranks = rank(values)
  const out = new Int8Array(n)
  for (let i = 0; i < n; i++) out[i] = Math.min(5, Math.max(1, Math.ceil((5 * (ranks[i] as number)) / n - 1e-9)))
  return out
}

export interface RfmSegmentSummary {
  segment: RfmSegmentName
  customers: number
  share: number
  revenue: number
  revenueShare: number
  meanRecency: number
  meanFrequency: number
  meanMonetary: number
}

/** Size, revenue share and mean R/F/M of every segment present, largest revenue first. O(n). */
export function summariseSegments(t: RfmTable): RfmSegmentSummary[] {
  const groups = new Map<RfmSegmentName, { n: number; rev: number; r: number; f: number }>()
  let total = 0
  for (let i = 0; i < t.segments.length; i++) {
    const s = t.segments[i] as RfmSegmentName
    const g = groups.get(s) ?? { n: 0, rev: 0, r: 0, f: 0 }
    g.n++
    g.rev += t.monetary[i] as number
    g.r += t.recency[i] as number
    g.f += t.frequency[i] as number
    groups.set(s, g)
    total += t.monetary[i] as number
  }
  const n = t.segments.length
  return [...groups]
    .map(([segment, g]) => ({
      segment,
      customers: g.n,
      share: g.n / n,
      revenue: g.rev,
      revenueShare: total !== 0 ? g.rev / total : 0,
      meanRecency: g.r / g.n,
      meanFrequency: g.f / g.n,
      meanMonetary: g.rev / g.n,
    }))
    .sort((a, b) => b.revenue - a.revenue || a.segment.localeCompare(b.segment))
}
