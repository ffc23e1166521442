/**
 * Compressed sparse row matrix over typed arrays: row r's entries are indices/data[indptr[r] .. indptr[r+1]),
 * column indices sorted ascending within a row. Memory is O(rows + nnz). Shared by recommenders (user×item)
 * and text models (document×term).
 */
export interface Csr {
  rows: number
  cols: number
  indptr: Int32Array
  indices: Int32Array
  data: Float64Array
}

/**
 * Builds a CSR matrix from coordinate triplets in O(nnz + rows) (counting sort by row, then a per-row sort by
 * column). Duplicate (row, col) pairs are summed, or the last one kept when `duplicates` is 'last'.
 */
export function csrFromTriplets(
  rows: number,
  cols: number,
  rowIdx: ArrayLike<number>,
  colIdx: ArrayLike<number>,
  values: ArrayLike<number>,
  duplicates: 'sum' | 'last' = 'sum',
): Csr {
  const n = rowIdx.length
  if (colIdx.length !== n || values.length !== n) throw new Error('csrFromTriplets: arrays differ in length')
  const counts = new Int32Array(rows + 1)
  for (let i = 0; i < n; i++) {
    const r = rowIdx[i] as number
    const c = colIdx[i] as number
    if (r < 0 || r >= rows || c < 0 || c >= cols) throw new Error(`csrFromTriplets: entry ${i} (${r}, ${c}) out of range`)
    counts[r + 1]!++
  }
  for (let r = 0; r < rows; r++) counts[r + 1]! += counts[r]!
  const order = new Int32Array(n)
  const fill = counts.slice(0, rows)
  for (let i = 0; i < n; i++) order[fill[rowIdx[i] as number]!++] = i
  const indptr = new Int32Array(rows + 1)
  const indices = new Int32Array(n)
  const data = new Float64Array(n)
  let nnz = 0
  for (let r = 0; r < rows; r++) {
    const start = counts[r]!
    const end = counts[r + 1]!
    const seg = order.subarray(start, end)
    // Stable sort by column keeps file order among duplicates, so 'last' means last in the input.
    const sorted = Array.from(seg).sort((a, b) => (colIdx[a] as number) - (colIdx[b] as number) || a - b)
    indptr[r] = nnz
    for (const i of sorted) {
      const c = colIdx[i] as number
      if (nnz > indptr[r]! && indices[nnz - 1] === c) {
        data[nnz - 1] = duplicates === 'sum' ? data[nnz - 1]! + (values[i] as number) : (values[i] as number)
      } else {
        indices[nnz] = c
        data[nnz] = values[i] as number
        nnz++
      }
    }
  }
  indptr[rows] = nnz
  return { rows, cols, indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) }
}

/** Transpose in O(nnz + cols); the result is CSR of the transpose (equivalently CSC of the input). */
export function csrTranspose(m: Csr): Csr {
  const nnz = m.indptr[m.rows]!
  const indptr = new Int32Array(m.cols + 1)
  for (let k = 0; k < nnz; k++) indptr[m.indices[k]! + 1]!++
  for (let c = 0; c < m.cols; c++) indptr[c + 1]! += indptr[c]!
  const fill = indptr.slice(0, m.cols)
  const indices = new Int32Array(nnz)
  const data = new Float64Array(nnz)
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.indptr[r]!; k < m.indptr[r + 1]!; k++) {
      const p = fill[m.indices[k]!]!++
      indices[p] = r
      data[p] = m.data[k]!
    }
  }
  return { rows: m.cols, cols: m.rows, indptr, indices, data }
}

/** Value at (r, c), 0 when absent; binary search within the row. */
export function csrGet(m: Csr, r: number, c: number): number {
  let lo = m.indptr[r]!
  let hi = m.indptr[r + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = m.indices[mid]!
    if (v === c) return m.data[mid]!
    if (v < c) lo = mid + 1
    else hi = mid - 1
  }
  return 0
}
