import { Worker } from 'node:worker_threads'
import { InputError, UsageError } from '../../errors/rapport-error.ts'
import type { ParseJob, WorkerMessage } from './parse-protocol.ts'
import type { ImportChunk } from './valid-batch.ts'

export interface WorkerSource {
  /** Resolves once the worker has read the file's header. */
  meta: Promise<{ format: 'csv' | 'jsonl'; ignoredColumns: string[]; totalBytes: number }>
  chunks: AsyncIterable<ImportChunk>
  /** Stops the worker (safe to call twice; iteration to the end stops it too). */
  stop: () => Promise<void>
}

/** Starts the parse worker on a file; see parse-worker.ts. The worker stops when iteration ends. */
export function parseInWorker(job: ParseJob): WorkerSource {
  // The entry registers tsx itself, so the worker runs whatever started this process (CLI, tests, bench).
  const worker = new Worker(new URL('./parse-worker-entry.mjs', import.meta.url), {
    workerData: job,
    execArgv: [],
    // The worker holds a few chunks at a time; a small heap keeps its garbage from inflating the process's
    // memory (measured on 1M order lines: peak RSS about 90 MiB lower than with default limits, same speed).
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 },
  })
  const queue: WorkerMessage[] = []
  let wake: (() => void) | undefined
  let failure: Error | undefined
  let resolveMeta!: (m: Extract<WorkerMessage, { type: 'meta' }>) => void
  let rejectMeta!: (e: Error) => void
  const meta = new Promise<Extract<WorkerMessage, { type: 'meta' }>>((res, rej) => {
    resolveMeta = res
    rejectMeta = rej
  })
  meta.catch(() => undefined)
  const notify = (): void => {
    const w = wake
    wake = undefined
    w?.()
  }
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'meta') resolveMeta(m)
    else queue.push(m)
    if (m.type === 'error') rejectMeta(rebuild(m))
    notify()
  })
  worker.on('error', (err) => {
    failure = err
    rejectMeta(err)
    notify()
  })
  worker.on('exit', (code) => {
    if (code !== 0 && failure === undefined) failure = new Error(`the parse worker stopped with code ${code}`)
    rejectMeta(failure ?? new Error('the parse worker stopped before reading the file'))
    notify()
  })

  async function* chunks(): AsyncGenerator<ImportChunk> {
    try {
      for (;;) {
        const m = queue.shift()
        if (m === undefined) {
          if (failure) throw failure
          await new Promise<void>((resolve) => (wake = resolve))
          continue
        }
        if (m.type === 'end') return
        if (m.type === 'error') throw rebuild(m)
        if (m.type === 'chunk') {
          worker.postMessage({ type: 'ack' })
          yield m.chunk
        }
      }
    } finally {
      await worker.terminate()
    }
  }
  return {
    meta: meta.then(({ format, ignoredColumns, totalBytes }) => ({ format, ignoredColumns, totalBytes })),
    chunks: chunks(),
    stop: async () => void (await worker.terminate()),
  }
}

/** The worker's error as the class the CLI maps to an exit code. */
function rebuild(m: Extract<WorkerMessage, { type: 'error' }>): Error {
  const err = m.name === 'InputError' ? new InputError(m.message) : m.name === 'UsageError' ? new UsageError(m.message) : new Error(m.message)
  if (m.stack !== undefined && !(err instanceof InputError) && !(err instanceof UsageError)) err.stack = m.stack
  return err
}
