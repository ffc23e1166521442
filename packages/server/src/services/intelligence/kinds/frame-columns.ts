import type { Frame } from '@rapport/ml'

/** The values of a numeric column of a feature frame (throws when absent: a bug in the feature catalogue). */
export function numericColumn(frame: Frame, name: string): Float64Array {
  const c = frame.columns.find((x) => x.name === name)
  if (!c || c.kind === 'categorical') throw new Error(`feature frame has no numeric column ${name}`)
  return c.values
}

/** The text of a categorical column per row ('' when missing). */
export function categoricalColumn(frame: Frame, name: string): string[] {
  const c = frame.columns.find((x) => x.name === name)
  if (!c || c.kind !== 'categorical') throw new Error(`feature frame has no categorical column ${name}`)
  return Array.from(c.codes, (k) => (k < 0 ? '' : (c.levels[k] ?? '')))
}
