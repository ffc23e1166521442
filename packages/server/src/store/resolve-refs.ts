import type { Db } from './db.ts'
import type { RefSpec } from './entity-tables.ts'

/**
 * Maps external ids to internal ids for one reference kind, remembering what it has seen so a large import
 * asks the database once per distinct key rather than once per row. Bounded, so a 1 GB file can't grow it
 * without limit.
 */
export class RefResolver {
  #cache = new Map<string, number>()
  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
    readonly ref: RefSpec,
    private readonly maxCached = 500_000,
  ) {}

  /** Returns the internal id of every key that exists; missing keys are absent from the map. */
  async resolve(keys: Iterable<string>): Promise<Map<string, number>> {
    const out = new Map<string, number>()
    const missing: string[] = []
    for (const k of new Set(keys)) {
      const hit = this.#cache.get(k)
      if (hit === undefined) missing.push(k)
      else out.set(k, hit)
    }
    if (missing.length > 0) {
      const rows = await this.db.query<{ k: string; id: number }>(
        `SELECT ${this.ref.keyColumn} AS k, id FROM ${this.ref.table} WHERE workspace_id = $1 AND ${this.ref.keyColumn} = ANY($2::text[])`,
        [this.workspaceId, missing],
      )
      if (this.#cache.size + rows.length > this.maxCached) this.#cache.clear()
      for (const r of rows) {
        out.set(r.k, Number(r.id))
        this.#cache.set(r.k, Number(r.id))
      }
    }
    return out
  }
}
