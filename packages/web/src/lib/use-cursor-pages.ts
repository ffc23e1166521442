import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'

export interface CursorPage<T> {
  data: T[]
  next_cursor: string | null
}

/**
 * Server-side paging over Rapport's cursor lists: remembers the cursors of the pages already seen so
 * "previous" works, and starts again from page one whenever the filters or the sort change.
 */
export function useCursorPages<T, F extends Record<string, unknown>>(opts: {
  key: readonly unknown[]
  filters: F
  sort: string
  limit?: number
  fetchPage: (p: F & { sort: string; limit: number; cursor?: string }) => Promise<CursorPage<T>>
}) {
  const limit = opts.limit ?? 50
  const identity = JSON.stringify([opts.filters, opts.sort, limit])
  const [state, setState] = useState<{ identity: string; cursors: Array<string | undefined> }>({ identity, cursors: [undefined] })
  const cursors = state.identity === identity ? state.cursors : [undefined]
  const cursor = cursors[cursors.length - 1]
  const query = useQuery({
    queryKey: [...opts.key, opts.filters, opts.sort, limit, cursor ?? null],
    queryFn: () => opts.fetchPage({ ...opts.filters, sort: opts.sort, limit, ...(cursor !== undefined && { cursor }) }),
    placeholderData: keepPreviousData,
  })
  const next = query.data?.next_cursor ?? null
  const nextPage = () => next !== null && setState({ identity, cursors: [...cursors, next] })
  const previousPage = () => cursors.length > 1 && setState({ identity, cursors: cursors.slice(0, -1) })
  return {
    ...query,
    rows: query.data?.data ?? [],
    page: cursors.length,
    hasNext: next !== null,
    hasPrevious: cursors.length > 1,
    nextPage,
    previousPage,
    /** What DataTable's `paging` takes. */
    paging: { page: cursors.length, hasNext: next !== null, hasPrevious: cursors.length > 1, next: nextPage, previous: previousPage },
  }
}
