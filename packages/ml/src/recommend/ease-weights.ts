import type { Csr } from '../sparse/csr.ts'
import { createSimdSweep } from './simd-sweep.ts'
import { createSweep, jsKernel, paddedSize, runSweep, type SweepKernel, type SweepState } from './sweep-inverse.ts'
import { threadedKernel } from './sweep-threads.ts'

export interface EaseWeightOptions {
  lambda: number
  /**
   * Dropout probability p of EDLAE (Steck 2020, "Autoencoders that don't overfit towards the identity"):
   * the diagonal penalty becomes λ + p/(1−p)·G_ii, which penalises popular items' self-reconstruction more.
   * 0 (default) is plain EASE.
   */
  dropout?: number
  /** Threads for the inverse (the caller's plus workers; default 2 from 1,024 items, else 1). */
  threads?: number
  /** Block size of the sweep, a multiple of 4 (default 32, fastest on the machines measured). */
  blockSize?: number
}

/**
 * EASE's item–item weights B = I − P·diagMat(1/diag(P)), P = (XᵀX + Λ)⁻¹, with B_ii = 0, for a binary
 * user×item CSR X. The Gram matrix goes straight into the working matrix of the sweep inverse (only its
 * lower triangle, Σ_u |N(u)|²/2 increments); the inverse runs on the WebAssembly SIMD kernel over shared
 * memory with worker threads where available, otherwise on the JavaScript kernel (same arithmetic, same
 * result bits). Returns n×n row-major weights; memory n² doubles plus the two nb-wide panels.
 */
export function easeWeights(x: Csr, opts: EaseWeightOptions): Float64Array {
  const n = x.cols
  const nb = opts.blockSize ?? 32
  const threads = opts.threads ?? (n >= 1024 ? 2 : 1)
  const simd = n >= 64 ? createSimdSweep(n, nb) : undefined
  let state: SweepState
  let kernel: SweepKernel = jsKernel
  let close = (): void => {}
  if (simd !== undefined) {
    state = simd.state
    kernel = simd.kernel
    const threaded = threads > 1 ? threadedKernel(simd, threads) : undefined
    if (threaded !== undefined) {
      kernel = threaded.kernel
      close = threaded.close
    }
  } else {
    const np = paddedSize(n, nb)
    state = createSweep(n, nb, new Float64Array(np * np), new Float64Array(np * nb), new Float64Array(np * nb))
  }
  try {
    gramLowerInto(x, state.a, state.np)
    const p = opts.dropout ?? 0
    if (!(p >= 0 && p < 1)) throw new Error(`EASE dropout must be in [0, 1), got ${p}`)
    for (let i = 0; i < n; i++) {
      const k = i * state.np + i
      state.a[k] = state.a[k]! * (1 + p / (1 - p)) + opts.lambda
    }
    const inv = runSweep(state, kernel)
    toEaseWeights(inv, n)
    return inv
  } finally {
    close()
  }
}

/** Lower triangle of XᵀX (binary X, sorted column indices per row) into a (stride np), other entries zeroed. */
function gramLowerInto(x: Csr, a: Float64Array, np: number): void {
  a.fill(0)
  for (let u = 0; u < x.rows; u++) {
    const s = x.indptr[u]!
    const e = x.indptr[u + 1]!
    for (let p = s; p < e; p++) {
      const r = x.indices[p]! * np
      for (let q = s; q <= p; q++) a[r + x.indices[q]!]! += 1
    }
  }
}

/** B[i][j] = −P[i][j] / P[j][j] off the diagonal, 0 on it, in place. */
function toEaseWeights(p: Float64Array, n: number): void {
  const diag = new Float64Array(n)
  for (let j = 0; j < n; j++) diag[j] = p[j * n + j]!
  for (let i = 0; i < n; i++) {
    const ri = i * n
    for (let j = 0; j < n; j++) p[ri + j] = i === j ? 0 : -p[ri + j]! / diag[j]!
  }
}
