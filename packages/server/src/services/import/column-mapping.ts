import { entitySchemas, type EntityName } from '../../domain/entities.ts'
import { InputError } from '../../errors/rapport-error.ts'
import type { RowError } from './row-error.ts'

/** Source column (as written in the file's header, or a JSON Lines key) → entity field. */
export type ColumnMapping = Record<string, string>

const MAX_ENTRIES = 500

/**
 * Checks a mapping against the entity: every target is one of its fields (or `attributes.x` /
 * `properties.x` where the entity has that bag), and no two sources name the same field. `where` is what the
 * errors name (`query.columns` for the API). Returns the mapping without identity entries.
 */
export function checkColumnMapping(entity: EntityName, mapping: unknown, where: string): ColumnMapping {
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw new InputError(`${where} must be a JSON object of "file column": "field"`, [{ path: where, message: 'must be a JSON object of "file column": "field"' }])
  }
  const entries = Object.entries(mapping as Record<string, unknown>)
  if (entries.length > MAX_ENTRIES) throw new InputError(`${where} maps more than ${MAX_ENTRIES} columns`, [{ path: where, message: `has more than ${MAX_ENTRIES} entries` }])
  const fields = Object.keys(entitySchemas[entity].shape)
  const bad = (message: string): never => {
    throw new InputError(`${where}: ${message}`, [{ path: where, message }])
  }
  const sourceOf = new Map<string, string>()
  const out: ColumnMapping = {}
  for (const [source, target] of entries) {
    if (typeof target !== 'string') bad(`"${source}" must map to a field name (a string)`)
    const field = String(target)
    if (source.trim() === '') bad('a column name must not be empty')
    if (!isTarget(fields, field)) bad(`"${source}" → "${field}": ${entity} has no field "${field}" (fields: ${fields.join(', ')})`)
    const earlier = sourceOf.get(field)
    if (earlier !== undefined) bad(`"${earlier}" and "${source}" both map to field "${field}"`)
    sourceOf.set(field, source)
    if (source !== field) out[source] = field
  }
  return out
}

function isTarget(fields: readonly string[], field: string): boolean {
  if (fields.includes(field)) return true
  const m = /^(attributes|properties)\.([^.]+)$/.exec(field)
  return m !== null && fields.includes(m[1] ?? '')
}

/** The mapping as a JSON query parameter (URL-decoded already); a parse error names `where`. */
export function parseColumnMapping(entity: EntityName, json: string, where: string): ColumnMapping {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (err) {
    throw new InputError(`${where} is not valid JSON: ${(err as Error).message}`, [{ path: where, message: 'is not valid JSON' }])
  }
  return checkColumnMapping(entity, value, where)
}

/**
 * Row errors name fields (the validator knows no other names); with a mapping, the user knows the columns
 * by their names in the file: an error on a mapped field (or inside it, `attributes.x`) names that column.
 */
export function fileColumnNamer(mapping: ColumnMapping | undefined): (e: RowError) => RowError {
  const sourceOf = new Map(Object.entries(mapping ?? {}).map(([source, field]) => [field, source]))
  if (sourceOf.size === 0) return (e) => e
  return (e) => {
    if (e.column === undefined) return e
    const exact = sourceOf.get(e.column)
    if (exact !== undefined) return { ...e, column: exact }
    const dot = e.column.indexOf('.')
    const top = dot < 0 ? undefined : sourceOf.get(e.column.slice(0, dot))
    return top === undefined ? e : { ...e, column: `${top}${e.column.slice(dot)}` }
  }
}
