import type { DenseMatrix } from '@rapport/ml'
import { numericColumn, type Table } from '../io/read-table.ts'

/** Numeric columns of a table as a row-major matrix; a non-number is an input error naming file, line, column. */
export function numericMatrix(table: Table, features: readonly string[]): DenseMatrix {
  const cols = features.map((f) => numericColumn(table, f))
  const n = table.rows.length
  const d = features.length
  const m: DenseMatrix = { rows: n, cols: d, data: new Float64Array(n * d) }
  for (let j = 0; j < d; j++) {
    const c = cols[j] as Float64Array
    for (let i = 0; i < n; i++) m.data[i * d + j] = c[i] as number
  }
  return m
}
