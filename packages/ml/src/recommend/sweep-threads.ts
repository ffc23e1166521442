import { Worker } from 'node:worker_threads'
import type { SimdSweep } from './simd-sweep.ts'
import { tiledUpdate } from './simd-sweep.ts'
import type { SweepKernel } from './sweep-inverse.ts'

/**
 * Runs the SIMD sweep kernel on worker threads as well as the calling thread. Every thread instantiates the
 * same module on the same shared memory, so no matrix data is copied; per step the caller publishes a row
 * range in a shared control block, wakes the workers with Atomics.notify, does its own range and waits for
 * theirs with Atomics.wait (synchronous: the sweep stays a plain function). Rows are split so that every
 * thread updates the same area of the lower triangle. A worker that has not started within `startTimeoutMs`
 * is skipped and its rows are done by the caller, so a slow or refused thread start costs time, never a hang;
 * a worker whose kernel throws reports it and the caller throws.
 *
 * The worker source is a string evaluated by Node (no file to resolve, works under tsx and in a build).
 */
export interface ThreadedKernel {
  kernel: SweepKernel
  /** Stops the workers; call when the sweep is done. */
  close(): void
  /** Workers that took part in the last step. */
  active(): number
}

// Control block (Int32): [0] generation, [1] quit, then per worker w at 4 + 4w: started, done-generation, rowStart, rowEnd.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads')
const { module, memory, control, index, aPtr, uPtr, vPtr } = workerData
const update = new WebAssembly.Instance(module, { env: { memory } }).exports.update
const ctl = new Int32Array(control)
const base = 4 + 4 * index
Atomics.store(ctl, base, 1)
Atomics.notify(ctl, base)
let seen = 0
for (;;) {
  Atomics.wait(ctl, 0, seen)
  seen = Atomics.load(ctl, 0)
  if (Atomics.load(ctl, 1) === 1) break
  const np = ctl[2], nb = ctl[3], rowStart = ctl[base + 2], rowEnd = ctl[base + 3]
  let ok = true
  try {
    for (let i0 = rowStart; i0 < rowEnd; i0 += 192) {
      const i1 = Math.min(rowEnd, i0 + 192)
      for (let j0 = 0; j0 < i1; j0 += 192) update(aPtr, np * 8, uPtr, vPtr, nb * 32, i0, i1, j0, Math.min(i1, j0 + 192))
    }
  } catch {
    ok = false
  }
  Atomics.store(ctl, base + 1, ok ? seen : -1)
  Atomics.notify(ctl, base + 1)
}
`

/** Boundaries splitting rows [0, np) into `parts` ranges of equal lower-triangle area, multiples of 4. */
export function splitTriangle(np: number, parts: number): number[] {
  const out = [0]
  for (let p = 1; p < parts; p++) out.push(Math.min(np, Math.round((np * Math.sqrt(p / parts)) / 4) * 4))
  out.push(np)
  return out
}

export function threadedKernel(simd: SimdSweep, threads: number, startTimeoutMs = 10_000): ThreadedKernel | undefined {
  const nWorkers = Math.max(0, Math.floor(threads) - 1)
  if (nWorkers === 0) return undefined
  const control = new SharedArrayBuffer(4 * (4 + 4 * nWorkers))
  const ctl = new Int32Array(control)
  const { module, memory, aPtr, uPtr, vPtr } = simd.shared
  const workers: Worker[] = []
  try {
    for (let w = 0; w < nWorkers; w++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control, index: w, aPtr, uPtr, vPtr } })
      worker.unref()
      workers.push(worker)
    }
  } catch {
    for (const w of workers) void w.terminate()
    return undefined
  }
  const update = new (globalThis as unknown as { WebAssembly: { Instance: new (m: object, i: object) => { exports: Record<string, unknown> } } }).WebAssembly.Instance(module, {
    env: { memory },
  }).exports.update as (...args: number[]) => void
  const started = (w: number): boolean => {
    if (Atomics.load(ctl, 4 + 4 * w) === 1) return true
    Atomics.wait(ctl, 4 + 4 * w, 0, startTimeoutMs)
    return Atomics.load(ctl, 4 + 4 * w) === 1
  }
  let live: number[] | undefined
  let generation = 0
  const kernel: SweepKernel = (s, rowStart, rowEnd) => {
    live ??= workers.map((_, w) => w).filter(started)
    const cuts = splitTriangle(rowEnd - rowStart, live.length + 1).map((c) => c + rowStart)
    ctl[2] = s.np
    ctl[3] = s.nb
    // The caller takes the first range (the smallest rows, cheapest to reach), workers the rest.
    live.forEach((w, k) => {
      ctl[4 + 4 * w + 2] = cuts[k + 1]!
      ctl[4 + 4 * w + 3] = cuts[k + 2]!
    })
    generation++
    Atomics.store(ctl, 0, generation)
    Atomics.notify(ctl, 0)
    tiledUpdate(update, aPtr, uPtr, vPtr, s.np, s.nb, cuts[0]!, cuts[1]!)
    for (const w of live) {
      // Wait on the value just compared: re-reading it for the wait could miss the worker's only notify.
      for (;;) {
        const done = Atomics.load(ctl, 4 + 4 * w + 1)
        if (done === generation) break
        if (done === -1) throw new Error('sweep inverse: a worker thread failed')
        Atomics.wait(ctl, 4 + 4 * w + 1, done)
      }
    }
  }
  return {
    kernel,
    active: () => live?.length ?? 0,
    close() {
      Atomics.store(ctl, 1, 1)
      Atomics.add(ctl, 0, 1)
      Atomics.notify(ctl, 0)
      for (const w of workers) void w.terminate()
    },
  }
}
