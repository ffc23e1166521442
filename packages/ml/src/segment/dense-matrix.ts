/** A dense row-major matrix: entry (i, j) is data[i * cols + j]. The clustering code's only input shape. */
export interface DenseMatrix {
  rows: number
  cols: number
  data: Float64Array
}

/** Builds a DenseMatrix from rows of numbers (all rows must have the same length). */
export function denseFromRows(rows: ArrayLike<ArrayLike<number>>): DenseMatrix {
  const n = rows.length
  const d = n === 0 ? 0 : (rows[0] as ArrayLike<number>).length
  const data = new Float64Array(n * d)
  for (let i = 0; i < n; i++) {
    const r = rows[i] as ArrayLike<number>
    if (r.length !== d) throw new RangeError(`row ${i} has ${r.length} values, expected ${d}`)
    for (let j = 0; j < d; j++) data[i * d + j] = r[j] as number
  }
  return { rows: n, cols: d, data }
}
