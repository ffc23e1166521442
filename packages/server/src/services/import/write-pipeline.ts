import type { UpsertCounts } from '../../store/upsert.ts'
import type { BatchWriter } from './batch-writer.ts'
import type { ValidBatch } from './valid-batch.ts'

/**
 * Keeps the database busy while the next rows are parsed. A batch is two statements — look up its
 * references, then upsert — and the upsert needs the reply to the lookup. Sending batch n+1's lookups
 * while batch n's upsert runs means the server has its next statement queued instead of idling while this
 * process turns one reply into the next statement (measured on PostgreSQL: about a quarter of the import
 * time was such gaps).
 *
 * Lookups may run ahead of earlier upserts because references point into other tables than the one being
 * written. Upserts go out in batch order, so a key repeated across batches ends with its last row, as if
 * the rows had been written one by one. At most `depth` batches are in flight, which bounds memory.
 */
export class WritePipeline {
  #inFlight: Array<Promise<void>> = []
  #previousUpsertSent: Promise<void> = Promise.resolve()
  #failed = false

  constructor(
    private readonly writer: BatchWriter,
    private readonly onWritten: (counts: UpsertCounts) => void,
    private readonly depth = 3,
  ) {}

  /** Starts writing a batch; waits only when `depth` batches are already in flight. */
  async push(batch: ValidBatch): Promise<void> {
    if (this.#failed) await this.drain()
    const prepared = this.writer.prepare(batch)
    const previous = this.#previousUpsertSent
    let markSent = (): void => undefined
    this.#previousUpsertSent = new Promise<void>((resolve) => (markSent = resolve))
    const done = (async () => {
      try {
        const values = await prepared
        await previous
        // upsert() hands its statement to the connection synchronously, so the next batch may follow.
        const written = this.writer.upsert(values)
        markSent()
        this.onWritten(await written)
      } catch (err) {
        markSent()
        this.#failed = true
        throw err
      }
    })()
    // Failures surface from drain() or the next push; this keeps them from counting as unhandled meanwhile.
    done.catch(() => undefined)
    this.#inFlight.push(done)
    while (this.#inFlight.length >= this.depth) await this.#inFlight.shift()
  }

  /** Waits for every batch; throws the first failure in batch order. */
  async drain(): Promise<void> {
    const all = this.#inFlight.splice(0)
    await Promise.allSettled(all)
    for (const p of all) await p
  }
}
