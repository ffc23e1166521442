import { afterEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import '../i18n/index.ts'
import { DataTable, type Column } from './DataTable.tsx'

interface Row {
  id: number
  name: string
  city: string
}
const rows: Row[] = [
  { id: 1, name: 'Ann', city: 'Hull' },
  { id: 2, name: 'Bo', city: 'York' },
]
const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', sortKey: 'name', render: (r) => r.name },
  { key: 'city', header: 'City', render: (r) => r.city },
  { key: 'id', header: 'Id', render: (r) => r.id, hiddenByDefault: true },
]

afterEach(() => {
  cleanup()
  localStorage.clear()
})

describe('DataTable', () => {
  test('asks the server for a sort: ascending first, then descending; aria-sort says which', () => {
    const onSort = vi.fn()
    const { rerender } = render(<DataTable id="t" caption="t" columns={columns} rows={rows} rowKey={(r) => r.id} sort="id" onSort={onSort} />)
    fireEvent.click(screen.getByRole('button', { name: /Name/ }))
    expect(onSort).toHaveBeenLastCalledWith('name')
    rerender(<DataTable id="t" caption="t" columns={columns} rows={rows} rowKey={(r) => r.id} sort="name" onSort={onSort} />)
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(screen.getByRole('button', { name: /Name/ }))
    expect(onSort).toHaveBeenLastCalledWith('-name')
  })

  test('the column chooser shows a hidden column, keeps at least one, and remembers the choice', () => {
    render(<DataTable id="t2" caption="t" columns={columns} rows={rows} rowKey={(r) => r.id} />)
    expect(screen.queryByRole('columnheader', { name: 'Id' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Columns' }))
    fireEvent.click(screen.getByLabelText('Id'))
    expect(screen.getByRole('columnheader', { name: 'Id' })).toBeTruthy()
    expect(JSON.parse(localStorage.getItem('rapport.columns.t2') ?? '[]')).toEqual(['name', 'city', 'id'])
    fireEvent.click(screen.getByLabelText('Name'))
    fireEvent.click(screen.getByLabelText('City'))
    fireEvent.click(screen.getByLabelText('Id'))
    // The last visible column cannot be hidden.
    expect(screen.getAllByRole('columnheader')).toHaveLength(1)
  })

  test('shows the empty state, the error state with retry, and paging buttons that follow hasNext/hasPrevious', () => {
    const retry = vi.fn()
    const next = vi.fn()
    const { rerender } = render(<DataTable id="t3" caption="t" columns={columns} rows={[]} rowKey={(r) => r.id} empty="No rows" />)
    expect(screen.getByText('No rows')).toBeTruthy()
    rerender(<DataTable id="t3" caption="t" columns={columns} rows={[]} rowKey={(r) => r.id} error={new Error('boom')} onRetry={retry} />)
    expect(screen.getByRole('alert').textContent).toContain('boom')
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(retry).toHaveBeenCalled()
    rerender(<DataTable id="t3" caption="t" columns={columns} rows={rows} rowKey={(r) => r.id} paging={{ page: 1, hasNext: true, hasPrevious: false, next, previous: vi.fn() }} />)
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(next).toHaveBeenCalled()
  })
})
