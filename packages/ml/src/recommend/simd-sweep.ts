import { sweepKernelBytes } from './sweep-kernel-wasm.ts'
import { createSweep, paddedSize, type SweepKernel, type SweepState } from './sweep-inverse.ts'

// The tsconfig has no DOM lib and @types/node 20 does not declare WebAssembly: type the little we use.
interface WasmMemory {
  buffer: ArrayBuffer
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> }
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly

const PAGE = 65536
const MAX_PAGES = 65535 // 4 GiB − 64 KiB: the most a 32-bit WebAssembly memory can address

/** A sweep whose storage is one shared WebAssembly memory, and the SIMD kernel that updates it. */
export interface SimdSweep {
  state: SweepState
  kernel: SweepKernel
  /** What worker threads need to run the same kernel on the same memory. */
  shared: { module: object; memory: WasmMemory; aPtr: number; uPtr: number; vPtr: number }
}

let compiled: Map<number, object | null> | undefined

function kernelModule(pages: number): object | null {
  compiled ??= new Map()
  const hit = compiled.get(pages)
  if (hit !== undefined) return hit
  let mod: object | null = null
  try {
    const bytes = sweepKernelBytes(pages)
    mod = wasm !== undefined && wasm.validate(bytes) ? new wasm.Module(bytes) : null
  } catch {
    mod = null
  }
  compiled.set(pages, mod)
  return mod
}

/**
 * Allocates the sweep for an n×n matrix in WebAssembly memory; undefined when WebAssembly SIMD or shared
 * memory is unavailable, or the padded matrix does not fit in 4 GiB (n above about 23,000).
 */
export function createSimdSweep(n: number, nb = 48): SimdSweep | undefined {
  if (wasm === undefined || typeof SharedArrayBuffer === 'undefined') return undefined
  const np = paddedSize(n, nb)
  const aBytes = np * np * 8
  const panelBytes = np * nb * 8
  const total = aBytes + 2 * panelBytes
  const pages = Math.ceil(total / PAGE)
  if (pages > MAX_PAGES) return undefined
  const mod = kernelModule(pages)
  if (mod === null) return undefined
  let memory: WasmMemory
  try {
    memory = new wasm.Memory({ initial: pages, maximum: pages, shared: true })
  } catch {
    return undefined // not enough memory for the matrix: the caller falls back
  }
  const instance = new wasm.Instance(mod, { env: { memory } })
  const update = instance.exports.update as (...args: number[]) => void
  const aPtr = 0
  const uPtr = aBytes
  const vPtr = aBytes + panelBytes
  const buf = memory.buffer
  const state = createSweep(n, nb, new Float64Array(buf, aPtr, np * np), new Float64Array(buf, uPtr, np * nb), new Float64Array(buf, vPtr, np * nb))
  const kernel: SweepKernel = (s, rowStart, rowEnd) => tiledUpdate(update, aPtr, uPtr, vPtr, s.np, s.nb, rowStart, rowEnd)
  return { state, kernel, shared: { module: mod, memory, aPtr, uPtr, vPtr } }
}

const TILE = 192

/** Cache tiles of the lower triangle, each handed to the kernel (the worker source repeats this loop). */
export function tiledUpdate(
  update: (...args: number[]) => void,
  aPtr: number,
  uPtr: number,
  vPtr: number,
  np: number,
  nb: number,
  rowStart: number,
  rowEnd: number,
): void {
  for (let i0 = rowStart; i0 < rowEnd; i0 += TILE) {
    const i1 = Math.min(rowEnd, i0 + TILE)
    for (let j0 = 0; j0 < i1; j0 += TILE) update(aPtr, np * 8, uPtr, vPtr, nb * 32, i0, i1, j0, Math.min(i1, j0 + TILE))
  }
}
