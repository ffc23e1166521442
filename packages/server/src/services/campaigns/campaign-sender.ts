import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { readConfig } from '../../config.ts'
import type { Db } from '../../store/db.ts'
import { loadCampaign } from './campaign-row.ts'
import { heartbeat, markOrphansUncertain, messageIdOf, remainingWork, retireSender, settleAndClaim, type ClaimedRecipient, type SendResult } from './send-ledger.ts'

/** Sends one prepared message; throws an error with `kind: 'temporary' | 'permanent'` (MailError, SmsError). */
export type SendOne = (r: ClaimedRecipient, messageId: string) => Promise<{ providerId: string }>

/** Builds a batch's messages (one query per table for the batch) and returns how to send each. */
export interface Delivery {
  prepare(batch: ClaimedRecipient[]): Promise<SendOne>
  /** When the channel may not send now (SMS outside the sending hours): the time it may again; else null. */
  holdUntil?(now: Date): Date | null
}

export interface SenderOptions {
  /** Unique per running sender (default: a random id). */
  senderId?: string
  /** Seconds without a heartbeat after which a sender counts as dead (default 30). */
  leaseSeconds?: number
  /** First retry delay in ms, doubled per attempt, at most 10 minutes (default 5 s). */
  retryBaseMs?: number
  signal?: AbortSignal | undefined
  onProgress?: (done: number, total: number) => void | Promise<void>
  /** Told when the sender stops because the channel is outside its hours ('deferred'), with when to come back. */
  onDeferred?: (until: Date) => void | Promise<void>
}

export type SenderOutcome = 'done' | 'paused' | 'cancelled' | 'stopped' | 'deferred' | 'waiting_for_winner'

const WINDOW = 50

/** Senders running in this process (on the embedded database, the only ones that can be alive). */
const runningHere = new Set<string>()

/**
 * Works one campaign's ledger until nothing is left to send, the campaign is paused or cancelled, or the signal
 * aborts. Several senders (processes) may work the same campaign: claims skip each other's rows.
 */
export async function runCampaignSender(db: Db, workspaceId: number, campaignId: number, delivery: Delivery, opts: SenderOptions = {}): Promise<SenderOutcome> {
  const senderId = opts.senderId ?? randomUUID()
  const lease = opts.leaseSeconds ?? readConfig().senderLeaseSeconds
  const retryBase = opts.retryBaseMs ?? 5_000
  runningHere.add(senderId)
  await heartbeat(db, workspaceId, senderId, campaignId)
  await markOrphansUncertain(db, workspaceId, campaignId, { leaseSeconds: lease, ...(db.kind === 'pglite' && { aliveOnly: [...runningHere] }) })
  const beat = setInterval(() => void heartbeat(db, workspaceId, senderId, campaignId).catch(() => undefined), Math.max(200, (lease * 1000) / 3))
  const recent: boolean[] = []
  // Progress is counted here (one count at the start), not re-counted over the ledger after every batch.
  const [counts] = await db.query<{ done: string; total: string }>(
    `SELECT count(*) FILTER (WHERE state NOT IN ('planned', 'sending', 'held')) AS done, count(*) AS total FROM campaign_recipients
      WHERE workspace_id = $1 AND campaign_id = $2 AND grp = 'treated'`, [workspaceId, campaignId])
  let handled = Number(counts?.done ?? 0)
  const total = Number(counts?.total ?? 0)
  let lastProgress = 0
  let nextSlot = Date.now()
  // A rolling window: up to `concurrency` rows are claimed and not yet recorded at any time (in flight, or answered
  // and waiting to be recorded); freed places are claimed again while the rest are still being sent, and answers
  // are recorded in the same statement as the next claim. So a crash still leaves at most `concurrency` rows of
  // this sender uncertain.
  const inFlight = new Map<number, Promise<void>>()
  let answered: SendResult[] = []
  let recordedAt = Date.now()
  let c = await loadCampaign(db, workspaceId, campaignId)
  let checkedAt = Date.now()
  let emptyClaimAt = 0
  let outcome: SenderOutcome | null = null
  // The loop sleeps until a message in flight is answered (or 20 ms pass, for the time-based rules below). One
  // waiter, told by each answer: racing every in-flight promise per turn attached a reaction to each of them
  // and left a 20 ms timer behind every time, per message sent.
  let wake: (() => void) | null = null
  let broken: { err: unknown } | null = null
  const answer = () => {
    const w = wake
    wake = null
    w?.()
  }
  const nextAnswer = (ms: number): Promise<void> => new Promise<void>((resolve) => {
    const timer = setTimeout(answer, ms)
    wake = () => {
      clearTimeout(timer)
      resolve()
    }
  })

  const sendRow = async (send: SendOne, r: ClaimedRecipient, maxAttempts: number, rate: number): Promise<SendResult> => {
    if (rate > 0) {
      const at = Math.max(Date.now(), nextSlot)
      nextSlot = at + 1000 / rate
      if (at > Date.now()) await sleep(at - Date.now())
    }
    const messageId = messageIdOf(workspaceId, campaignId, r.id)
    try {
      const sent = await send(r, messageId)
      return { id: r.id, outcome: 'sent', providerId: sent.providerId, messageId }
    } catch (err) {
      const e = err as { kind?: unknown; message?: unknown }
      const error = typeof e.message === 'string' ? e.message.slice(0, 500) : String(err)
      if (e.kind === 'temporary' && r.attempts < maxAttempts) {
        return { id: r.id, outcome: 'retry', error, retryAt: new Date(Date.now() + Math.min(600_000, retryBase * 2 ** (r.attempts - 1))) }
      }
      return { id: r.id, outcome: 'failed', error }
    }
  }

  // Claims go on after the highest id this run has claimed (send-ledger.ts settleAndClaim: a claim from the
  // start walks every row already claimed). This sender's own retries are behind it: when one is due, that
  // claim starts just before the lowest due one. Anything else put back to planned behind the cursor is
  // taken by the statement itself once the rows ahead run short (at the latest, at the end of the send).
  let cursor = 0
  const retries = new Map<number, number>()
  const claimAfter = (limit: number): number => {
    if (limit <= 0 || retries.size === 0) return cursor
    const now = Date.now()
    let from = cursor
    for (const [id, at] of retries) {
      if (at > now) continue
      // Looked for once: if the database's clock has it not due yet, the rows-ahead-ran-short rule takes it later.
      retries.delete(id)
      from = Math.min(from, id - 1)
    }
    return from
  }

  /**
   * Records the answers so far and claims up to `limit` more rows, in one statement. The error rate is known
   * before the statement runs: when these answers pause the campaign nothing is claimed, and 'paused' is returned.
   */
  const settle = async (limit: number): Promise<ClaimedRecipient[] | 'paused'> => {
    const results = answered
    answered = []
    recordedAt = Date.now()
    for (const r of results) {
      recent.push(r.outcome !== 'sent')
      if (recent.length > WINDOW) recent.shift()
      if (r.outcome === 'retry') retries.set(r.id, r.retryAt.getTime())
    }
    const failures = recent.filter(Boolean).length
    const pause = results.length > 0 && recent.length >= Math.min(WINDOW, 10) && failures / recent.length >= c.settings.error_pause_rate
    const batch = await settleAndClaim(db, workspaceId, campaignId, senderId, results, pause ? 0 : limit, claimAfter(pause ? 0 : limit))
    for (const r of batch) {
      if (r.id > cursor) cursor = r.id
      retries.delete(r.id)
    }
    handled += results.filter((r) => r.outcome !== 'retry').length
    if (opts.onProgress && results.length > 0 && Date.now() - lastProgress >= 1_000) {
      lastProgress = Date.now()
      await opts.onProgress(handled, total)
    }
    if (!pause) return batch
    const last = results.find((r) => r.outcome !== 'sent') as Exclude<SendResult, { outcome: 'sent' }> | undefined
    await pauseCampaign(db, workspaceId, campaignId, `paused automatically: ${failures} of the last ${recent.length} attempts failed (last error: ${last?.error ?? 'unknown'})`)
    return 'paused'
  }

  try {
    while (outcome === null) {
      if (opts.signal?.aborted) {
        outcome = 'stopped'
        break
      }
      // The campaign's status (a pause, a cancel) is read at most every 200 ms, not per message.
      if (Date.now() - checkedAt >= 200) {
        c = await loadCampaign(db, workspaceId, campaignId)
        checkedAt = Date.now()
      }
      if (c.status === 'paused' || c.status === 'cancelled' || c.status === 'done') {
        outcome = c.status
        break
      }
      const until = delivery.holdUntil?.(new Date()) ?? null
      if (until) {
        // Deferred, not dropped: the rows stay planned and the caller comes back at `until`.
        await opts.onDeferred?.(until)
        outcome = 'deferred'
        break
      }
      const concurrency = c.settings.concurrency
      // Answered rows are recorded by the statement that claims, so their places count as free for it.
      const free = concurrency - inFlight.size
      const idle = inFlight.size === 0
      // Claim when a quarter of the window is free (fewer, larger claims), or when nothing is in flight; after
      // a claim found nothing, the next waits 100 ms unless nothing is in flight (the tail of a send). Answers
      // are recorded at the latest once half the window or 50 ms of them have gathered, claiming or not.
      const claim = free > 0 && (idle || (free >= Math.max(1, Math.floor(concurrency / 4)) && Date.now() - emptyClaimAt >= 100))
      const flush = answered.length > 0 && (answered.length >= Math.ceil(concurrency / 2) || Date.now() - recordedAt >= 50)
      if (claim || flush) {
        const batch = await settle(claim ? free : 0)
        if (batch === 'paused') {
          outcome = 'paused'
          break
        }
        if (claim && batch.length === 0) emptyClaimAt = Date.now()
        if (batch.length > 0) {
          const send = await delivery.prepare(batch)
          for (const r of batch) {
            const sending = sendRow(send, r, c.settings.max_attempts, c.settings.rate_per_second).then((res) => {
              answered.push(res)
              inFlight.delete(r.id)
            })
            // A failure of the sender's own code (sendRow records the channel's) stops the loop, as it did before.
            sending.then(answer, (err: unknown) => {
              broken ??= { err }
              answer()
            })
            inFlight.set(r.id, sending)
          }
          continue
        }
        if (idle && answered.length === 0) {
          const left = await remainingWork(db, workspaceId, campaignId)
          if (left.due + left.later + left.sending === 0 && left.held > 0) {
            outcome = 'waiting_for_winner'
            break
          }
          if (left.due + left.later + left.sending === 0) {
            await db.query(`UPDATE campaigns SET status = 'done', finished_at = now(), updated_at = now() WHERE workspace_id = $1 AND id = $2 AND status = 'sending'`, [workspaceId, campaignId])
            outcome = 'done'
            break
          }
          // Others' rows in flight, or retries due later: wait a little (the lease sweep turns dead senders' rows uncertain).
          if (left.sending > 0) await markOrphansUncertain(db, workspaceId, campaignId, { leaseSeconds: lease })
          const wait = left.nextAt ? Math.min(1_000, Math.max(50, left.nextAt.getTime() - Date.now())) : 250
          await sleep(wait, undefined, { signal: opts.signal }).catch(() => undefined)
          checkedAt = 0
        }
        continue
      }
      if (inFlight.size > 0) await nextAnswer(20)
      // (Set by the callbacks above: TypeScript cannot see it change.)
      const failure = broken as { err: unknown } | null
      if (failure) throw failure.err
    }
    // Whatever the reason for stopping, the messages already handed over finish and are recorded.
    await Promise.all(inFlight.values())
    await settle(0)
    return outcome
  } finally {
    runningHere.delete(senderId)
    clearInterval(beat)
    await retireSender(db, workspaceId, senderId).catch(() => undefined)
  }
}

export async function pauseCampaign(db: Db, workspaceId: number, campaignId: number, reason: string): Promise<void> {
  await db.query(`UPDATE campaigns SET status = 'paused', pause_reason = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2 AND status = 'sending'`, [workspaceId, campaignId, reason])
}
