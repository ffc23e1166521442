/**
 * Lays out k centres of dimension d for the blocked distance kernels (kmeans.ts in JS, lloyd-simd.ts in WASM):
 * blocks of 8 centres stored [block][feature][8] and pre-scaled by −2, plus ‖c‖² per centre, so that
 * ‖x − c‖² − ‖x‖² = offset[c] + x·packed[c]. Padding slots keep offset +∞ so they never win. Writes into the
 * caller's buffers (packed: ceil(k/8)·d·8, offsets: ceil(k/8)·8), which may live in WASM memory.
 */
export function packCentres(centroids: Float64Array, k: number, d: number, packed: Float64Array, offsets: Float64Array): void {
  packed.fill(0)
  offsets.fill(Infinity)
  for (let c = 0; c < k; c++) {
    let s = 0
    for (let j = 0; j < d; j++) {
      const v = centroids[c * d + j] as number
      s += v * v
      packed[((c >> 3) * d + j) * 8 + (c & 7)] = -2 * v
    }
    offsets[c] = s
  }
}
