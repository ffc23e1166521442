import type { Db } from '../../store/db.ts'
import type { EntityTable } from '../../store/entity-tables.ts'
import { RefResolver } from '../../store/resolve-refs.ts'
import { upsertBatch, type UpsertCounts } from '../../store/upsert.ts'
import type { SourceRow } from '../../io/import-source.ts'
import type { RowError } from './row-error.ts'

export interface Pending {
  row: SourceRow
  data: Record<string, unknown>
}

/**
 * Collects validated rows and writes them in batches: resolves references (a row naming an unknown customer,
 * product or order is rejected with a row error), keeps the last row when a key repeats within the batch
 * (the same result as writing them one after another), and upserts.
 */
export class BatchWriter {
  #pending: Pending[] = []
  #resolvers: RefResolver[]

  constructor(
    private readonly db: Db,
    private readonly spec: EntityTable,
    private readonly workspaceId: number,
    private readonly reject: (row: SourceRow, errors: RowError[]) => void,
  ) {
    this.#resolvers = spec.refs.map((r) => new RefResolver(db, workspaceId, r))
  }

  get size(): number {
    return this.#pending.length
  }

  add(row: SourceRow, data: Record<string, unknown>): void {
    this.#pending.push({ row, data })
  }

  /** Hands over the rows collected so far (to `write`), starting a new batch. */
  take(): Pending[] {
    const batch = this.#pending
    this.#pending = []
    return batch
  }

  async flush(): Promise<UpsertCounts> {
    return this.write(this.take())
  }

  async write(batch: Pending[]): Promise<UpsertCounts> {
    if (batch.length === 0) return { inserted: 0, updated: 0 }
    const ids = await Promise.all(
      this.#resolvers.map((r) => r.resolve(batch.map((p) => p.data[r.ref.field]).filter((v): v is string => typeof v === 'string'))),
    )
    const good: Pending[] = []
    for (const p of batch) {
      const errs: RowError[] = []
      this.#resolvers.forEach((r, i) => {
        const key = p.data[r.ref.field]
        if (key === undefined && r.ref.optional) return
        const id = ids[i]?.get(String(key))
        if (id === undefined) errs.push({ line: p.row.line, column: r.ref.field, reason: `unknown ${r.ref.noun} "${String(key)}"` })
        else p.data[`__ref_${r.ref.field}`] = id
      })
      if (errs.length > 0) this.reject(p.row, errs)
      else good.push(p)
    }
    const unique = lastPerKey(good, this.spec)
    if (unique.length === 0) return { inserted: 0, updated: 0 }
    const refFields = new Set(this.spec.refs.map((r) => r.field))
    const values = this.spec.columns.map((c) =>
      unique.map(({ data }) => {
        const v = refFields.has(c.field) ? data[`__ref_${c.field}`] : data[c.field]
        if (v === undefined || v === null) return null
        return typeof v === 'object' ? JSON.stringify(v) : v
      }),
    )
    return upsertBatch(this.db, this.spec, this.workspaceId, values)
  }
}

function lastPerKey(rows: Pending[], spec: EntityTable): Pending[] {
  const byKey = new Map<string, Pending>()
  for (const p of rows) byKey.set(spec.keyFields.map((f) => String(p.data[f])).join('\u0000'), p)
  return byKey.size === rows.length ? rows : [...byKey.values()]
}
