import type { DenseMatrix } from './dense-matrix.ts'
import { packCentres } from './packed-centres.ts'

/**
 * A WebAssembly SIMD (f64x2) version of the Lloyd step in kmeans.ts, for large inputs. The points are
 * copied once into WebAssembly memory; each step then does the assignment (distances ‖c‖² − 2x·c with the
 * centres packed 8 per block, two per v128 lane pair) and the per-cluster sums there. Summation order and
 * operations match the JavaScript kernel exactly (no fused multiply-add), so labels and centres are
 * bit-identical. The module is assembled below from its opcodes (about 400 bytes); `createSimdLloyd`
 * returns undefined where WebAssembly SIMD is unavailable, and callers fall back to JavaScript.
 */
export interface SimdLloyd {
  /** One Lloyd step, same contract as lloydIteration. */
  step(centroids: Float64Array, labels: Int32Array, next: Float64Array, counts: Int32Array): number
}

// --- a minimal assembler: just the opcodes this one function needs ---
const uleb = (v: number): number[] => {
  const out: number[] = []
  do {
    let byte = v & 0x7f
    v >>>= 7
    if (v !== 0) byte |= 0x80
    out.push(byte)
  } while (v !== 0)
  return out
}
const sleb = (v: number): number[] => {
  const out: number[] = []
  for (;;) {
    const byte = v & 0x7f
    v >>= 7
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte)
      return out
    }
    out.push(byte | 0x80)
  }
}
const get = (l: number): number[] => [0x20, ...uleb(l)]
const set = (l: number): number[] => [0x21, ...uleb(l)]
const tee = (l: number): number[] => [0x22, ...uleb(l)]
const i32c = (v: number): number[] => [0x41, ...sleb(v)]
const ADD = 0x6a
const MUL = 0x6c
const SHL = 0x74
const GE_S = 0x4e
const F64_LT = 0x63
const F64_ADD = 0xa0
const f64Load = (off = 0): number[] => [0x2b, 3, ...uleb(off)]
const f64Store = [0x39, 3, 0]
const i32Load = [0x28, 2, 0]
const i32Store = [0x36, 2, 0]
const v128Load = (off: number): number[] => [0xfd, 0x00, 4, ...uleb(off)]
const load64Splat = [0xfd, 0x0a, 3, 0]
const LT_U = 0x49
const F64X2_ADD = [0xfd, ...uleb(0xf0)]
const V128_STORE = [0xfd, 0x0b, 4, 0]
const F64X2_MUL = [0xfd, ...uleb(0xf2)]
const f64c0 = [0x44, 0, 0, 0, 0, 0, 0, 0, 0]
const extractLane = (lane: number): number[] => [0xfd, 0x21, lane]
/** block { loop { if (counter >= limit) break; body; counter++; continue } } */
const forLoop = (counter: number, limit: number, body: number[]): number[] => [
  ...i32c(0), ...set(counter),
  0x02, 0x40, 0x03, 0x40,
  ...get(counter), ...get(limit), GE_S, 0x0d, 1,
  ...body,
  ...get(counter), ...i32c(1), ADD, ...set(counter),
  0x0c, 0, 0x0b, 0x0b,
]
/** loop { body; ptr += step; if (ptr < end) continue } — for loops known to run at least once. */
const doWhile = (ptr: number, step: number, end: number, body: number[]): number[] => [
  0x03, 0x40,
  ...body,
  ...get(ptr), ...i32c(step), ADD, ...tee(ptr), ...get(end), LT_U, 0x0d, 0,
  0x0b,
]

// Parameters 0–10 (i32): n, d, blocks, data, packed, offsets, labels, sums, counts, norms, result.
const [N, D, BLOCKS, DATA, PACKED, OFFSETS, LABELS, SUMS, COUNTS, NORMS, RESULT] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
// Locals: i32 i, b, base, q, bestC, tmp, xp, xend, j0, j1, far; f64 bestD, t, t2, inertia, farD;
// v128 v, a0..a3, idx0, idx2, m.
const [I, B, BASE, Q, BESTC, TMP, XP, XEND, J0, J1, FAR] = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]
const [BESTD, T, T2, INERTIA, FARD] = [22, 23, 24, 25, 26]
const [V, A0, IDX0, IDX2, M] = [27, 28, 32, 33, 34]

function assignBody(): number[] {
  const accs = [0, 1, 2, 3]
  // x·(−2c) for 8 centres: one splatted coordinate times four lane pairs per step, walking x and the block.
  const inner = [
    ...get(BASE), ...set(XP),
    ...doWhile(XP, 8, XEND, [
      ...get(XP), ...load64Splat, ...set(V),
      ...accs.flatMap((a) => [...get(A0 + a), ...get(V), ...get(Q), ...v128Load(16 * a), ...F64X2_MUL, ...F64X2_ADD, ...set(A0 + a)]),
      ...get(Q), ...i32c(64), ADD, ...set(Q),
    ]),
  ]
  // Argmin of the block's 8 distances as a tree over lane pairs (short dependency chain, no branches):
  // at every step the right operand wins only when strictly smaller and holds higher centre indices, so
  // ties go to the lowest index exactly as in the sequential JavaScript scan (for finite distances).
  const LT2 = [0xfd, 0x49]
  const BITSELECT = [0xfd, 0x52]
  const SELECT = 0x1b
  const i64pair = (a: number, b: number): number[] => [0xfd, 0x0c, a, 0, 0, 0, 0, 0, 0, 0, b, 0, 0, 0, 0, 0, 0, 0]
  const lane64 = (lane: number): number[] => [0xfd, 0x1d, lane, 0xa7]
  const pick = (left: number, right: number, il: number[], ir: number[], idxOut: number): number[] => [
    ...get(right), ...get(left), ...LT2, ...set(M),
    ...get(right), ...get(left), ...get(M), ...BITSELECT, ...set(left),
    ...ir, ...il, ...get(M), ...BITSELECT, ...set(idxOut),
  ]
  const argmin = [
    ...pick(A0, A0 + 1, i64pair(0, 1), i64pair(2, 3), IDX0),
    ...pick(A0 + 2, A0 + 3, i64pair(4, 5), i64pair(6, 7), IDX2),
    ...pick(A0, A0 + 2, get(IDX0), get(IDX2), IDX0),
    ...get(A0), ...extractLane(0), ...set(T), ...get(A0), ...extractLane(1), ...set(T2),
    ...get(IDX0), ...lane64(0), ...set(J0), ...get(IDX0), ...lane64(1), ...set(J1),
    // lane 1 wins if smaller, or equal with a lower centre index
    ...get(T2), ...get(T), F64_LT, ...get(T2), ...get(T), 0x61, ...get(J1), ...get(J0), 0x48, 0x71, 0x72, ...set(TMP),
    ...get(T2), ...get(T), ...get(TMP), SELECT, ...set(T),
    ...get(J1), ...get(J0), ...get(TMP), SELECT, ...set(J0),
    // against the best of earlier blocks (all lower indices): strictly smaller only
    ...get(T), ...get(BESTD), F64_LT, ...set(TMP),
    ...get(T), ...get(BESTD), ...get(TMP), SELECT, ...set(BESTD),
    ...get(B), ...i32c(3), SHL, ...get(J0), ADD, ...get(BESTC), ...get(TMP), SELECT, ...set(BESTC),
  ]
  const blockLoop = forLoop(B, BLOCKS, [
    ...get(B), ...i32c(6), SHL, ...get(OFFSETS), ADD, ...set(TMP),
    ...accs.flatMap((a) => [...get(TMP), ...v128Load(16 * a), ...set(A0 + a)]),
    ...get(B), ...get(D), MUL, ...i32c(6), SHL, ...get(PACKED), ADD, ...set(Q),
    ...inner,
    ...argmin,
  ])
  const accumulate = [
    ...get(LABELS), ...get(I), ...i32c(2), SHL, ADD, ...get(BESTC), ...i32Store,
    // sq = max(0, bestD + ‖x‖²); inertia += sq; the farthest point is kept for empty clusters.
    ...get(BESTD), ...get(NORMS), ...get(I), ...i32c(3), SHL, ADD, ...f64Load(), F64_ADD, ...f64c0, 0xa5, ...set(T),
    ...get(INERTIA), ...get(T), F64_ADD, ...set(INERTIA),
    ...get(T), ...get(FARD), 0x64, ...set(TMP),
    ...get(T), ...get(FARD), ...get(TMP), 0x1b, ...set(FARD),
    ...get(I), ...get(FAR), ...get(TMP), 0x1b, ...set(FAR),
    ...get(COUNTS), ...get(BESTC), ...i32c(2), SHL, ADD, ...tee(TMP), ...get(TMP), ...i32Load, ...i32c(1), ADD, ...i32Store,
    ...get(BESTC), ...get(D), MUL, ...i32c(3), SHL, ...get(SUMS), ADD, ...set(Q),
    // sums[bestC] += x, two coordinates per f64x2 step, then the odd one out.
    ...get(BASE), ...set(XP),
    ...get(BASE), ...get(D), ...i32c(-2), 0x71, ...i32c(3), SHL, ADD, ...set(J1),
    ...get(D), ...i32c(2), GE_S, 0x04, 0x40,
    ...doWhile(XP, 16, J1, [
      ...get(Q), ...get(Q), ...v128Load(0), ...get(XP), ...v128Load(0), ...F64X2_ADD, ...V128_STORE,
      ...get(Q), ...i32c(16), ADD, ...set(Q),
    ]),
    0x0b,
    ...get(D), ...i32c(1), 0x71, 0x04, 0x40,
    ...get(Q), ...get(Q), ...f64Load(), ...get(XP), ...f64Load(), F64_ADD, ...f64Store,
    0x0b,
  ]
  const infinity = [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f]
  const minusOne = [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0xbf]
  const start = [...f64c0, ...set(INERTIA), ...minusOne, ...set(FARD), ...i32c(-1), ...set(FAR)]
  const finish = [
    ...get(RESULT), ...get(INERTIA), ...f64Store,
    ...get(RESULT), ...get(FAR), 0x36, 2, 8,
  ]
  const outer = forLoop(I, N, [
    ...get(I), ...get(D), MUL, ...i32c(3), SHL, ...get(DATA), ADD, ...tee(BASE),
    ...get(D), ...i32c(3), SHL, ADD, ...set(XEND),
    ...infinity, ...set(BESTD),
    ...i32c(0), ...set(BESTC),
    ...blockLoop,
    ...accumulate,
  ])
  const locals = [3, 11, 0x7f, 5, 0x7c, 8, 0x7b]
  const body = [...locals, ...start, ...outer, ...finish, 0x0b]
  return [...uleb(body.length), ...body]
}

function moduleBytes(): Uint8Array {
  const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content]
  const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))]
  const type = section(1, [1, 0x60, 11, ...new Array<number>(11).fill(0x7f), 0])
  const imports = section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1])
  const funcs = section(3, [1, 0])
  const exports = section(7, [1, ...name('assign'), 0x00, 0])
  const code = section(10, [1, ...assignBody()])
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...imports, ...funcs, ...exports, ...code])
}

// The tsconfig has no DOM lib and @types/node 20 does not declare WebAssembly: type the little we use.
interface WasmApi {
  validate(bytes: Uint8Array): boolean
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> }
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer }
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly

let compiled: object | null | undefined

function wasmModule(): object | null {
  if (compiled !== undefined) return compiled
  try {
    const bytes = moduleBytes()
    compiled = wasm !== undefined && wasm.validate(bytes) ? new wasm.Module(bytes) : null
  } catch {
    compiled = null
  }
  return compiled
}

/** Copies x into WebAssembly memory and returns a SIMD Lloyd step for k centres, or undefined without SIMD. */
export function createSimdLloyd(x: DenseMatrix, k: number): SimdLloyd | undefined {
  const mod = wasmModule()
  if (mod === null || wasm === undefined) return undefined
  const { rows: n, cols: d } = x
  const blocks = Math.ceil(k / 8)
  // Layout (bytes, all 16-aligned): data | packed centres | offsets | sums | norms | labels | counts | result
  const align = (v: number): number => Math.ceil(v / 16) * 16
  const dataPtr = 0
  const packedPtr = align(dataPtr + n * d * 8)
  const offsetPtr = align(packedPtr + blocks * d * 64)
  const sumsPtr = align(offsetPtr + blocks * 64)
  const normsPtr = align(sumsPtr + blocks * 8 * d * 8)
  const labelsPtr = align(normsPtr + n * 8)
  const countsPtr = align(labelsPtr + n * 4)
  const resultPtr = align(countsPtr + blocks * 8 * 4)
  const total = resultPtr + 16
  if (total > 2 ** 31) return undefined
  const memory = new wasm.Memory({ initial: Math.ceil(total / 65536) })
  const instance = new wasm.Instance(mod, { env: { memory } })
  const assign = instance.exports.assign as (...args: number[]) => void
  const buf = memory.buffer
  new Float64Array(buf, dataPtr, n * d).set(x.data)
  const packed = new Float64Array(buf, packedPtr, blocks * d * 8)
  const offsets = new Float64Array(buf, offsetPtr, blocks * 8)
  const sums = new Float64Array(buf, sumsPtr, blocks * 8 * d)
  const norms = new Float64Array(buf, normsPtr, n)
  const result = new DataView(buf, resultPtr, 16)
  const wLabels = new Int32Array(buf, labelsPtr, n)
  const wCounts = new Int32Array(buf, countsPtr, blocks * 8)
  // ‖x‖² once: it is the same in every step.
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let j = 0; j < d; j++) s += (x.data[i * d + j] as number) ** 2
    norms[i] = s
  }
  return {
    step(centroids, labels, next, counts) {
      packCentres(centroids, k, d, packed, offsets)
      sums.fill(0)
      wCounts.fill(0)
      assign(n, d, blocks, dataPtr, packedPtr, offsetPtr, labelsPtr, sumsPtr, countsPtr, normsPtr, resultPtr)
      labels.set(wLabels)
      const inertia = result.getFloat64(0, true)
      const farthest = result.getInt32(8, true)
      for (let c = 0; c < k; c++) {
        const m = wCounts[c] as number
        counts[c] = m
        for (let j = 0; j < d; j++) {
          next[c * d + j] = m > 0 ? (sums[c * d + j] as number) / m : farthest >= 0 ? (x.data[farthest * d + j] as number) : 0
        }
      }
      return inertia
    },
  }
}
