/**
 * Where the sender's wall time goes, measured from outside (no change to the sender): the database and the
 * delivery are wrapped so the time with at least one query in flight, the time preparing a batch (its merge
 * data) and the time with at least one message being rendered or sent are summed separately. The sender is a
 * rolling window (it claims and records while other messages are in flight), so the database time and the
 * sending time overlap: each is at most the send's wall time, and their sum can exceed it.
 */
import type { Delivery } from '../../packages/server/src/services/campaigns/campaign-sender.ts'
import type { Db } from '../../packages/server/src/store/db.ts'

export interface SenderBreakdown {
  /** Seconds with a database query in flight, and how many queries (the sender's and the delivery's). */
  dbSeconds: number
  queries: number
  /** Seconds preparing batches (the batch's merge data, one query per table: part of dbSeconds). */
  prepareSeconds: number
  /** Seconds with an SMTP send in flight, how many sends and batches. */
  smtpSeconds: number
  sends: number
  batches: number
  /** Mean seconds one message took from hand-off to the server's reply, and the mean of each batch's slowest. */
  meanSendSeconds: number
  meanSlowestInBatchSeconds: number
}

/** Sums the time during which at least one of the tracked operations is running. */
function busyClock() {
  let inFlight = 0
  let since = 0
  let busy = 0
  return {
    async track<T>(op: () => Promise<T>): Promise<T> {
      if (inFlight++ === 0) since = performance.now()
      try {
        return await op()
      } finally {
        if (--inFlight === 0) busy += performance.now() - since
      }
    },
    seconds: () => busy / 1000,
  }
}

/** Wraps a database; build the delivery on `probe.db`, then pass it through `probe.wrap`. */
export function breakdownProbe(db: Db): { db: Db; wrap: (d: Delivery) => Delivery; result: () => SenderBreakdown } {
  const dbClock = busyClock()
  const prepareClock = busyClock()
  const smtpClock = busyClock()
  let queries = 0
  let sends = 0
  let sendTotal = 0
  let slowestTotal = 0
  let batches = 0
  const wrappedDb: Db = {
    ...db,
    query: (text, params, opts) => {
      queries++
      return dbClock.track(() => db.query(text, params, opts))
    },
    exec: (sql) => dbClock.track(() => db.exec(sql)),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  }
  const wrap = (delivery: Delivery): Delivery => ({
    async prepare(batch) {
      const send = await prepareClock.track(() => delivery.prepare(batch))
      batches++
      let slowest = 0
      let left = batch.length
      return (r, messageId) => smtpClock.track(async () => {
        const t0 = performance.now()
        try {
          return await send(r, messageId)
        } finally {
          const ms = performance.now() - t0
          sends++
          sendTotal += ms
          slowest = Math.max(slowest, ms)
          if (--left === 0) slowestTotal += slowest
        }
      })
    },
  })
  return {
    db: wrappedDb,
    wrap,
    result: () => ({
      dbSeconds: dbClock.seconds(), queries, prepareSeconds: prepareClock.seconds(), smtpSeconds: smtpClock.seconds(), sends, batches,
      meanSendSeconds: sends === 0 ? 0 : sendTotal / sends / 1000, meanSlowestInBatchSeconds: batches === 0 ? 0 : slowestTotal / batches / 1000,
    }),
  }
}
