/**
 * The rank-nb update at the heart of the block sweep (sweep-inverse.ts), as a WebAssembly SIMD (f64x2)
 * micro-kernel: for every 4×4 block of the lower triangle in rows [i0, i1) and columns [j0, j1),
 * A[i..i+3][j..j+3] −= Σ_t U[i..i+3][t] · V[j..j+3][t]. U and V arrive packed in strips of four rows
 * ([row/4][t][row%4]), so each step loads two V pairs and splats four U values: 16 multiply-adds per six
 * loads, with the 4×4 accumulator held in eight v128 registers. No fused multiply-add (not in baseline
 * WebAssembly), so results match a plain multiply-then-add loop in any order-preserving implementation.
 * The module imports a shared memory so that worker threads can run the same kernel on other rows.
 */

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
const i32c = (v: number): number[] => [0x41, ...sleb(v)]
const ADD = 0x6a
const MUL = 0x6c
const GE_S = 0x4e
const LT_S = 0x48
const LT_U = 0x49
const SELECT = 0x1b
const v128Load = (off: number): number[] => [0xfd, 0x00, 4, ...uleb(off)]
const v128Store = (off: number): number[] => [0xfd, 0x0b, 4, ...uleb(off)]
const splat64 = (off: number): number[] => [0xfd, 0x0a, 3, ...uleb(off)]
const V128_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)]
const F64X2_ADD = [0xfd, ...uleb(0xf0)]
const F64X2_SUB = [0xfd, ...uleb(0xf1)]
const F64X2_MUL = [0xfd, ...uleb(0xf2)]

// Parameters (i32): aPtr, rowBytes (n·8), uPtr, vPtr, stripBytes (nb·32), i0, i1, j0, j1.
const [APTR, ROWB, UPTR, VPTR, STRIPB, I0, I1, J0, J1] = [0, 1, 2, 3, 4, 5, 6, 7, 8]
// Locals: i32 i, j, jEnd, pu, pv, pvEnd, pa; v128 acc0..acc7, va, vb, s.
const [I, J, JEND, PU, PV, PVEND, PA] = [9, 10, 11, 12, 13, 14, 15]
const ACC = 16
const [VA, VB, S] = [24, 25, 26]

function updateBody(): number[] {
  const accs = [0, 1, 2, 3, 4, 5, 6, 7]
  const stepT = [
    0x03, 0x40,
    ...get(PV), ...v128Load(0), ...set(VA),
    ...get(PV), ...v128Load(16), ...set(VB),
    ...[0, 1, 2, 3].flatMap((r) => [
      ...get(PU), ...splat64(8 * r), ...set(S),
      ...get(ACC + 2 * r), ...get(S), ...get(VA), ...F64X2_MUL, ...F64X2_ADD, ...set(ACC + 2 * r),
      ...get(ACC + 2 * r + 1), ...get(S), ...get(VB), ...F64X2_MUL, ...F64X2_ADD, ...set(ACC + 2 * r + 1),
    ]),
    ...get(PU), ...i32c(32), ADD, ...set(PU),
    ...get(PV), ...i32c(32), ADD, ...set(PV),
    ...get(PV), ...get(PVEND), LT_U, 0x0d, 0,
    0x0b,
  ]
  // pa = aPtr + i·rowBytes + j·8, then one row of the block per rowBytes.
  const writeBack = [
    ...get(APTR), ...get(I), ...get(ROWB), MUL, ADD, ...get(J), ...i32c(8), MUL, ADD, ...set(PA),
    ...[0, 1, 2, 3].flatMap((r) => [
      ...get(PA), ...get(PA), ...v128Load(0), ...get(ACC + 2 * r), ...F64X2_SUB, ...v128Store(0),
      ...get(PA), ...get(PA), ...v128Load(16), ...get(ACC + 2 * r + 1), ...F64X2_SUB, ...v128Store(16),
      ...get(PA), ...get(ROWB), ADD, ...set(PA),
    ]),
  ]
  const jLoop = [
    ...get(J0), ...set(J),
    0x02, 0x40, 0x03, 0x40,
    ...get(J), ...get(JEND), GE_S, 0x0d, 1,
    ...accs.flatMap((a) => [...V128_ZERO, ...set(ACC + a)]),
    // strips of 4 rows: strip s starts at s·stripBytes, i.e. at (i/4)·nb·32 = i·nb·8
    ...get(UPTR), ...get(I), ...get(STRIPB), MUL, ...i32c(2), 0x76, ADD, ...set(PU),
    ...get(VPTR), ...get(J), ...get(STRIPB), MUL, ...i32c(2), 0x76, ADD, ...set(PV),
    ...get(PV), ...get(STRIPB), ADD, ...set(PVEND),
    ...stepT,
    ...writeBack,
    ...get(J), ...i32c(4), ADD, ...set(J),
    0x0c, 0, 0x0b, 0x0b,
  ]
  const iLoop = [
    ...get(I0), ...set(I),
    0x02, 0x40, 0x03, 0x40,
    ...get(I), ...get(I1), GE_S, 0x0d, 1,
    // jEnd = min(j1, i + 4)
    ...get(I), ...i32c(4), ADD, ...get(J1), ...get(I), ...i32c(4), ADD, ...get(J1), LT_S, SELECT, ...set(JEND),
    ...jLoop,
    ...get(I), ...i32c(4), ADD, ...set(I),
    0x0c, 0, 0x0b, 0x0b,
  ]
  const locals = [2, 7, 0x7f, 11, 0x7b]
  const body = [...locals, ...iLoop, 0x0b]
  return [...uleb(body.length), ...body]
}

/** The module's bytes: one exported function `update`, memory imported as env.memory (shared, max pages). */
export function sweepKernelBytes(maxPages: number): Uint8Array {
  const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content]
  const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))]
  const type = section(1, [1, 0x60, 9, ...new Array<number>(9).fill(0x7f), 0])
  const imports = section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x03, 1, ...uleb(maxPages)])
  const funcs = section(3, [1, 0])
  const exports = section(7, [1, ...name('update'), 0x00, 0])
  const code = section(10, [1, ...updateBody()])
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...imports, ...funcs, ...exports, ...code])
}
