/**
 * C += α·A·Bᵀ for row-major A (m × k at offset aOff), B (n × k at bOff), C (m × n at cOff): every entry is a
 * dot product of two contiguous rows, computed in 4×4 register blocks (16 multiply-adds per 8 loads), the
 * rest one entry at a time. The dense kernel behind Mult-VAE's batched decoder. O(m·n·k).
 */
export function gemmAbt(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  c: Float64Array,
  cOff: number,
): void {
  let i = 0
  for (; i + 3 < m; i += 4) {
    const a0 = aOff + i * k
    const a1 = a0 + k
    const a2 = a1 + k
    const a3 = a2 + k
    let j = 0
    for (; j + 3 < n; j += 4) {
      const b0 = bOff + j * k
      const b1 = b0 + k
      const b2 = b1 + k
      const b3 = b2 + k
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0
      for (let t = 0; t < k; t++) {
        const x0 = a[a0 + t]!, x1 = a[a1 + t]!, x2 = a[a2 + t]!, x3 = a[a3 + t]!
        const y0 = b[b0 + t]!, y1 = b[b1 + t]!, y2 = b[b2 + t]!, y3 = b[b3 + t]!
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3
      }
      const r0 = cOff + i * n + j
      const r1 = r0 + n
      const r2 = r1 + n
      const r3 = r2 + n
      c[r0]! += alpha * c00; c[r0 + 1]! += alpha * c01; c[r0 + 2]! += alpha * c02; c[r0 + 3]! += alpha * c03
      c[r1]! += alpha * c10; c[r1 + 1]! += alpha * c11; c[r1 + 2]! += alpha * c12; c[r1 + 3]! += alpha * c13
      c[r2]! += alpha * c20; c[r2 + 1]! += alpha * c21; c[r2 + 2]! += alpha * c22; c[r2 + 3]! += alpha * c23
      c[r3]! += alpha * c30; c[r3 + 1]! += alpha * c31; c[r3 + 2]! += alpha * c32; c[r3 + 3]! += alpha * c33
    }
    for (; j < n; j++) for (let r = 0; r < 4; r++) c[cOff + (i + r) * n + j]! += alpha * dot(a, aOff + (i + r) * k, b, bOff + j * k, k)
  }
  for (; i < m; i++) for (let j = 0; j < n; j++) c[cOff + i * n + j]! += alpha * dot(a, aOff + i * k, b, bOff + j * k, k)
}

function dot(a: Float64Array, ia: number, b: Float64Array, ib: number, k: number): number {
  let s = 0
  for (let t = 0; t < k; t++) s += a[ia + t]! * b[ib + t]!
  return s
}
