/**
 * What every recurrent cell shares with the network around it (recurrent-net.ts): the shape and parameter
 * layout, the offsets of a direction's cell block, and the cell interface.
 */
export type CellKind = 'gru' | 'lstm'

export interface RecurrentShape {
  vocab: number
  emb: number
  hidden: number
  classes: number
  cell: CellKind
  bidirectional: boolean
}

export interface RecurrentLayout extends RecurrentShape {
  /** Gate blocks of the cell (3 GRU, 4 LSTM). */
  gates: number
  /** Offset of E (0). */
  e: number
  /** Offset of each direction's cell block (W, then U, then b). */
  dirs: number[]
  wo: number
  bo: number
  size: number
}

/** Offsets of W, U and b inside one direction's cell block at `base`. */
export function cellOffsets(l: RecurrentLayout, base: number): { w: number; u: number; b: number } {
  const GH = l.gates * l.hidden
  return { w: base, u: base + GH * l.emb, b: base + GH * (l.emb + l.hidden) }
}

/** Hidden states of one direction over one sequence: h is (T + 1) × hidden, row 0 the zero initial state. */
export interface CellTrace {
  h: Float64Array
}

/**
 * One recurrent cell over a whole sequence. `backward` receives `dStep`, the gradient every hidden state
 * h_1..h_T gets from the pooling (the same vector at each step for mean pooling), and adds the gradient of
 * the cell's W, U, b and of the embeddings it read into `grad`.
 */
export interface RecurrentCell<Tr extends CellTrace = CellTrace> {
  /** Sets cell-specific initial values after the random draw (e.g. the LSTM forget-gate bias). */
  init?(p: Float64Array, l: RecurrentLayout, base: number): void
  forward(p: Float64Array, l: RecurrentLayout, base: number, tokens: Int32Array): Tr
  backward(p: Float64Array, l: RecurrentLayout, base: number, tokens: Int32Array, trace: Tr, dStep: Float64Array, grad: Float64Array): void
}

export const CELL_GATES: Record<CellKind, number> = { gru: 3, lstm: 4 }

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v))

/**
 * Pre-activation of one gate row: b[row] + W[row] · E[token] + U[row] · v, where `x` is the offset of the
 * token's embedding in p and v[vo .. vo + hidden) the recurrent input (h, or r ⊙ h for the GRU candidate).
 */
export function preActivation(p: Float64Array, l: RecurrentLayout, o: { w: number; u: number; b: number }, row: number, x: number, v: Float64Array, vo: number): number {
  const { emb, hidden: H } = l
  let a = p[o.b + row]!
  const wr = o.w + row * emb
  for (let j = 0; j < emb; j++) a += p[wr + j]! * p[x + j]!
  const ur = o.u + row * H
  for (let j = 0; j < H; j++) a += p[ur + j]! * v[vo + j]!
  return a
}

/**
 * Backward of preActivation for a pre-activation gradient g: adds to the gradient of b[row], W[row], the
 * embedding row at x and U[row], and adds U[row]ᵀ g into dv (the gradient of the recurrent input).
 */
export function backPreActivation(
  p: Float64Array,
  grad: Float64Array,
  l: RecurrentLayout,
  o: { w: number; u: number; b: number },
  row: number,
  g: number,
  x: number,
  v: Float64Array,
  vo: number,
  dv: Float64Array,
): void {
  if (g === 0) return
  const { emb, hidden: H } = l
  grad[o.b + row]! += g
  const wr = o.w + row * emb
  for (let j = 0; j < emb; j++) {
    grad[wr + j]! += g * p[x + j]!
    grad[x + j]! += g * p[wr + j]!
  }
  const ur = o.u + row * H
  for (let j = 0; j < H; j++) {
    grad[ur + j]! += g * v[vo + j]!
    dv[j]! += g * p[ur + j]!
  }
}
