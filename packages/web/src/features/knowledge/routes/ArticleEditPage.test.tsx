import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes } from 'react-router'

/** The fake server: every request the page makes, answered by `answer` (set per test) and recorded with its If-Match. */
const server = vi.hoisted(() => {
  type Reply = { status: number; body?: unknown; etag?: string }
  const calls: Array<{ method: string; path: string; body: unknown; ifMatch: string | null }> = []
  const state = { answer: (_method: string, _path: string, _body: unknown): Reply => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const path = new URL(req.url).pathname
    const text = req.method === 'GET' ? '' : await req.text()
    const body: unknown = text ? JSON.parse(text) : undefined
    calls.push({ method: req.method, path, body, ifMatch: req.headers.get('if-match') })
    const a = state.answer(req.method, path, body)
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(a.etag && { etag: a.etag }) }
    return new Response(a.status === 204 ? null : JSON.stringify(a.body), { status: a.status, headers })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { Article } from '../api/kb-types.ts'
import ArticleEditPage from './ArticleEditPage.tsx'

const ARTICLES = '/api/v1/kb/articles'

const article = (over: Partial<Article> = {}): Article => ({
  id: 7, external_id: null, lang: 'zh', category: '配送', title: '多久发货？', questions: ['什么时候发货', '几天能发出'], body: '下单后 24 小时内发货。', status: 'draft', version: 3,
  created_by: 'agent@demo.rapport.local', created_at: '2026-11-01T08:00:00.000Z', updated_at: '2026-11-02T08:00:00.000Z', ...over,
})
const etagOf = (a: Article) => `"kb-${a.id}-v${a.version}"`

function renderPage(at: string, permissions: Permission[] = ['customers:read', 'pii:read', 'desk:reply', 'kb:write']) {
  const session: Session = {
    user: { id: 1, email: 'agent@example.com', name: 'A', locale: 'en' }, actor: 'agent@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: 'agent', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <MemoryRouter initialEntries={[at]}>
            <Routes>
              <Route path="/knowledge/new" element={<ArticleEditPage />} />
              <Route path="/knowledge/:id" element={<ArticleEditPage />} />
              <Route path="/knowledge" element={<p>the list</p>} />
            </Routes>
          </MemoryRouter>
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
}

const control = (name: string) => {
  const el = document.querySelector(`#article-form [data-field=${name}]`)
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) throw new Error(`no field ${name}`)
  return el
}
const type = (name: string, value: string) => fireEvent.change(control(name), { target: { value } })
const writes = () => server.calls.filter((c) => c.method !== 'GET')

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
})
afterEach(cleanup)

describe('knowledge base article editor', () => {
  test('creating sends the fields as the POST body (trimmed, no If-Match), then opens the new article without asking for it again', async () => {
    const created = article({ id: 12, version: 1, status: 'published', category: 'Shipping', title: '多久发货？', body: '<b>24 小时</b>内发货。\n周末也发。' })
    server.state.answer = (m, p) => (m === 'POST' && p === ARTICLES ? { status: 201, body: created, etag: etagOf(created) } : { status: 404, body: { error: { code: 'not_found', message: p } } })
    renderPage('/knowledge/new')
    await screen.findByRole('heading', { name: 'New article' })
    expect(control('lang').value).toBe('en')

    fireEvent.change(control('lang'), { target: { value: 'zh' } })
    fireEvent.change(control('status'), { target: { value: 'published' } })
    type('category', '  Shipping ')
    type('title', ' 多久发货？ ')
    type('body', '<b>24 小时</b>内发货。\n周末也发。')
    // The preview is the text as typed: the markup shows as characters, no element is made of it.
    const answer = document.getElementById('article-preview-answer')
    expect(answer?.textContent).toBe('<b>24 小时</b>内发货。\n周末也发。')
    expect(answer?.querySelector('b')).toBeNull()
    expect(answer?.getAttribute('lang')).toBe('zh')

    fireEvent.click(screen.getByRole('button', { name: 'Create article' }))
    await screen.findByRole('heading', { name: 'Article 12' })
    expect(writes()).toEqual([
      { method: 'POST', path: ARTICLES, ifMatch: null, body: { lang: 'zh', status: 'published', category: 'Shipping', title: '多久发货？', body: '<b>24 小时</b>内发货。\n周末也发。' } },
    ])
    expect(server.calls.filter((c) => c.method === 'GET')).toEqual([])
    expect(control('title').value).toBe('多久发货？')
    expect(await screen.findByText('Article created.')).toBeTruthy()
  })

  test('a new article without a question or an answer is refused at the fields, and nothing is sent', async () => {
    renderPage('/knowledge/new')
    await screen.findByRole('heading', { name: 'New article' })
    type('title', 'Where is my order?')
    fireEvent.click(screen.getByRole('button', { name: 'Create article' }))
    await waitFor(() => expect(control('body').getAttribute('aria-invalid')).toBe('true'))
    expect(control('title').getAttribute('aria-invalid')).toBeNull()
    expect(writes()).toEqual([])
  })

  test('a 412 on save keeps the typed text and says someone else changed it; Reload shows their version and the next save sends its ETag', async () => {
    let stored = article()
    let refuse = true
    server.state.answer = (m, p, body) => {
      if (p !== `${ARTICLES}/7`) return { status: 404, body: { error: { code: 'not_found', message: p } } }
      if (m === 'GET') return { status: 200, body: stored, etag: etagOf(stored) }
      if (m === 'PATCH' && refuse) return { status: 412, body: { error: { code: 'precondition_failed', message: 'knowledge base article 7 was changed since you read it' } } }
      if (m === 'PATCH') {
        stored = { ...stored, ...(body as Partial<Article>), version: stored.version + 1 }
        return { status: 200, body: stored, etag: etagOf(stored) }
      }
      return { status: 405, body: {} }
    }
    renderPage('/knowledge/7')
    await screen.findByRole('heading', { name: 'Article 7' })
    expect(control('body').value).toBe('下单后 24 小时内发货。')

    type('body', '我的新答案，还没保存。')
    // Meanwhile a colleague saves version 4.
    stored = { ...stored, version: 4, body: '同事的答案。' }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const notice = await screen.findByText(/changed by someone else/)
    expect(notice.closest('[role=alert]')?.id).toBe('article-stale')
    expect(control('body').value).toBe('我的新答案，还没保存。')
    expect(writes().map((c) => [c.method, c.ifMatch])).toEqual([['PATCH', '"kb-7-v3"']])
    expect(writes()[0]?.body).toEqual({ lang: 'zh', category: '配送', title: '多久发货？', questions: ['什么时候发货', '几天能发出'], body: '我的新答案，还没保存。', status: 'draft' })

    refuse = false
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(control('body').value).toBe('同事的答案。'))
    expect(document.getElementById('article-stale')).toBeNull()
    expect(document.getElementById('article-form')?.getAttribute('data-version')).toBe('4')

    fireEvent.change(control('status'), { target: { value: 'published' } })
    type('category', '')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Article saved.')).toBeTruthy()
    const last = writes().at(-1)
    expect(last?.ifMatch).toBe('"kb-7-v4"')
    // A cleared category is sent as null, so the stored one is removed rather than kept.
    expect(last?.body).toEqual({ lang: 'zh', category: null, title: '多久发货？', questions: ['什么时候发货', '几天能发出'], body: '同事的答案。', status: 'published' })
    await waitFor(() => expect(document.getElementById('article-form')?.getAttribute('data-version')).toBe('5'))
  })

  test('the server’s field errors are shown on their fields, not as a message for the whole form', async () => {
    const stored = article()
    const message = 'must not contain control characters'
    server.state.answer = (m) =>
      m === 'GET' ? { status: 200, body: stored, etag: etagOf(stored) } : { status: 400, body: { error: { code: 'validation_failed', message: 'invalid', details: [{ path: 'body.title', message }] } } }
    renderPage('/knowledge/7')
    await screen.findByRole('heading', { name: 'Article 7' })
    type('title', '多久发货？？')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(control('title').getAttribute('aria-invalid')).toBe('true'))
    const described = (control('title').getAttribute('aria-describedby') ?? '').split(' ')
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(message)
    expect(document.getElementById('article-error')).toBeNull()
    expect(control('title').value).toBe('多久发货？？')
  })

  test('the other questions are one a line: a new article sends them trimmed without blank lines, none sends no field', async () => {
    const created = article({ id: 13, version: 1, questions: ['几天能到', '什么时候发'] })
    server.state.answer = (m, p) => (m === 'POST' && p === ARTICLES ? { status: 201, body: created, etag: etagOf(created) } : { status: 404, body: { error: { code: 'not_found', message: p } } })
    renderPage('/knowledge/new')
    await screen.findByRole('heading', { name: 'New article' })
    const field = screen.getByRole('textbox', { name: 'Other ways customers ask' })
    expect(field).toBe(control('questions'))
    const hint = document.getElementById(field.getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toMatch(/chat assistant learns the article from the question above and these/)
    fireEvent.change(control('lang'), { target: { value: 'zh' } })
    type('title', '多久发货？')
    type('questions', ' 几天能到 \n\n  什么时候发\n   ')
    type('body', '24 小时内发货。')
    fireEvent.click(screen.getByRole('button', { name: 'Create article' }))
    await screen.findByRole('heading', { name: 'Article 13' })
    expect(writes()[0]?.body).toEqual({ lang: 'zh', status: 'draft', title: '多久发货？', questions: ['几天能到', '什么时候发'], body: '24 小时内发货。' })
    // The stored ones come back one a line.
    expect(control('questions').value).toBe('几天能到\n什么时候发')
  })

  test('an article shows its other questions one a line; clearing them sends [], and a refused one is named by its line', async () => {
    let stored = article()
    let refuse = true
    server.state.answer = (m, _p, body) => {
      if (m === 'GET') return { status: 200, body: stored, etag: etagOf(stored) }
      // The server names the index in the list sent: entry 1 is the third line (a blank line is not sent).
      if (m === 'PATCH' && refuse) return { status: 400, body: { error: { code: 'validation_failed', message: 'invalid', details: [{ path: 'body.questions.1', message: 'must not contain control characters' }] } } }
      stored = { ...stored, ...(body as Partial<Article>), version: stored.version + 1 }
      return { status: 200, body: stored, etag: etagOf(stored) }
    }
    renderPage('/knowledge/7')
    await screen.findByRole('heading', { name: 'Article 7' })
    expect(control('questions').value).toBe('什么时候发货\n几天能发出')

    type('questions', '什么时候发货\n\n几天能发出？')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(control('questions').getAttribute('aria-invalid')).toBe('true'))
    const described = (control('questions').getAttribute('aria-describedby') ?? '').split(' ')
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain('Line 3: must not contain control characters')
    expect(writes()[0]?.body).toMatchObject({ questions: ['什么时候发货', '几天能发出？'] })
    expect(document.getElementById('article-error')).toBeNull()

    refuse = false
    type('questions', '  ')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Article saved.')).toBeTruthy()
    expect(writes().at(-1)?.body).toMatchObject({ questions: [] })
    expect(control('questions').value).toBe('')
  })

  test('delete asks first, sends the ETag and goes back to the list', async () => {
    const stored = article()
    server.state.answer = (m) => (m === 'GET' ? { status: 200, body: stored, etag: etagOf(stored) } : m === 'DELETE' ? { status: 204 } : { status: 405, body: {} })
    renderPage('/knowledge/7')
    await screen.findByRole('heading', { name: 'Article 7' })
    fireEvent.click(screen.getByRole('button', { name: 'Delete article' }))
    const dialog = await screen.findByRole('dialog')
    expect(writes()).toEqual([])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete article' }))
    expect(await screen.findByText('the list')).toBeTruthy()
    expect(writes()).toEqual([{ method: 'DELETE', path: `${ARTICLES}/7`, body: undefined, ifMatch: '"kb-7-v3"' }])
    // Gone: it is not asked for again (a 404 would flash an error before the list).
    expect(server.calls.map((c) => c.method)).toEqual(['GET', 'DELETE'])
  })

  test('without kb:write the article is read-only: no save, no delete, the fields cannot be changed', async () => {
    const stored = article({ body: '<script>alert(1)</script>' })
    server.state.answer = () => ({ status: 200, body: stored, etag: etagOf(stored) })
    renderPage('/knowledge/7', ['customers:read'])
    await screen.findByRole('heading', { name: 'Article 7' })
    expect(document.getElementById('article-read-only')).not.toBeNull()
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Delete article' })).toBeNull()
    expect((control('body') as HTMLTextAreaElement).readOnly).toBe(true)
    expect((control('questions') as HTMLTextAreaElement).readOnly).toBe(true)
    expect((control('lang') as HTMLSelectElement).disabled).toBe(true)
    expect(document.getElementById('article-preview-answer')?.textContent).toBe('<script>alert(1)</script>')
    expect(document.querySelector('#article-preview script')).toBeNull()
  })
})
