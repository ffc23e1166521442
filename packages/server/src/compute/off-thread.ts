import { Worker } from 'node:worker_threads'
import type { ComputeTaskName, ComputeTasks } from './compute-tasks.ts'

interface Pending {
  resolve: (v: unknown) => void
  reject: (e: Error) => void
}

let worker: Worker | undefined
const pending = new Map<number, Pending>()
let nextId = 1

/**
 * Runs a pure @rapport/ml function on the compute thread and resolves with its result.
 *
 * On the embedded database the jobs run in the server's own process: a model fit of several seconds on the
 * main thread would stop every HTTP request for as long. One thread is enough (the machine this targets has
 * two cores: one serves, one computes); calls queue in order. The thread is unref'd while idle so it never
 * keeps a CLI command alive, and a crash rejects the calls in flight and starts a fresh thread on the next call.
 */
export function offThread<K extends ComputeTaskName>(task: K, ...args: Parameters<ComputeTasks[K]>): Promise<ReturnType<ComputeTasks[K]>> {
  const w = computeWorker()
  const id = nextId++
  return new Promise<ReturnType<ComputeTasks[K]>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
    w.ref()
    w.postMessage({ id, task, args })
  })
}

function computeWorker(): Worker {
  if (worker) return worker
  const w = new Worker(new URL('./compute-worker.mjs', import.meta.url))
  w.on('message', (m: { id?: number; result?: unknown; error?: { message: string; stack?: string } }) => {
    if (m.id === undefined) return
    const p = pending.get(m.id)
    pending.delete(m.id)
    if (pending.size === 0) w.unref()
    if (!p) return
    if (m.error) p.reject(Object.assign(new Error(m.error.message), { stack: m.error.stack }))
    else p.resolve(m.result)
  })
  const fail = (err: Error) => {
    if (worker === w) worker = undefined
    for (const p of pending.values()) p.reject(err)
    pending.clear()
  }
  w.on('error', fail)
  w.on('exit', (code) => fail(new Error(`the compute thread stopped (exit code ${code})`)))
  w.unref()
  worker = w
  return w
}

/** Stops the compute thread (tests and shutdown); the next call starts a new one. */
export async function stopComputeThread(): Promise<void> {
  const w = worker
  worker = undefined
  if (w) await w.terminate()
}
