import type { Command } from 'commander'
import type { Interactions } from '@rapport/ml'
import { readTable, columnIndex, type Table } from '../../../io/read-table.ts'
import { InputError, UsageError } from '../../../errors/rapport-error.ts'
import { tableOptions } from '../../table-flags.ts'

export interface ColumnFlags {
  userCol?: string
  itemCol?: string
  ratingCol?: string
}

/** Adds --user-col/--item-col/--rating-col (defaults: the first three columns). */
export function withColumnOptions(cmd: Command, ratingRequired: boolean): Command {
  return cmd
    .option('--user-col <name>', 'user column: a name, c1..cN or a 1-based number (default: first column)')
    .option('--item-col <name>', 'item column (default: second column)')
    .option(
      '--rating-col <name>',
      ratingRequired ? 'rating column (default: third column)' : 'rating/count column (default: third column when present; ignored by the binarising models)',
    )
}

/**
 * Reads a user–item(–rating) file. Header detection: unless --no-header is given, the first row is a header
 * when its rating cell (or, without a rating column, its item cell) is not a number, so MovieLens `u.data`
 * (tab-separated, no header) reads as data without any flag; pass --no-header to force it.
 */
export async function readInteractionTable(file: string, flags: Record<string, unknown>, cmd: Command): Promise<Table> {
  const raw = await readTable(file, { ...tableOptions(flags), header: false })
  const explicitNoHeader = cmd.getOptionValueSource('header') === 'cli' && flags.header === false
  const first = raw.rows[0]
  if (explicitNoHeader || !first) return raw
  const named = (flag: unknown): boolean => typeof flag === 'string' && !/^c?\d+$/.test(flag) && first.some((v) => v.trim() === flag)
  if (named(flags.userCol) || named(flags.itemCol) || named(flags.ratingCol)) return asHeader(raw)
  const probe = pickIndex(raw, flags.ratingCol, 2, first.length) ?? pickIndex(raw, flags.itemCol, 1, first.length)
  const cell = probe === undefined ? '' : (first[probe] ?? '').trim()
  return cell !== '' && Number.isFinite(Number(cell)) ? raw : asHeader(raw)
}

function asHeader(t: Table): Table {
  const columns = (t.rows[0] ?? []).map((c) => c.trim())
  return { file: t.file, columns, rows: t.rows.slice(1), lines: t.lines.slice(1) }
}

/** Column index named by a c1/1-style flag in a header-less table, or the default position when present. */
function pickIndex(t: Table, flag: unknown, fallback: number, width: number): number | undefined {
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
export function tableInteractions(t: Table, flags: ColumnFlags, ids: IdMaps, ratingRequired: boolean): Interactions {
  const ui = columnIndex(t, flags.userCol ?? t.columns[0] ?? 'c1')
  const ii = columnIndex(t, flags.itemCol ?? t.columns[1] ?? 'c2')
  const hasRating = flags.ratingCol !== undefined || t.columns.length >= 3
  if (ratingRequired && !hasRating) throw new UsageError(`${t.file}: no rating column; pass --rating-col`)
  const ri = hasRating ? columnIndex(t, flags.ratingCol ?? t.columns[2] ?? 'c3') : -1
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
