import { spdInverse } from './spd-inverse.ts'

/**
 * Inverse of a symmetric positive-definite matrix by the block sweep operator (Goodnight 1979): sweeping
 * pivot block K replaces A_KK by −D (D = A_KK⁻¹), A_iK by A_iK·D and every other entry by A_ij − A_iK·D·A_Kj;
 * once every block has been swept the matrix holds −A⁻¹. For SPD input each pivot block is the Schur
 * complement of the blocks already swept, so it stays positive definite and needs no pivoting (a non-SPD
 * pivot block throws). Only the lower triangle is updated; the result is mirrored at the end.
 *
 * Cost: n³/2 multiply-adds, the same as Cholesky + triangular inverse + LᵀL, but every one of them inside a
 * single rank-nb update per block, computed as cache tiles of 4×4 register blocks (a GEMM micro-kernel):
 * 16 multiply-adds per 8 loads, operands resident in L2. The update is a `SweepKernel`, so the WebAssembly
 * SIMD kernel and worker threads (ease-gram-inverse.ts) plug in without changing the algorithm.
 *
 * The working matrix is padded to a multiple of the block size with an identity block, whose inverse is
 * itself, so every loop runs over whole 4×4 blocks.
 */
export interface SweepState {
  /** Working matrix, np × np row-major (np = n rounded up to a multiple of nb); fill a[i·np + j] for i, j < n. */
  a: Float64Array
  n: number
  np: number
  nb: number
  /** Panels of the current pivot block in strips of four rows: index (i − i%4)·nb + 4t + i%4. */
  u: Float64Array
  v: Float64Array
  /** D = A_KK⁻¹ of the step in progress (nb × nb). */
  pivotInverse?: Float64Array
}

/** A[i][j] −= U_i·V_j for the lower-triangle 4×4 blocks with rowStart ≤ i < rowEnd (multiples of 4). */
export type SweepKernel = (s: SweepState, rowStart: number, rowEnd: number) => void

export const paddedSize = (n: number, nb: number): number => Math.ceil(n / nb) * nb

/** A sweep over caller-provided storage (a: np², u and v: np·nb each); zeroes the padding. */
export function createSweep(n: number, nb: number, a: Float64Array, u: Float64Array, v: Float64Array): SweepState {
  if (nb % 4 !== 0 || nb <= 0) throw new Error('sweepInverse: block size must be a positive multiple of 4')
  const np = paddedSize(n, nb)
  if (a.length < np * np || u.length < np * nb || v.length < np * nb) throw new Error('sweepInverse: buffers too small')
  return { a, n, np, nb, u, v }
}

/** Runs the whole sweep on a filled state and returns A⁻¹ as an n × n row-major array (a view when possible). */
export function runSweep(s: SweepState, kernel: SweepKernel): Float64Array {
  const { a, n, np, nb } = s
  for (let i = 0; i < np; i++) {
    if (i >= n) a.fill(0, i * np, (i + 1) * np)
    else a.fill(0, i * np + n, (i + 1) * np)
    if (i >= n) a[i * np + i] = 1
  }
  for (let k0 = 0; k0 < np; k0 += nb) {
    prepareStep(s, k0)
    kernel(s, 0, np)
    finishStep(s, k0)
  }
  return finishSweep(s)
}

/** Inverse of an SPD n×n row-major matrix with the JavaScript kernel (a new array; `a` is not changed). */
export function sweepInverse(a: Float64Array, n: number, nb = 48): Float64Array {
  if (a.length !== n * n) throw new Error('sweepInverse: size mismatch')
  const np = paddedSize(n, nb)
  const s = createSweep(n, nb, new Float64Array(np * np), new Float64Array(np * nb), new Float64Array(np * nb))
  for (let i = 0; i < n; i++) s.a.set(a.subarray(i * n, (i + 1) * n), i * np)
  return runSweep(s, jsKernel).slice()
}

const strip = (i: number, t: number, nb: number): number => (i - (i & 3)) * nb + 4 * t + (i & 3)

/** Gathers V = A_{:,K}, inverts the pivot block and forms U = V·D. O(np·nb²). */
function prepareStep(s: SweepState, k0: number): void {
  const { a, np, nb, u, v } = s
  for (let i = 0; i < np; i++) {
    // Lower storage: A[i][k0+t] when i ≥ k0+t, else A[k0+t][i].
    for (let t = 0; t < nb; t++) v[strip(i, t, nb)] = i >= k0 + t ? a[i * np + k0 + t]! : a[(k0 + t) * np + i]!
  }
  const pivot = new Float64Array(nb * nb)
  for (let r = 0; r < nb; r++) for (let c = 0; c < nb; c++) pivot[r * nb + c] = v[strip(k0 + r, c, nb)]!
  let d: Float64Array
  try {
    d = spdInverse(pivot, nb)
  } catch {
    throw new Error(`spdInverse: matrix is not positive definite (pivot block at ${k0})`)
  }
  const row = new Float64Array(nb)
  for (let i = 0; i < np; i++) {
    for (let t = 0; t < nb; t++) row[t] = v[strip(i, t, nb)]!
    for (let c = 0; c < nb; c++) {
      let acc = 0
      for (let t = 0; t < nb; t++) acc += row[t]! * d[t * nb + c]!
      u[strip(i, c, nb)] = acc
    }
  }
  s.pivotInverse = d
}

/** Writes the swept block's row and column: A_iK = U_i (i ∉ K), A_KK = −D. */
function finishStep(s: SweepState, k0: number): void {
  const { a, np, nb, u } = s
  const d = s.pivotInverse
  if (d === undefined) throw new Error('sweepInverse: finishStep before prepareStep')
  for (let i = 0; i < np; i++) {
    if (i >= k0 && i < k0 + nb) continue
    for (let t = 0; t < nb; t++) {
      if (i > k0 + t) a[i * np + k0 + t] = u[strip(i, t, nb)]!
      else a[(k0 + t) * np + i] = u[strip(i, t, nb)]!
    }
  }
  for (let r = 0; r < nb; r++) for (let c = 0; c <= r; c++) a[(k0 + r) * np + k0 + c] = -d[r * nb + c]!
}

/** Negates and mirrors the lower triangle, then compacts rows from stride np to n in place. */
function finishSweep(s: SweepState): Float64Array {
  const { a, n, np } = s
  for (let i = 0; i < n; i++) {
    const ri = i * np
    for (let j = 0; j <= i; j++) {
      const x = -a[ri + j]!
      a[ri + j] = x
      a[j * np + i] = x
    }
  }
  if (np !== n) for (let i = 1; i < n; i++) a.copyWithin(i * n, i * np, i * np + n)
  return a.subarray(0, n * n)
}

const TILE = 192

/** The JavaScript kernel: cache tiles of TILE rows × TILE columns, 4×4 register blocks inside. */
export const jsKernel: SweepKernel = (s, rowStart, rowEnd) => {
  for (let i0 = rowStart; i0 < rowEnd; i0 += TILE) {
    const i1 = Math.min(rowEnd, i0 + TILE)
    for (let j0 = 0; j0 < i1; j0 += TILE) block4x4s(s, i0, i1, j0, Math.min(i1, j0 + TILE))
  }
}

function block4x4s(s: SweepState, i0: number, i1: number, j0: number, j1: number): void {
  const { a, np, nb, u, v } = s
  for (let i = i0; i < i1; i += 4) {
    const jEnd = Math.min(j1, i + 4) // a diagonal block also writes its upper half, which is never read
    for (let j = j0; j < jEnd; j += 4) {
      const pu = i * nb
      const pv = j * nb
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0
      for (let t = 0; t < 4 * nb; t += 4) {
        const x0 = u[pu + t]!, x1 = u[pu + t + 1]!, x2 = u[pu + t + 2]!, x3 = u[pu + t + 3]!
        const y0 = v[pv + t]!, y1 = v[pv + t + 1]!, y2 = v[pv + t + 2]!, y3 = v[pv + t + 3]!
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3
      }
      const r0 = i * np + j
      const r1 = r0 + np
      const r2 = r1 + np
      const r3 = r2 + np
      a[r0]! -= c00; a[r0 + 1]! -= c01; a[r0 + 2]! -= c02; a[r0 + 3]! -= c03
      a[r1]! -= c10; a[r1 + 1]! -= c11; a[r1 + 2]! -= c12; a[r1 + 3]! -= c13
      a[r2]! -= c20; a[r2 + 1]! -= c21; a[r2 + 2]! -= c22; a[r2 + 3]! -= c23
      a[r3]! -= c30; a[r3 + 1]! -= c31; a[r3 + 2]! -= c32; a[r3 + 3]! -= c33
    }
  }
}
