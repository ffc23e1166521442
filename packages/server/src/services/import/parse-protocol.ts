import type { EntityName } from '../../domain/entities.ts'
import type { SourceOptions } from '../../io/import-source.ts'
import type { ImportChunk } from './valid-batch.ts'

/** What the parse worker is asked to do. */
export interface ParseJob {
  file: string
  entity: EntityName
  source: SourceOptions
  /** Keep each row's original cells (needed for the rejects file). */
  keepRaw: boolean
  batchSize: number
  /** Chunks the worker may post before the main thread acknowledges one. */
  maxAhead: number
}

/** Messages from the parse worker, in the order it sends them: meta, chunks, then end or error. */
export type WorkerMessage =
  | { type: 'meta'; format: 'csv' | 'jsonl'; ignoredColumns: string[]; totalBytes: number }
  | { type: 'chunk'; chunk: ImportChunk }
  | { type: 'end' }
  | { type: 'error'; name: string; message: string; stack?: string }
