import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { entityTables } from '../../store/entity-tables.ts'
import type { SourceRow } from '../../io/import-source.ts'
import type { RowError } from './row-error.ts'
import { rowValidator } from './row-validator.ts'

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

/**
 * Validates rows one by one and groups them into chunks: a chunk is ready once it holds `maxRows` valid rows
 * or covers `maxBytes` of input. Used on the main thread and in the parse worker alike.
 */
export class ChunkCollector {
  readonly #check: ReturnType<typeof rowValidator>
  readonly #builder: BatchBuilder
  #chunk = ChunkCollector.#empty()

  constructor(
    entity: EntityName,
    keepRaw: boolean,
    private readonly maxRows: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    this.#check = rowValidator(entity)
    this.#builder = new BatchBuilder(entity, keepRaw)
  }

  /** Takes one row; returns a chunk when one is complete. */
  push(row: SourceRow): ImportChunk | undefined {
    const chunk = this.#chunk
    chunk.read++
    // A loop over the keys instead of Object.values: no array per row.
    for (const k in row.raw) chunk.bytes += (row.raw[k] as string).length + 1
    const checked = this.#check(row)
    if (checked.ok) this.#builder.add(row, checked.data)
    else chunk.rejects.push({ origin: { line: row.line, raw: row.raw }, errors: checked.errors })
    return this.#builder.size >= this.maxRows || chunk.bytes >= this.maxBytes ? this.finish() : undefined
  }

  /** The rows taken since the last chunk (possibly none), as a chunk. */
  finish(): ImportChunk {
    const out = { ...this.#chunk, batch: this.#builder.take() }
    this.#chunk = ChunkCollector.#empty()
    return out
  }

  static #empty(): ImportChunk {
    return { read: 0, bytes: 0, batch: undefined, rejects: [] }
  }
}
