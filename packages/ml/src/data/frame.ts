/**
 * A column-typed table over typed arrays: numbers (NaN = missing) and categorical codes (-1 = missing) into a
 * level list. Booleans are stored as 0/1 numbers and dates as days since 1970-01-01, so every model sees numbers.
 */
export type ColumnKind = 'numeric' | 'boolean' | 'date' | 'categorical'

export interface NumericColumn {
  name: string
  kind: 'numeric' | 'boolean' | 'date'
  values: Float64Array
}

export interface CategoricalColumn {
  name: string
  kind: 'categorical'
  codes: Int32Array
  levels: string[]
}

export type Column = NumericColumn | CategoricalColumn

export interface Frame {
  nRows: number
  columns: Column[]
}

/** The column called `name`, or an error listing the real names. */
export function frameColumn(frame: Frame, name: string): Column {
  const c = frame.columns.find((col) => col.name === name)
  if (!c) throw new Error(`no column "${name}"; columns are: ${frame.columns.map((x) => x.name).join(', ')}`)
  return c
}

/** A new frame holding the given rows (in that order). O(rows × columns). */
export function selectRows(frame: Frame, rows: ArrayLike<number>): Frame {
  const n = rows.length
  const columns = frame.columns.map((c): Column => {
    if (c.kind === 'categorical') {
      const codes = new Int32Array(n)
      for (let i = 0; i < n; i++) codes[i] = c.codes[rows[i] as number] as number
      return { name: c.name, kind: c.kind, codes, levels: c.levels }
    }
    const values = new Float64Array(n)
    for (let i = 0; i < n; i++) values[i] = c.values[rows[i] as number] as number
    return { name: c.name, kind: c.kind, values }
  })
  return { nRows: n, columns }
}

/** The frame without the named columns. */
export function dropColumns(frame: Frame, names: readonly string[]): Frame {
  return { nRows: frame.nRows, columns: frame.columns.filter((c) => !names.includes(c.name)) }
}

/** The raw value of one cell as a display string ('' when missing). */
export function cellText(col: Column, row: number): string {
  if (col.kind === 'categorical') {
    const code = col.codes[row] ?? -1
    return code < 0 ? '' : (col.levels[code] ?? '')
  }
  const v = col.values[row] ?? Number.NaN
  if (Number.isNaN(v)) return ''
  if (col.kind === 'boolean') return v === 1 ? 'true' : 'false'
  if (col.kind === 'date') return new Date(v * 86_400_000).toISOString().slice(0, 10)
  return String(v)
}
