import type { Column } from '@rapport/ml'
import type { CustomerFeatures } from './customer-features.ts'

/**
 * Test helpers that read a feature set back as plain values: one customer's cell (a number, NaN for a
 * missing number, a level or null for a missing category) and every column as a plain array, so
 * deepStrictEqual compares NaN as equal (it does not for Float64Array contents).
 */
export function cell(f: CustomerFeatures, customerId: number, name: string): number | string | null {
  const row = f.customerIds.indexOf(customerId)
  if (row < 0) throw new Error(`customer ${customerId} has no row`)
  const col = f.frame.columns.find((c) => c.name === name)
  if (!col) throw new Error(`no column ${name}; columns are ${f.frame.columns.map((c) => c.name).join(', ')}`)
  return columnValues(col)[row] ?? null
}

export function columnValues(col: Column): (number | string | null)[] {
  if (col.kind !== 'categorical') return Array.from(col.values)
  return Array.from(col.codes, (c) => (c < 0 ? null : (col.levels[c] ?? null)))
}

/** The whole set as plain data: ids, and each column's name, kind and values. */
export function plainFeatures(f: CustomerFeatures): unknown {
  return {
    customerIds: Array.from(f.customerIds),
    spec: f.spec,
    excluded: f.excludedNoProfilingConsent,
    columns: f.frame.columns.map((c) => ({ name: c.name, kind: c.kind, values: columnValues(c) })),
  }
}
