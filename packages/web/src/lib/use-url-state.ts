import { useSearchParams } from 'react-router'

/**
 * A list's filters and sort kept in the URL's query string, so a filtered list can be bookmarked, shared
 * and reached again with the back button.
 */
export function useUrlState<F extends Record<string, string | undefined>>(keys: readonly (keyof F & string)[], defaultSort: string) {
  const [params, setParams] = useSearchParams()
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v !== undefined)) as F
  const sort = params.get('sort') ?? defaultSort
  const write = (f: F, s: string) => {
    const next = new URLSearchParams()
    for (const k of keys) {
      const v = f[k]
      if (v !== undefined && v !== '') next.set(k, v)
    }
    if (s !== defaultSort) next.set('sort', s)
    setParams(next, { replace: true })
  }
  return { filters, sort, setFilters: (f: F) => write(f, sort), setSort: (s: string) => write(filters, s) }
}
