import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { entityTables } from '../../store/entity-tables.ts'
import type { RowError } from './row-error.ts'

/** Where a row came from: its line, and its original cells (for the rejects file; may be empty). */
export interface RowOrigin {
  line: number
  raw: Record<string, string>
}

/**
 * Validated rows laid out by column: one array per entity field (null where absent; objects already as
 * JSON text). Columns rather than row objects because a batch crosses from the parse worker to the main
 * thread, and arrays of strings and numbers clone about ten times faster than as many small objects
 * (measured: 0.6 ms against 5–10 ms for 5,000 order lines).
 */
export interface ValidBatch {
  lines: number[]
  columns: Record<string, unknown[]>
  /** Original cells per row, kept only when rejects are written to a file. */
  raw: Array<Record<string, string>> | undefined
}

/** What the parsing side hands to the writer: rows read, the valid ones, and the rejected ones with reasons. */
export interface ImportChunk {
  read: number
  /** Bytes of the input this chunk covers (approximate; for the progress bar). */
  bytes: number
  batch: ValidBatch | undefined
  rejects: Array<{ origin: RowOrigin; errors: RowError[] }>
}

export function batchSize(batch: ValidBatch): number {
  return batch.lines.length
}

/** Collects validated rows into a ValidBatch. */
export class BatchBuilder {
  readonly #fields: string[]
  #batch: ValidBatch

  constructor(
    entity: EntityName,
    private readonly keepRaw: boolean,
  ) {
    // The schema's fields plus the derived key (external_id of events, reviews, consents).
    this.#fields = [...new Set([...Object.keys(entitySchemas[entity].shape), ...entityTables[entity].keyFields])]
    this.#batch = this.#empty()
  }

  get size(): number {
    return this.#batch.lines.length
  }

  add(origin: RowOrigin, data: Record<string, unknown>): void {
    const b = this.#batch
    b.lines.push(origin.line)
    for (const f of this.#fields) {
      const v = data[f]
      ;(b.columns[f] as unknown[]).push(v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : v)
    }
    b.raw?.push(origin.raw)
  }

  /** The rows collected so far (undefined when none), starting a new batch. */
  take(): ValidBatch | undefined {
    if (this.size === 0) return undefined
    const out = this.#batch
    this.#batch = this.#empty()
    return out
  }

  #empty(): ValidBatch {
    return {
      lines: [],
      columns: Object.fromEntries(this.#fields.map((f) => [f, []])),
      raw: this.keepRaw ? [] : undefined,
    }
  }
}
