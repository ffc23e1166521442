/**
 * The parse worker: reads an import file, validates each row and posts chunks of validated rows (by
 * column) to the main thread, which resolves references and writes. Parsing and validation take about as
 * long as the database's share of an import; on its own thread that work overlaps with the writes instead
 * of adding to them, and on PGlite (whose server runs on the main thread) it is the only way to use a
 * second core.
 *
 * Flow control: at most `maxAhead` chunks are posted and not yet acknowledged, so a slow database holds
 * the file back instead of filling memory.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { entitySchemas } from '../../domain/entities.ts'
import { openImportSource } from '../../io/import-source.ts'
import { ChunkCollector, type ImportChunk } from './valid-batch.ts'
import type { ParseJob, WorkerMessage } from './parse-protocol.ts'

const CHUNK_MAX_BYTES = 8 * 2 ** 20
const port = parentPort
if (!port) throw new Error('parse-worker.ts runs as a worker thread')
const job = workerData as ParseJob
const post = (m: WorkerMessage): void => port.postMessage(m)

let credits = job.maxAhead
let wake: (() => void) | undefined
port.on('message', (m: { type: 'ack' }) => {
  if (m.type !== 'ack') return
  credits++
  const w = wake
  wake = undefined
  w?.()
})

async function send(chunk: ImportChunk): Promise<void> {
  while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve))
  credits--
  post({ type: 'chunk', chunk })
}

async function run(): Promise<void> {
  const source = openImportSource(job.file, Object.keys(entitySchemas[job.entity].shape), job.source)
  // Long texts (reviews, tickets) make rows large: a chunk also ends at 8 MiB, so memory stays bounded.
  const collector = new ChunkCollector(job.entity, job.keepRaw, job.batchSize, CHUNK_MAX_BYTES)
  let metaSent = false
  for await (const rows of source.rows) {
    // The header has been read by now, so the ignored columns are known.
    if (!metaSent) {
      post({ type: 'meta', format: source.format, ignoredColumns: source.ignoredColumns, totalBytes: source.totalBytes })
      metaSent = true
    }
    for (const row of rows) {
      const chunk = collector.push(row)
      if (chunk) await send(chunk)
    }
  }
  if (!metaSent) post({ type: 'meta', format: source.format, ignoredColumns: source.ignoredColumns, totalBytes: source.totalBytes })
  await send(collector.finish())
  post({ type: 'end' })
}

run().catch((err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err))
  post({ type: 'error', name: e.name, message: e.message, ...(e.stack !== undefined && { stack: e.stack }) })
})
