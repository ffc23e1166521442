import type { Candidate } from './phrase-types.ts'

/**
 * Of overlapping readings, the longest wins ("最近一次下单在30天内" over "30天内", "signed up in the last 30
 * days" over "in the last 30 days"); of equal length the higher priority, then the earlier. The result is in
 * input order and never overlaps.
 */
export function chooseReadings(candidates: readonly Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start)
  const chosen: Candidate[] = []
  for (const c of ranked) {
    if (chosen.every((k) => c.end <= k.start || c.start >= k.end)) chosen.push(c)
  }
  return chosen.sort((a, b) => a.start - b.start)
}
