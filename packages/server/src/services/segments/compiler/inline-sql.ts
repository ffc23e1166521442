/**
 * A compiled query with its parameters written in as SQL literals, for an analyst to paste into psql ("show
 * SQL"). Only for display: the server always runs the parameterised form. Literals use standard-conforming
 * strings ('' doubles a quote; backslashes are plain), the default of every supported PostgreSQL.
 */
export function inlineSql(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (whole, n: string) => {
    const i = Number(n) - 1
    if (i < 0 || i >= params.length) return whole
    return literal(params[i])
  })
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL'
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  return `'${String(v).replace(/'/g, "''")}'`
}
