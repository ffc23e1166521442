import { readdirSync, readFileSync } from 'node:fs'

/**
 * The column types and simple CHECK constraints declared in the migrations, read from the SQL itself, so
 * the boundary tests follow the schema when a column changes instead of a hand-kept list.
 */
export interface DeclaredColumn {
  table: string
  column: string
  /** Normalised: `numeric(14,2)`, `integer`, `smallint`, `bigint`, `text`, `text[]`, `char(2)`, `date`, `timestamptz`, `jsonb`. */
  type: string
  /** From `CHECK (c > n)`, `>= n`, `BETWEEN a AND b`. */
  min?: number
  minExclusive?: boolean
  max?: number
  /** `CHECK (c IN (...))`: an enumeration, not a range. */
  enumerated: boolean
}

const MIGRATIONS = new URL('../../src/store/migrations/', import.meta.url)

/** Every migration in order (or one file): CREATE TABLE columns, then columns later migrations ADD. */
export function declaredColumns(file?: string): DeclaredColumn[] {
  const files = file ? [file] : readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()
  const out: DeclaredColumn[] = []
  for (const f of files) {
    const sql = readFileSync(new URL(f, MIGRATIONS), 'utf8')
    for (const m of sql.matchAll(/CREATE TABLE (\w+) \(\n([\s\S]*?)\n\);/g)) {
      for (const raw of (m[2] as string).split('\n')) {
        const col = columnOf(m[1] as string, raw.trim().replace(/,$/, ''))
        if (col) out.push(col)
      }
    }
    for (const m of sql.matchAll(/ALTER TABLE (\w+) ADD COLUMN ([^;]+);/g)) {
      const col = columnOf(m[1] as string, (m[2] as string).trim())
      if (col) out.push(col)
    }
  }
  return out
}

function columnOf(table: string, line: string): DeclaredColumn | null {
  const c = /^(\w+)\s+(numeric\(\s*\d+\s*,\s*\d+\s*\)|char\(\d+\)|text\[\]|\w+)(.*)$/.exec(line)
  if (!c || /^(PRIMARY|UNIQUE|FOREIGN|CHECK)$/.test(c[1] as string)) return null
  const rest = c[3] as string
  const col: DeclaredColumn = { table, column: c[1] as string, type: (c[2] as string).replace(/\s+/g, ''), enumerated: /CHECK \(\w+ IN \(/.test(rest) }
  const gt = /CHECK \(\w+ (>=?) (-?\d+)\)/.exec(rest)
  if (gt) {
    col.min = Number(gt[2])
    col.minExclusive = gt[1] === '>'
  }
  const between = /CHECK \(\w+ BETWEEN (-?\d+) AND (-?\d+)\)/.exec(rest)
  if (between) {
    col.min = Number(between[1])
    col.max = Number(between[2])
  }
  return col
}
