import { arrayLiteral } from '../../../store/array-literal.ts'

/**
 * What a compiled tree is built from: parameters (values never enter the SQL text), and LEFT JOINs of one
 * row per customer (aggregates of behaviour, the latest consent, stored scores) that the leaves' tests read.
 * `$1` is the workspace; the evaluation instant and the time zone are parameters too (`now`, `tz`).
 * Identical joins are made once, so two conditions on the same window share one aggregate.
 */
export class SegmentSql {
  readonly params: unknown[]
  private readonly joins = new Map<string, { alias: string; sql: string }>()
  private nowRef: string | undefined
  private tzRef: string | undefined

  constructor(workspaceId: number, private readonly instant: Date, private readonly timeZone: string, readonly strategy: JoinStrategy = 'grouped') {
    this.params = [workspaceId]
  }

  static readonly WS = '$1'

  /** The evaluation instant (a parameter made on first use: an unused parameter has no type). */
  get now(): string {
    this.nowRef ??= `${this.param(this.instant.toISOString())}::timestamptz`
    return this.nowRef
  }

  /** The workspace's time zone. */
  get tz(): string {
    this.tzRef ??= `${this.param(this.timeZone)}::text`
    return this.tzRef
  }

  /** A placeholder for value. */
  param(value: unknown): string {
    this.params.push(value)
    return `$${this.params.length}`
  }

  text(value: string): string {
    return `${this.param(value)}::text`
  }

  texts(values: readonly string[]): string {
    return `${this.param(arrayLiteral(values))}::text[]`
  }

  ids(values: readonly number[]): string {
    return `${this.param(arrayLiteral(values))}::bigint[]`
  }

  number(value: number): string {
    return `${this.param(value)}::float8`
  }

  /**
   * Joins one value per customer — an aggregate of its rows, its latest row, or the existence of a row — and
   * returns the alias whose `v` holds it. `key` identifies what is computed (SQL and values): the same key
   * gives the same alias. How it is joined depends on the strategy: `grouped` computes the value for every
   * customer at once (one pass over the window's rows, hash-joined: best when each condition is evaluated
   * over the whole workspace, as for the per-condition counts), `lateral` looks it up per customer through
   * the customer indexes (best when other conditions already narrowed the customers: PostgreSQL filters
   * `t` first and probes only the survivors).
   */
  join(key: string, build: () => JoinParts): string {
    const known = this.joins.get(key)
    if (known) return known.alias
    const alias = `j${this.joins.size + 1}`
    const p = build()
    const where = p.where.join(' AND ')
    let sql: string
    if (this.strategy === 'lateral') {
      const tail = p.kind === 'latest' ? ` ORDER BY ${p.orderBy} LIMIT 1` : p.kind === 'row' ? ' LIMIT 1' : ''
      sql = `LEFT JOIN LATERAL (SELECT ${p.value} AS v FROM ${p.from} WHERE ${where} AND ${p.customer} = t.id${tail}) ${alias} ON true`
    } else {
      const select =
        p.kind === 'aggregate' ? `SELECT ${p.customer} AS customer_id, ${p.value} AS v FROM ${p.from} WHERE ${where} GROUP BY ${p.customer}`
        : p.kind === 'latest' ? `SELECT DISTINCT ON (${p.customer}) ${p.customer} AS customer_id, ${p.value} AS v FROM ${p.from} WHERE ${where} ORDER BY ${p.customer}, ${p.orderBy}`
        : `SELECT ${p.customer} AS customer_id, ${p.value} AS v FROM ${p.from} WHERE ${where}`
      sql = `LEFT JOIN (${select}) ${alias} ON ${alias}.customer_id = t.id`
    }
    this.joins.set(key, { alias, sql })
    return alias
  }

  /**
   * Whether the customer has any of `p`'s rows, as `EXISTS (…)` correlated with `t` instead of a join. AND-ed
   * at the top of the WHERE clause PostgreSQL makes it a semi-join (NOT EXISTS an anti-join) and chooses how to
   * run it from its statistics: one pass over the matching rows hashed by customer, or a probe per customer
   * that stops at the first row. A joined count is fixed to one of the two ways and counts every row.
   */
  exists(p: JoinParts): string {
    return `EXISTS (SELECT 1 FROM ${p.from} WHERE ${[...p.where, `${p.customer} = t.id`].join(' AND ')})`
  }

  /** `p`'s value for the customer `t` as a correlated scalar subquery (what "why" shows beside an EXISTS). */
  scalar(p: JoinParts & { kind: 'aggregate' }): string {
    return `(SELECT ${p.value} FROM ${p.from} WHERE ${[...p.where, `${p.customer} = t.id`].join(' AND ')})`
  }

  /** Joins one kind's row of customer_scores (primary-key lookups). */
  scores(kind: string): string {
    const key = `scores:${kind}`
    const known = this.joins.get(key)
    if (known) return known.alias
    const alias = `s_${kind}`
    this.joins.set(key, {
      alias,
      sql: `LEFT JOIN customer_scores ${alias} ON ${alias}.workspace_id = t.workspace_id AND ${alias}.kind = '${kind}' AND ${alias}.customer_id = t.id`,
    })
    return alias
  }

  fromClause(): string {
    return ['customers t', ...[...this.joins.values()].map((j) => j.sql)].join('\n  ')
  }
}

export type JoinStrategy = 'grouped' | 'lateral'

/**
 * One per-customer value: `value` over the rows of `from` that pass `where` and belong to the customer in
 * column `customer` — aggregated (`aggregate`: count(*), sum(…), …), the first by `orderBy` (`latest`), or a
 * row known to be unique per customer (`row`).
 */
export type JoinParts = { value: string; from: string; where: string[]; customer: string } & (
  | { kind: 'aggregate' | 'row' }
  | { kind: 'latest'; orderBy: string }
)

/** Two-valued logic for every leaf: a test on a missing value is false, so NOT (x) means "x does not hold". */
export const truth = (test: string): string => `coalesce((${test}), false)`
