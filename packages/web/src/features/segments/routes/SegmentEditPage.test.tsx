import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes } from 'react-router'

/** The fake server: every request the page makes, answered by `answer` (set per test), recorded with its signal. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; body: unknown; signal: AbortSignal | null }> = []
  const state = { answer: (_method: string, _path: string, _body: unknown): { status: number; body: unknown } | Promise<{ status: number; body: unknown }> => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (input: Request) => {
    const req = input
    const path = new URL(req.url).pathname
    const text = req.method === 'GET' ? '' : await req.text()
    const body: unknown = text ? JSON.parse(text) : undefined
    calls.push({ method: req.method, path, body, signal: req.signal })
    const a = await state.answer(req.method, path, body)
    if (req.signal.aborted) throw new DOMException('aborted', 'AbortError')
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import SegmentEditPage from './SegmentEditPage.tsx'

const preview = (total: number, conditions: Array<[string, number]>) => ({
  total,
  sample: [{ id: 7, external_id: 'C-7', name: '王芳', email: 'w***@example.com', city: '上海' }],
  conditions: conditions.map(([path, count]) => ({ path, count })),
  sql: 'SELECT c.id FROM customers c WHERE c.city = $2',
  params: [1, '上海'],
  sql_inline: '',
  elapsed_ms: 3,
})

function renderPage(at = '/segments/new') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route path="/segments/new" element={<SegmentEditPage />} />
          <Route path="/segments/:id/edit" element={<SegmentEditPage />} />
          <Route path="/segments/:id" element={<p>segment page</p>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

const previews = () => server.calls.filter((c) => c.path === '/api/v1/segments/preview')
const condition = (path: string) => {
  const el = document.querySelector(`[data-path="${path}"]`)
  if (!(el instanceof HTMLElement)) throw new Error(`no node ${path}`)
  return el
}

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
})
afterEach(() => cleanup())

describe('segment builder page', () => {
  test('a half-written condition asks nothing; once filled, one preview is asked and its total and per-condition count are shown at that condition', async () => {
    server.state.answer = (m, p) => (p === '/api/v1/segments/preview' ? { status: 200, body: preview(42, [['$.conditions[0]', 42]]) } : { status: 200, body: { data: [], next_cursor: null } })
    renderPage()
    expect(await screen.findByText('Enter a value.')).toBeTruthy()
    await new Promise((r) => setTimeout(r, 600))
    expect(previews()).toHaveLength(0)

    fireEvent.change(within(condition('$.conditions[0]')).getByLabelText('Value'), { target: { value: '上海' } })
    await waitFor(() => expect(document.querySelector('#preview-total')?.textContent).toBe('42'))
    expect(previews()).toHaveLength(1)
    expect(previews()[0]?.body).toEqual({ tree: { type: 'all', conditions: [{ type: 'profile', field: 'city', op: 'is', value: '上海' }] }, sample: 20 })
    expect(within(condition('$.conditions[0]')).getByText('Alone: 42 customers')).toBeTruthy()
    expect(document.querySelector('#preview')?.getAttribute('data-preview')).toBe('current')
  })

  test('edits in quick succession send one preview; an edit while one is in flight aborts it, and only the newer answer is shown', async () => {
    let release: (() => void) | undefined
    server.state.answer = async (_m, p, body) => {
      if (p !== '/api/v1/segments/preview') return { status: 200, body: { data: [], next_cursor: null } }
      const city = ((body as { tree: { conditions: Array<{ value: string }> } }).tree.conditions[0]?.value) ?? ''
      if (city === 'slow') await new Promise<void>((r) => (release = r))
      return { status: 200, body: preview(city === 'slow' ? 1 : 2, [['$.conditions[0]', city === 'slow' ? 1 : 2]]) }
    }
    renderPage()
    const input = within(condition('$.conditions[0]')).getByLabelText('Value')
    fireEvent.change(input, { target: { value: 's' } })
    fireEvent.change(input, { target: { value: 'sl' } })
    fireEvent.change(input, { target: { value: 'slow' } })
    await waitFor(() => expect(previews()).toHaveLength(1))
    fireEvent.change(input, { target: { value: 'fast' } })
    expect(previews()[0]?.signal?.aborted).toBe(true)
    await waitFor(() => expect(document.querySelector('#preview-total')?.textContent).toBe('2'))
    await act(async () => release?.())
    expect(previews().map((c) => (c.body as { tree: { conditions: Array<{ value: string }> } }).tree.conditions[0]?.value)).toEqual(['slow', 'fast'])
    expect(document.querySelector('#preview-total')?.textContent).toBe('2')
  })

  test('a validation error is shown inside the node its path names', async () => {
    server.state.answer = (_m, p) =>
      p === '/api/v1/segments/preview'
        ? { status: 400, body: { error: { code: 'validation_failed', message: 'bad tree', details: [{ path: 'tree.conditions[1].window.last_days', message: 'must be at most 11000 days' }] } } }
        : { status: 200, body: { data: [], next_cursor: null } }
    renderPage()
    fireEvent.change(within(condition('$.conditions[0]')).getByLabelText('Value'), { target: { value: '上海' } })
    fireEvent.click(screen.getAllByRole('button', { name: 'Add condition' })[0] as HTMLElement)
    fireEvent.change(within(condition('$.conditions[1]')).getByLabelText('Field'), { target: { value: 'behaviour:orders' } })
    const error = await within(condition('$.conditions[1]')).findByText(/must be at most 11000 days/)
    expect(error.closest('[data-path]')?.getAttribute('data-path')).toBe('$.conditions[1]')
    expect(within(condition('$.conditions[0]')).queryByText(/11000/)).toBeNull()
    expect(document.querySelector('#preview')?.getAttribute('data-preview')).toBe('error')
  })

  test('groups nest at any depth: add a group, a condition inside it, switch it to NOT, remove it', async () => {
    server.state.answer = () => ({ status: 200, body: { data: [], next_cursor: null } })
    renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }))
    const group = condition('$.conditions[1]')
    expect(group.getAttribute('data-group')).toBe('any')
    fireEvent.click(within(group).getByRole('button', { name: 'Add condition' }))
    expect(condition('$.conditions[1].conditions[1]').getAttribute('data-type')).toBe('profile')
    fireEvent.click(within(condition('$.conditions[1]')).getByRole('button', { name: 'Add group' }))
    expect(condition('$.conditions[1].conditions[2]').getAttribute('data-group')).toBe('all')
    fireEvent.change(within(condition('$.conditions[1].conditions[2]')).getAllByLabelText('Match')[0] as HTMLElement, { target: { value: 'not' } })
    expect(condition('$.conditions[1].conditions[2].condition').getAttribute('data-type')).toBe('profile')
    fireEvent.click(screen.getByRole('button', { name: 'Remove 2' }))
    expect(document.querySelector('[data-path="$.conditions[1]"]')).toBeNull()
    expect(document.querySelectorAll('fieldset[data-type]')).toHaveLength(1)
  })

  test('Show SQL shows the compiled query and its parameters from the preview', async () => {
    server.state.answer = (_m, p) => (p === '/api/v1/segments/preview' ? { status: 200, body: preview(5, [['$.conditions[0]', 5]]) } : { status: 200, body: { data: [], next_cursor: null } })
    renderPage()
    fireEvent.change(within(condition('$.conditions[0]')).getByLabelText('Value'), { target: { value: '上海' } })
    fireEvent.click(await screen.findByRole('button', { name: 'Show SQL' }))
    const sql = document.querySelector('#preview-sql')
    expect(sql?.querySelector('pre')?.textContent).toBe('SELECT c.id FROM customers c WHERE c.city = $2')
    expect(sql?.textContent).toContain('"上海"')
    fireEvent.click(screen.getByRole('button', { name: 'Hide SQL' }))
    expect(document.querySelector('#preview-sql')).toBeNull()
  })

  test('the phrase box replaces the tree with the parsed one for review and lists the words not understood', async () => {
    const parsed = { type: 'all', conditions: [{ type: 'profile', field: 'city', op: 'is', value: '上海' }, { type: 'prediction', field: 'churn_band', op: 'is', value: 'high' }] }
    server.state.answer = (_m, p) =>
      p === '/api/v1/segments/parse'
        ? { status: 200, body: { tree: parsed, unknown: ['blorp'], lang: 'en', recognised: [] } }
        : p === '/api/v1/segments/preview'
          ? { status: 200, body: preview(3, [['$.conditions[0]', 9], ['$.conditions[1]', 4]]) }
          : { status: 200, body: { data: [], next_cursor: null } }
    renderPage()
    fireEvent.change(screen.getByLabelText('Phrase'), { target: { value: 'Shanghai high churn blorp' } })
    fireEvent.click(screen.getByRole('button', { name: 'Turn into conditions' }))
    expect((await screen.findByText('Not understood:')).parentElement?.textContent).toContain('blorp')
    expect(server.calls.find((c) => c.path === '/api/v1/segments/parse')?.body).toEqual({ text: 'Shanghai high churn blorp' })
    expect(condition('$.conditions[1]').getAttribute('data-type')).toBe('prediction')
    expect((within(condition('$.conditions[0]')).getByLabelText('Value') as HTMLInputElement).value).toBe('上海')
    await waitFor(() => expect(within(condition('$.conditions[1]')).getByText('Alone: 4 customers')).toBeTruthy())
    expect(server.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/segments/')).toBe(false)
  })

  test('editing a saved segment loads its tree and sends a PATCH without the kind (which cannot change), then opens the segment', async () => {
    const saved = {
      id: 5, name: 'Regulars', description: null, kind: 'dynamic', version: 2, refresh_every_hours: 24, member_count: 10, refreshed_at: null, refresh_job_id: null,
      created_by: 'm', created_at: '', updated_at: '', growth: [],
      tree: { type: 'any', conditions: [{ type: 'profile', field: 'city', op: 'is', value: '北京' }, { type: 'tag', op: 'any', value: ['vip'] }] },
    }
    server.state.answer = (m, p, body) => {
      if (p === '/api/v1/segments/5' && m === 'GET') return { status: 200, body: saved }
      if (p === '/api/v1/segments/5' && m === 'PATCH') return { status: 200, body: { ...saved, ...(body as object) } }
      if (p === '/api/v1/segments/preview') return { status: 200, body: preview(1, []) }
      return { status: 200, body: { data: [], next_cursor: null } }
    }
    renderPage('/segments/5/edit')
    expect((await screen.findByLabelText('Name') as HTMLInputElement).value).toBe('Regulars')
    expect((screen.getByLabelText('Kind') as HTMLSelectElement).disabled).toBe(true)
    expect((screen.getByLabelText('Refresh') as HTMLSelectElement).value).toBe('24')
    expect(condition('$').getAttribute('data-group')).toBe('any')
    expect((within(condition('$.conditions[1]')).getByLabelText('Tags') as HTMLInputElement).value).toBe('vip')
    fireEvent.change(within(condition('$.conditions[1]')).getByLabelText('Tags'), { target: { value: 'vip, new' } })
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Regulars 2' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save segment' }))
    expect(await screen.findByText('segment page')).toBeTruthy()
    const patch = server.calls.find((c) => c.method === 'PATCH')
    expect(patch?.body).toEqual({
      name: 'Regulars 2', description: null, refresh_every_hours: 24,
      tree: { type: 'any', conditions: [{ type: 'profile', field: 'city', op: 'is', value: '北京' }, { type: 'tag', op: 'any', value: ['vip', 'new'] }] },
    })
  })

  test('a refused save shows the server’s error at the node, and a name error at the name', async () => {
    server.state.answer = (m, p) => {
      if (p === '/api/v1/segments/' && m === 'POST') {
        return { status: 400, body: { error: { code: 'validation_failed', message: 'invalid', details: [{ path: 'body.name', message: 'already used in this workspace' }, { path: 'body.tree.conditions.0.value', message: 'too long' }] } } }
      }
      if (p === '/api/v1/segments/preview') return { status: 200, body: preview(1, [['$.conditions[0]', 1]]) }
      return { status: 200, body: { data: [], next_cursor: null } }
    }
    renderPage()
    fireEvent.change(within(condition('$.conditions[0]')).getByLabelText('Value'), { target: { value: '上海' } })
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Taken' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save segment' }))
    expect(await within(condition('$.conditions[0]')).findByText(/too long/)).toBeTruthy()
    expect(screen.getByText('already used in this workspace')).toBeTruthy()
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true')
    expect(server.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/segments/')?.body).toMatchObject({ name: 'Taken', kind: 'dynamic', refresh_every_hours: null })
  })
})
