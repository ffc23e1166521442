import type { Interactions } from '@rapport/ml'
import { readTable, columnIndex, type Table } from '../io/read-table.ts'
import type { TableOptions } from '../io/table-options.ts'
import { InputError, UsageError } from '../errors/rapport-error.ts'

/** Which columns hold user, item and rating: a name, c1..cN or a 1-based number; defaults are the first three. */
export interface InteractionColumns {
  userCol?: string | undefined
  itemCol?: string | undefined
  ratingCol?: string | undefined
}

/**
 * Reads a user–item(–rating) file. Header detection: unless `noHeader`, the first row is a header when it
 * holds a named column, or when its rating cell (or, without a rating column, its item cell) is not a
 * number, so MovieLens `u.data` (tab-separated, no header) reads as data without any option.
 */
export async function readInteractionTable(file: string, opts: TableOptions, cols: InteractionColumns, noHeader: boolean): Promise<Table> {
  const raw = await readTable(file, { ...opts, header: false })
  const first = raw.rows[0]
  if (noHeader || !first) return raw
  const named = (flag: string | undefined): boolean => typeof flag === 'string' && !/^c?\d+$/.test(flag) && first.some((v) => v.trim() === flag)
  if (named(cols.userCol) || named(cols.itemCol) || named(cols.ratingCol)) return asHeader(raw)
  const probe = pickIndex(cols.ratingCol, 2, first.length) ?? pickIndex(cols.itemCol, 1, first.length)
  const cell = probe === undefined ? '' : (first[probe] ?? '').trim()
  return cell !== '' && Number.isFinite(Number(cell)) ? raw : asHeader(raw)
}

function asHeader(t: Table): Table {
  const columns = (t.rows[0] ?? []).map((c) => c.trim())
  return { file: t.file, columns, rows: t.rows.slice(1), lines: t.lines.slice(1) }
}

/** Column index named by a c1/1-style flag in a header-less table, or the default position when present. */
function pickIndex(flag: string | undefined, fallback: number, width: number): number | undefined {
  if (typeof flag === 'string') return /^c?\d+$/.test(flag) ? Number(flag.replace(/^c/, '')) - 1 : undefined
  return fallback < width ? fallback : undefined
}

/** Dense id maps shared by the files of one evaluation (train and test must agree on indices). */
export class IdMaps {
  readonly users = new Map<string, number>()
  readonly items = new Map<string, number>()
  static id(map: Map<string, number>, key: string): number {
    let i = map.get(key)
    if (i === undefined) map.set(key, (i = map.size))
    return i
  }
}

/** Interactions from a table through shared id maps; ratings are checked to be numbers (file:line: column). */
export function tableInteractions(t: Table, cols: InteractionColumns, ids: IdMaps, ratingRequired: boolean): Interactions {
  const ui = columnIndex(t, cols.userCol ?? t.columns[0] ?? 'c1')
  const ii = columnIndex(t, cols.itemCol ?? t.columns[1] ?? 'c2')
  const hasRating = cols.ratingCol !== undefined || t.columns.length >= 3
  if (ratingRequired && !hasRating) throw new UsageError(`${t.file}: no rating column; pass --rating-col`)
  const ri = hasRating ? columnIndex(t, cols.ratingCol ?? t.columns[2] ?? 'c3') : -1
  const n = t.rows.length
  const users = new Int32Array(n)
  const items = new Int32Array(n)
  const values = new Float64Array(n)
  for (let r = 0; r < n; r++) {
    const row = t.rows[r] ?? []
    const u = (row[ui] ?? '').trim()
    const i = (row[ii] ?? '').trim()
    if (u === '') throw new InputError(`${t.file}:${t.lines[r]}: ${t.columns[ui]}: empty user id`)
    if (i === '') throw new InputError(`${t.file}:${t.lines[r]}: ${t.columns[ii]}: empty item id`)
    users[r] = IdMaps.id(ids.users, u)
    items[r] = IdMaps.id(ids.items, i)
    if (ri < 0) {
      values[r] = 1
      continue
    }
    const raw = (row[ri] ?? '').trim()
    const v = Number(raw)
    if (raw === '' || !Number.isFinite(v)) throw new InputError(`${t.file}:${t.lines[r]}: ${t.columns[ri]}: "${raw}" is not a number`)
    values[r] = v
  }
  if (n === 0) throw new InputError(`${t.file}: no data rows`)
  return { nUsers: 0, nItems: 0, users, items, values }
}

/** Sets nUsers/nItems of every part to the final size of the shared id maps. */
export function sized(ids: IdMaps, ...parts: Interactions[]): void {
  for (const p of parts) {
    p.nUsers = ids.users.size
    p.nItems = ids.items.size
  }
}

/** Reads one or more interaction files through shared id maps, sized to the union of their ids. */
export async function readInteractions(
  files: readonly string[],
  opts: TableOptions,
  cols: InteractionColumns,
  { noHeader, ratingRequired }: { noHeader: boolean; ratingRequired: boolean },
): Promise<{ parts: Interactions[]; ids: IdMaps }> {
  const ids = new IdMaps()
  const parts: Interactions[] = []
  for (const f of files) parts.push(tableInteractions(await readInteractionTable(f, opts, cols, noHeader), cols, ids, ratingRequired))
  sized(ids, ...parts)
  return { parts, ids }
}
