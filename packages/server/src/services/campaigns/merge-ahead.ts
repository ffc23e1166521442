import type { Db } from '../../store/db.ts'
import type { ClaimedRecipient } from './send-ledger.ts'
import { loadMergeContexts, type MergeContextOptions } from './templates/merge-context.ts'
import type { MergeContext } from './templates/merge-fields.ts'

/** How many of the campaign's next planned recipients are read along with a batch's missing ones. */
const AHEAD = 200

/**
 * The merge contexts of claimed batches, read ahead: the sender claims a few rows at a time (a quarter of its
 * window), and one query per claim was the largest share of its round trips. A batch whose customers were not
 * read yet loads them together with the next AHEAD planned recipients of the campaign (the rows the next
 * claims will take, in id order), so most batches need no query. Each context is used once (a customer is in
 * a campaign once) and the read-ahead is replaced at each load, so what another sender claimed is not kept.
 * A context is at most AHEAD messages old when used (a fraction of a second at full speed).
 */
export function mergeAhead(db: Db, workspaceId: number, campaignId: number, opts: Omit<MergeContextOptions, 'upcoming'>) {
  let ahead = new Map<number, MergeContext>()
  return async (batch: ClaimedRecipient[]): Promise<Map<number, MergeContext>> => {
    const contexts = new Map<number, MergeContext>()
    const missing: number[] = []
    for (const r of batch) {
      const ctx = ahead.get(r.customer_id)
      if (ctx) contexts.set(r.customer_id, ctx)
      else missing.push(r.customer_id)
      ahead.delete(r.customer_id)
    }
    if (missing.length === 0) return contexts
    const afterId = Math.max(...batch.map((r) => r.id))
    const loaded = await loadMergeContexts(db, workspaceId, missing, { ...opts, upcoming: { campaignId, afterId, limit: AHEAD } })
    for (const id of missing) {
      const ctx = loaded.get(id)
      if (ctx) contexts.set(id, ctx)
      loaded.delete(id)
    }
    ahead = loaded
    return contexts
  }
}
