import type { EntityFields } from './entity-fields.ts'

/**
 * Mapping the file's columns to the entity's fields, with the server's rules (io/import-source.ts,
 * services/import/column-mapping.ts): a column not in `columns` keeps its name and is imported when that
 * name (or its lower case) is a field, else ignored — so unknown columns are not errors. A mapping can
 * only name a field (or `attributes.x` / `properties.x`), never "ignore": a column named like a field is
 * always imported, into that field or another one. Two columns on one field refuse the whole file.
 */
export const IGNORE = ''

/** The field a column goes to when nothing maps it (the server's default), or IGNORE. */
export function defaultTarget(column: string, fields: readonly string[]): string {
  if (fields.includes(column)) return column
  const lower = column.toLowerCase()
  return fields.includes(lower) ? lower : IGNORE
}

/** Whether the server lets this column be left out: only a column whose name is no field. */
export const canIgnore = (column: string, fields: readonly string[]): boolean => defaultTarget(column, fields) === IGNORE

/** The targets a column may choose: the fields, `<bag>.<column>` where the entity has one, and IGNORE if allowed. */
export function targetChoices(column: string, entity: EntityFields): string[] {
  const out = canIgnore(column, entity.fields) ? [IGNORE] : []
  out.push(...entity.fields)
  if (entity.bag && column.trim() !== '' && !column.includes('.')) out.push(`${entity.bag}.${column}`)
  return out
}

/** Column → chosen target, one per header column (defaults first). */
export type Mapping = Record<string, string>

export function defaultMapping(header: readonly string[], entity: EntityFields): Mapping {
  return Object.fromEntries(header.map((c) => [c, defaultTarget(c, entity.fields)]))
}

export type MappingProblem =
  | { kind: 'missingRequired'; field: string }
  | { kind: 'duplicateTarget'; field: string; columns: string[] }
  | { kind: 'duplicateColumn'; column: string }
  | { kind: 'noHeader' }

/** What the server would refuse the file for, found before the upload. */
export function mappingProblems(header: readonly string[], mapping: Mapping, entity: EntityFields): MappingProblem[] {
  if (header.length === 0) return [{ kind: 'noHeader' }]
  const problems: MappingProblem[] = []
  const seen = new Set<string>()
  for (const c of header) {
    const name = c.toLowerCase()
    if (name !== '' && seen.has(name)) problems.push({ kind: 'duplicateColumn', column: c })
    seen.add(name)
  }
  const byTarget = new Map<string, string[]>()
  for (const c of header) {
    const target = mapping[c] ?? defaultTarget(c, entity.fields)
    if (target !== IGNORE) byTarget.set(target, [...(byTarget.get(target) ?? []), c])
  }
  for (const [field, columns] of byTarget) if (columns.length > 1) problems.push({ kind: 'duplicateTarget', field, columns })
  for (const field of entity.required) if (!byTarget.has(field)) problems.push({ kind: 'missingRequired', field })
  return problems
}

/** The `columns` query value: only the columns that go somewhere other than their own name. */
export function columnsParam(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([column, target]) => target !== IGNORE && target !== column))
}
