import { readFileSync } from 'node:fs'

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

export function declaredColumns(file = '0001_domain_v1.sql'): DeclaredColumn[] {
  const sql = readFileSync(new URL(file, MIGRATIONS), 'utf8')
  const out: DeclaredColumn[] = []
  for (const m of sql.matchAll(/CREATE TABLE (\w+) \(\n([\s\S]*?)\n\);/g)) {
    const table = m[1] as string
    for (const raw of (m[2] as string).split('\n')) {
      const line = raw.trim().replace(/,$/, '')
      const c = /^(\w+)\s+(numeric\(\s*\d+\s*,\s*\d+\s*\)|char\(\d+\)|text\[\]|\w+)(.*)$/.exec(line)
      if (!c || /^(PRIMARY|UNIQUE|FOREIGN|CHECK)$/.test(c[1] as string)) continue
      const column = c[1] as string
      const rest = c[3] as string
      const col: DeclaredColumn = { table, column, type: (c[2] as string).replace(/\s+/g, ''), enumerated: /CHECK \(\w+ IN \(/.test(rest) }
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
      out.push(col)
    }
  }
  return out
}
