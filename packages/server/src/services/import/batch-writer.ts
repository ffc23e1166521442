import type { Db } from '../../store/db.ts'
import type { EntityTable } from '../../store/entity-tables.ts'
import { RefResolver } from '../../store/resolve-refs.ts'
import { upsertBatch, type UpsertCounts } from '../../store/upsert.ts'
import type { RowError } from './row-error.ts'
import type { RowOrigin, ValidBatch } from './valid-batch.ts'

/**
 * Writes validated batches: resolves references (a row naming an unknown customer, product or order is
 * rejected with a row error), keeps the last row when a key repeats within the batch (the same result as
 * writing them one after another), and upserts.
 */
export class BatchWriter {
  #resolvers: RefResolver[]
  #refFields: Set<string>

  constructor(
    private readonly db: Db,
    private readonly spec: EntityTable,
    private readonly workspaceId: number,
    private readonly reject: (origin: RowOrigin, errors: RowError[]) => void,
  ) {
    this.#resolvers = spec.refs.map((r) => new RefResolver(db, workspaceId, r))
    this.#refFields = new Set(spec.refs.map((r) => r.field))
  }

  /**
   * Resolves the batch's references, reporting rows whose reference is unknown, and lays the good rows out
   * as one array per table column, ready for `upsert` (undefined when no row is left).
   */
  async prepare(batch: ValidBatch): Promise<unknown[][] | undefined> {
    const n = batch.lines.length
    if (n === 0) return undefined
    const keyColumns = this.#resolvers.map((r) => batch.columns[r.ref.field] ?? [])
    const ids = await Promise.all(this.#resolvers.map((r, i) => r.resolveColumn(keyColumns[i] as unknown[])))
    const good: number[] = []
    for (let row = 0; row < n; row++) {
      let errs: RowError[] | undefined
      for (let i = 0; i < this.#resolvers.length; i++) {
        if ((ids[i] as Array<number | undefined>)[row] !== undefined) continue
        const r = this.#resolvers[i] as RefResolver
        const key = (keyColumns[i] as unknown[])[row]
        if ((key === null || key === undefined) && r.ref.optional) continue
        ;(errs ??= []).push({ line: batch.lines[row] as number, column: r.ref.field, reason: `unknown ${r.ref.noun} "${String(key)}"` })
      }
      if (errs) this.reject({ line: batch.lines[row] as number, raw: batch.raw?.[row] ?? {} }, errs)
      else good.push(row)
    }
    const rows = lastPerKey(good, this.spec.keyFields.map((f) => batch.columns[f] ?? []))
    if (rows.length === 0) return undefined
    return this.spec.columns.map((c) => {
      const refIndex = this.#refFields.has(c.field) ? this.#resolvers.findIndex((r) => r.ref.field === c.field) : -1
      const source = refIndex >= 0 ? (ids[refIndex] as unknown[]) : (batch.columns[c.field] ?? [])
      return rows.map((row) => source[row] ?? null)
    })
  }

  async upsert(values: unknown[][] | undefined): Promise<UpsertCounts> {
    if (values === undefined) return { inserted: 0, updated: 0 }
    return upsertBatch(this.db, this.spec, this.workspaceId, values)
  }
}

/**
 * The rows to write, keeping only the last of rows that share a key, sorted by key: concurrent writers that
 * lock the same keys then lock them in the same order, so they wait for each other instead of deadlocking.
 */
function lastPerKey(rows: number[], keyColumns: unknown[][]): number[] {
  const last = new Map<string, number>()
  const [a = [], b = []] = keyColumns
  if (keyColumns.length === 1) for (const row of rows) last.set(String(a[row]), row)
  else if (keyColumns.length === 2) for (const row of rows) last.set(`${String(a[row])}\u0000${String(b[row])}`, row)
  else for (const row of rows) last.set(keyColumns.map((c) => String(c[row])).join('\u0000'), row)
  const keys = [...last.keys()].sort()
  return keys.map((k) => last.get(k) as number)
}
