import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Empty, ErrorState, Loading } from './States.tsx'

export interface Column<T> {
  key: string
  header: string
  render: (row: T) => ReactNode
  /** The API's sort field for this column, when the list can be sorted by it. */
  sortKey?: string
  /** Hidden until chosen in the column chooser. */
  hiddenByDefault?: boolean
  align?: 'start' | 'end'
}

interface DataTableProps<T> {
  /** Names the table for the column chooser's memory (localStorage). */
  id: string
  caption: string
  columns: Column<T>[]
  rows: T[]
  rowKey: (row: T) => string | number
  loading?: boolean
  error?: unknown
  onRetry?: () => void
  /** API sort value, e.g. `name` or `-signup_at`. */
  sort?: string
  onSort?: (sort: string) => void
  paging?: { page: number; hasNext: boolean; hasPrevious: boolean; next: () => void; previous: () => void }
  onRowClick?: (row: T) => void
  empty?: ReactNode
}

/**
 * The list every page uses: sorting, paging and filtering happen on the server (the table only says what
 * it wants), columns can be hidden or shown, and it renders the loading, empty and error states itself.
 */
export function DataTable<T>(p: DataTableProps<T>) {
  const { t } = useTranslation()
  const [visible, setVisible] = useVisibleColumns(p.id, p.columns)
  const shown = p.columns.filter((c) => visible.has(c.key))
  const [chooserOpen, setChooserOpen] = useState(false)

  const sortField = p.sort?.replace(/^-/, '')
  const descending = p.sort?.startsWith('-') ?? false
  const ariaSort = (c: Column<T>) => (c.sortKey && c.sortKey === sortField ? (descending ? 'descending' : 'ascending') : undefined)

  return (
    <div className="data-table">
      <div className="data-table-tools">
        <button type="button" className="btn btn-small btn-ghost" aria-expanded={chooserOpen} onClick={() => setChooserOpen((o) => !o)}>
          {t('table.columns')}
        </button>
        {chooserOpen && (
          <fieldset className="column-chooser">
            <legend>{t('table.chooseColumns')}</legend>
            {p.columns.map((c) => (
              <label key={c.key}>
                <input
                  type="checkbox"
                  checked={visible.has(c.key)}
                  onChange={(e) => {
                    const next = new Set(visible)
                    if (e.target.checked) next.add(c.key)
                    else if (next.size > 1) next.delete(c.key)
                    setVisible(next)
                  }}
                />{' '}
                {c.header}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {/* A table wider than the window scrolls sideways: focusable, so the keyboard can scroll it too (axe scrollable-region-focusable). */}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{p.caption}</caption>
          <thead>
            <tr>
              {shown.map((c) => (
                <th key={c.key} scope="col" aria-sort={ariaSort(c)} className={c.align === 'end' ? 'num' : undefined}>
                  {c.sortKey && p.onSort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => p.onSort?.(c.sortKey === sortField && !descending ? `-${c.sortKey}` : (c.sortKey ?? ''))}
                    >
                      {c.header}
                      <span aria-hidden="true">{c.sortKey === sortField ? (descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => (
              <tr
                key={p.rowKey(row)}
                className={p.onRowClick ? 'clickable' : undefined}
                onClick={p.onRowClick ? () => p.onRowClick?.(row) : undefined}
              >
                {shown.map((c) => (
                  <td key={c.key} className={c.align === 'end' ? 'num' : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.error ? <ErrorState error={p.error} {...(p.onRetry && { onRetry: p.onRetry })} /> : null}
      {!p.error && p.loading && p.rows.length === 0 ? <Loading /> : null}
      {!p.error && !p.loading && p.rows.length === 0 ? <Empty>{p.empty}</Empty> : null}
      {p.paging && (p.paging.hasNext || p.paging.hasPrevious) && (
        <nav className="pager" aria-label={t('table.pages')}>
          <button type="button" className="btn btn-small" disabled={!p.paging.hasPrevious} onClick={p.paging.previous}>
            {t('table.previous')}
          </button>
          <span>{t('table.page', { page: p.paging.page })}</span>
          <button type="button" className="btn btn-small" disabled={!p.paging.hasNext} onClick={p.paging.next}>
            {t('table.next')}
          </button>
        </nav>
      )}
    </div>
  )
}

function useVisibleColumns<T>(id: string, columns: Column<T>[]): [Set<string>, (s: Set<string>) => void] {
  const storageKey = `rapport.columns.${id}`
  const [visible, setVisibleState] = useState<Set<string>>(() => {
    const saved = localStorage.getItem(storageKey)
    if (saved) {
      try {
        const keys = (JSON.parse(saved) as unknown[]).filter((k): k is string => typeof k === 'string' && columns.some((c) => c.key === k))
        if (keys.length > 0) return new Set(keys)
      } catch {
        // a damaged entry falls back to the defaults
      }
    }
    return new Set(columns.filter((c) => !c.hiddenByDefault).map((c) => c.key))
  })
  const setVisible = (s: Set<string>) => {
    localStorage.setItem(storageKey, JSON.stringify([...s]))
    setVisibleState(s)
  }
  return [visible, setVisible]
}
