import type { Progress } from '../api/campaign-types.ts'

/** Treated recipients handled so far (sent or failed) out of all, for the progress bar and the list. */
export function progressShare(p: Progress | null): { done: number; total: number; share: number | undefined } {
  if (!p) return { done: 0, total: 0, share: undefined }
  const total = p.planned + p.sending + p.sent + p.failed + p.uncertain
  const done = p.sent + p.failed
  return { done, total, share: total === 0 ? undefined : done / total }
}
