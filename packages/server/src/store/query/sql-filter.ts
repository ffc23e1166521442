/**
 * Collects the WHERE conditions of a list query with their parameters, always starting with the tenant
 * filter, so no list can forget it. Helpers skip absent filters, so routes read as a list of field names.
 */
export class SqlFilter {
  readonly params: unknown[]
  readonly conditions: string[]

  constructor(workspaceId: number) {
    this.params = [workspaceId]
    this.conditions = ['t.workspace_id = $1']
  }

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value)
    return `$${this.params.length}`
  }

  where(condition: string): this {
    this.conditions.push(condition)
    return this
  }

  eq(expr: string, value: unknown): this {
    if (value !== undefined) this.where(`${expr} = ${this.param(value)}`)
    return this
  }

  /** Inclusive lower bound, exclusive upper bound: consecutive ranges never count a row twice. */
  range(expr: string, from: unknown, to: unknown): this {
    if (from !== undefined) this.where(`${expr} >= ${this.param(from)}`)
    if (to !== undefined) this.where(`${expr} < ${this.param(to)}`)
    return this
  }

  /** `expr` is the internal id of the record whose natural key (in `table.keyColumn`) is `key`. */
  refKey(expr: string, table: string, keyColumn: string, key: string | undefined): this {
    if (key !== undefined) this.where(`${expr} = (SELECT id FROM ${table} WHERE workspace_id = $1 AND ${keyColumn} = ${this.param(key)})`)
    return this
  }

  sql(): string {
    return this.conditions.join(' AND ')
  }
}

/** Escapes LIKE wildcards so a user's `%` or `_` match themselves. */
export function likePrefix(s: string): string {
  return `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
