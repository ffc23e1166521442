import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter } from 'react-router'

/** The fake server: every request the page makes, answered by `answer` (set per test) and recorded as sent. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; query: URLSearchParams; type: string | null; text: string }> = []
  const state = { answer: (_method: string, _path: string, _query: URLSearchParams, _text: string): { status: number; body: unknown } => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const url = new URL(req.url)
    const text = req.method === 'GET' ? '' : await req.text()
    calls.push({ method: req.method, path: url.pathname, query: url.searchParams, type: req.headers.get('content-type'), text })
    const a = state.answer(req.method, url.pathname, url.searchParams, text)
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { Article } from '../api/kb-types.ts'
import KnowledgePage from './KnowledgePage.tsx'

const ARTICLES = '/api/v1/kb/articles'
const IMPORT = '/api/v1/kb/articles/import'

const article = (id: number, over: Partial<Article> = {}): Article => ({
  id, external_id: null, lang: 'en', category: 'Shipping', title: `Question ${id}`, questions: [], body: `Answer ${id}`, status: 'published', version: 1,
  created_by: 'agent@demo.rapport.local', created_at: '2026-11-01T08:00:00.000Z', updated_at: '2026-11-02T08:00:00.000Z', ...over,
})

/** Lists `rows`; imports answer with `importReply`. */
function workspace(rows: Article[], importReply: (text: string) => { status: number; body: unknown } = () => ({ status: 404, body: {} })) {
  server.state.answer = (m, p, _q, text) => {
    if (m === 'GET' && p === ARTICLES) return { status: 200, body: { data: rows, next_cursor: null } }
    if (m === 'POST' && p === IMPORT) return importReply(text)
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
}

async function renderPage(permissions: Permission[] = ['customers:read', 'pii:read', 'desk:reply', 'kb:write']) {
  const session: Session = {
    user: { id: 1, email: 'agent@example.com', name: 'A', locale: 'en' }, actor: 'agent@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: 'agent', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <MemoryRouter initialEntries={['/knowledge']}>
            <KnowledgePage />
          </MemoryRouter>
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  await screen.findByRole('heading', { name: 'Knowledge base', level: 1 })
}

const lists = () => server.calls.filter((c) => c.method === 'GET' && c.path === ARTICLES)
const imports = () => server.calls.filter((c) => c.path === IMPORT)

function chooseFile(name: string, text: string) {
  const input = document.querySelector('[data-control=kb-import-file]')
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input')
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } })
}

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
  localStorage.clear()
})
afterEach(cleanup)

describe('knowledge base list', () => {
  test('a refused import lists every problem with its line and column, and nothing is listed as imported', async () => {
    const csv = 'question,answer,language\nWhere is my order?,Track it in your account.,en\nRefund?,,fr\n'
    workspace([], () => ({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: '1 of 2 rows are not valid, so nothing was imported: kb.csv:3: answer: is required; kb.csv:3: language: "fr" is not a language of the knowledge base',
          details: [
            { path: 'kb.csv:3: answer', message: 'is required' },
            { path: 'kb.csv:3: language', message: '"fr" is not a language of the knowledge base: use en, zh or zh-CN' },
          ],
        },
      },
    }))
    await renderPage()
    chooseFile('kb.csv', csv)
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    const box = await waitFor(() => {
      const el = document.getElementById('kb-import-errors')
      if (!el) throw new Error('no errors yet')
      return el
    })
    expect(within(box).getByText('Nothing was imported: 2 problems to fix in the file.')).toBeTruthy()
    const items = within(box).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      'Line 3, answer: is required',
      'Line 3, language: "fr" is not a language of the knowledge base: use en, zh or zh-CN',
    ])
    expect(items.map((li) => [li.getAttribute('data-line'), li.getAttribute('data-column')])).toEqual([['3', 'answer'], ['3', 'language']])
    expect(document.getElementById('kb-import-counts')).toBeNull()
    // The file went as it is: its text, as text/csv, named so the errors name it.
    expect(imports().map((c) => [c.method, c.type, c.text, c.query.get('file_name')])).toEqual([['POST', 'text/csv', csv, 'kb.csv']])
  })

  test('an import that is not about rows shows the server’s one message', async () => {
    workspace([], () => ({ status: 400, body: { error: { code: 'validation_failed', message: 'kb.csv: the file is empty; the first line must be the header question,answer,language' } } }))
    await renderPage()
    chooseFile('kb.csv', '')
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(await screen.findByText(/the file is empty/)).toBeTruthy()
    expect(within(document.getElementById('kb-import-errors') as HTMLElement).queryAllByRole('listitem')).toEqual([])
  })

  test('an import shows its counts and the list is asked again', async () => {
    workspace([article(1)], () => ({ status: 200, body: { file: 'faq.csv', read: 2, inserted: 1, updated: 1, unchanged: 0 } }))
    await renderPage()
    await screen.findByText('Question 1')
    const before = lists().length
    chooseFile('faq.csv', 'question,answer,language\na,b,en\nc,d,zh\n')
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    const counts = await waitFor(() => {
      const el = document.getElementById('kb-import-counts')
      if (!el) throw new Error('no counts yet')
      return el
    })
    expect([...counts.querySelectorAll('[data-count]')].map((li) => [li.getAttribute('data-count'), li.textContent])).toEqual([
      ['read', 'Rows read: 2'], ['inserted', 'New articles: 1'], ['updated', 'Articles updated: 1'], ['unchanged', 'Unchanged: 0'],
    ])
    await waitFor(() => expect(lists().length).toBe(before + 1))
  })

  test('the search is sent once typing pauses, not per key; language and status go with it; the answer is shown as text', async () => {
    workspace([article(1, { lang: 'zh', title: '怎么退货？', body: '<img src=x onerror=alert(1)>在订单页申请退货。' })])
    await renderPage()
    await screen.findByText('怎么退货？')
    expect(lists().map((c) => c.query.get('sort'))).toEqual(['-updated_at'])
    // The answer's markup is characters in the cell, never an element.
    const cell = screen.getByText(/在订单页申请退货/)
    expect(cell.textContent).toBe('<img src=x onerror=alert(1)>在订单页申请退货。')
    expect(document.querySelector('#main img, table img')).toBeNull()

    const search = screen.getByRole('searchbox', { name: 'Search' })
    fireEvent.change(search, { target: { value: '退' } })
    fireEvent.change(search, { target: { value: '退货' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'published' } })
    await waitFor(() => expect(lists().length).toBe(2))
    await new Promise((r) => setTimeout(r, 400))
    expect(lists().length).toBe(2)
    const q = lists()[1]?.query
    expect([q?.get('q'), q?.get('lang'), q?.get('status'), q?.get('category')]).toEqual(['退货', 'zh', 'published', null])

    fireEvent.click(screen.getByRole('button', { name: /^Updated/ }))
    await waitFor(() => expect(lists().at(-1)?.query.get('sort')).toBe('updated_at'))
  })

  test('a viewer reads the list: no new article, no import, a note that writing needs the permission', async () => {
    workspace([article(1)])
    await renderPage(['customers:read'])
    await screen.findByText('Question 1')
    expect(document.getElementById('kb-read-only')).not.toBeNull()
    expect(screen.queryByRole('link', { name: 'New article' })).toBeNull()
    expect(document.getElementById('kb-import')).toBeNull()
    expect(screen.getByRole('link', { name: 'Question 1' }).getAttribute('href')).toBe('/knowledge/1')
  })
})
