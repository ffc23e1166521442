/**
 * A JSON array of the rows `SELECT <select> <fromWhere> ORDER BY <order> [LIMIT n]`, as one scalar subquery, for
 * views that read many lists in one statement. The inner query numbers its rows (`__n`) in that order and the
 * aggregate sorts by the number, so the order is guaranteed rather than inherited from a subquery. json (not
 * jsonb) keeps each row's keys in select-list order and its values as the columns' JSON forms; `__n` is taken
 * off in Node by withoutN.
 */
export function jsonRows(select: string, fromWhere: string, order: string, limit: number | null): string {
  return `(SELECT coalesce(json_agg(x ORDER BY x.__n), '[]'::json) FROM (
    SELECT row_number() OVER (ORDER BY ${order}) AS __n, ${select} ${fromWhere} ORDER BY ${order}${limit === null ? '' : ` LIMIT ${limit}`}) x)`
}

export function withoutN<T extends object>(rows: readonly T[]): T[] {
  return rows.map((row) => {
    const { __n: _, ...rest } = row as T & { __n?: unknown }
    return rest as T
  })
}
