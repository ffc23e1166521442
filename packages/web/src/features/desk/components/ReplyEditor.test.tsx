import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes } from 'react-router'
import axe from 'axe-core'

/** The fake server: every request the editor makes, answered by `answer` (set per test) and recorded as sent. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; query: Record<string, string>; text: string }> = []
  const state = { answer: (_method: string, _path: string, _query: URLSearchParams, _text: string): { status: number; body: unknown } => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const url = new URL(req.url)
    const text = req.method === 'GET' ? '' : await req.text()
    calls.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), text })
    const a = state.answer(req.method, url.pathname, url.searchParams, text)
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { Canned, RenderedCanned } from '../api/canned.ts'
import { conversationKey } from '../api/desk.ts'
import type { NewMessage, Thread } from '../api/desk-types.ts'
import { thread } from '../routes/test-fixtures.ts'
import { ReplyEditor } from './ReplyEditor.tsx'

const LIST = '/api/v1/desk/canned'
const renderPath = (id: number) => `/api/v1/desk/conversations/7/canned/${id}/render`

const canned = (id: number, over: Partial<Canned> = {}): Canned => ({
  id, lang: 'en', title: `Reply ${id}`, shortcut: null, body: `Body ${id}`, created_by: 'agent@example.com',
  created_at: '2026-11-01T08:00:00.000Z', updated_at: '2026-11-02T08:00:00.000Z', ...over,
})

const SAVED: Canned[] = [
  canned(1, { title: 'Greeting', shortcut: '/hello', body: 'Hi {{ customer.first_name | default: "there" }}' }),
  canned(2, { title: 'Refund confirmed', shortcut: '/refund', body: 'Your refund is on its way{% if customer.email %}, see {{ customer.email }}{% endif %}.' }),
  canned(3, { title: 'Refund declined', shortcut: '/refund-no', body: 'Sorry, {{ customer.name }}.' }),
  canned(4, { lang: 'zh', title: '退款已确认', shortcut: '/tuikuan', body: '{{ customer.name }}您好，退款已原路退回。' }),
]

/** A workspace with SAVED, rendering each as `rendered(id)`; the list filters by lang and q as the server does. */
function workspace(rendered: (id: number) => { status: number; body: RenderedCanned | object }) {
  server.state.answer = (m, p, q, text) => {
    if (m === 'GET' && p === LIST) {
      const lang = q.get('lang')
      const s = q.get('q')?.toLowerCase()
      const data = SAVED.filter((c) => (!lang || c.lang === lang) && (!s || c.title.toLowerCase().includes(s) || c.body.toLowerCase().includes(s) || (c.shortcut ?? '').includes(s)))
      return { status: 200, body: { data, next_cursor: null } }
    }
    const r = /^\/api\/v1\/desk\/conversations\/7\/canned\/(\d+)\/render$/.exec(p)
    if (m === 'POST' && r) return rendered(Number(r[1]))
    if (m === 'POST' && p === '/api/v1/desk/conversations/7/messages') {
      const b = JSON.parse(text) as NewMessage
      return { status: 201, body: { ...thread(7, []), messages: [{ id: 1, author: b.author, body: b.body }] } }
    }
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
}

const TEXTS: Record<number, string> = {
  1: 'Hi Ada',
  2: 'Your refund is on its way, see ada@example.com.',
  3: 'Sorry, Ada Lovelace.',
  4: '王小明您好，退款已原路退回。',
}
const fine = (id: number) => ({ status: 200, body: { text: TEXTS[id] ?? '', missing: [] } })

function renderEditor(opts: { language?: string | null; cached?: Thread; permissions?: Permission[] } = {}) {
  const permissions = opts.permissions ?? ['customers:read', 'pii:read', 'desk:reply']
  const session: Session = {
    user: { id: 1, email: 'agent@example.com', name: 'Ann Agent', locale: 'en' }, actor: 'agent@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: 'agent', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  if (opts.cached) qc.setQueryData(conversationKey(7), opts.cached)
  const sent: Array<{ thread: Thread; kind: string }> = []
  render(
    <QueryClientProvider client={qc}>
      <SignedInSession.Provider value={session}>
        <MemoryRouter initialEntries={['/desk/7']}>
          <Routes>
            <Route
              path="/desk/7"
              element={<ReplyEditor conversationId={7} {...(opts.language !== undefined && { language: opts.language })} onSent={(th, kind) => sent.push({ thread: th, kind })} />}
            />
            <Route path="/desk/canned" element={<h1>Saved replies page</h1>} />
          </Routes>
        </MemoryRouter>
      </SignedInSession.Provider>
    </QueryClientProvider>,
  )
  return { sent }
}

const box = () => document.querySelector('#desk-reply [data-field=body]') as HTMLTextAreaElement
const type = (value: string, caret = value.length) => {
  fireEvent.change(box(), { target: { value } })
  box().setSelectionRange(caret, caret)
}
const search = () => document.querySelector('#desk-canned-picker [data-field=q]') as HTMLInputElement
const options = () => [...document.querySelectorAll('#desk-canned-picker-list [role=option]')]
const lists = () => server.calls.filter((c) => c.method === 'GET' && c.path === LIST).map((c) => c.query)
const renders = () => server.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/render')).map((c) => c.path)

async function openPicker() {
  fireEvent.click(screen.getByRole('button', { name: 'Insert saved reply' }))
  const dialog = await screen.findByRole('dialog', { name: 'Insert a saved reply' })
  await waitFor(() => expect(options().length).toBeGreaterThan(0))
  return dialog
}

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
  workspace(fine)
})
afterEach(cleanup)

describe('reply editor: saved replies', () => {
  test('nothing is asked until the picker opens; it lists replies in the conversation language, and Enter inserts the chosen one at the cursor through the render call', async () => {
    renderEditor({ language: 'en' })
    expect(server.calls).toEqual([])
    type('Dear customer,\n\nThanks.', 'Dear customer,\n\n'.length)

    const dialog = await openPicker()
    expect(lists()).toEqual([{ limit: '50', sort: 'title', lang: 'en' }])
    expect(options().map((o) => o.getAttribute('data-canned'))).toEqual(['1', '2', '3'])
    // The search box is a combobox pointing at the first option.
    await waitFor(() => expect(document.activeElement).toBe(search()))
    expect(search().getAttribute('aria-activedescendant')).toBe('desk-canned-option-1')
    expect(options()[0]?.textContent).toContain('/hello')

    fireEvent.change(search(), { target: { value: 'refund' } })
    await waitFor(() => expect(options().map((o) => o.getAttribute('data-canned'))).toEqual(['2', '3']))
    expect(lists().at(-1)).toEqual({ limit: '50', sort: 'title', lang: 'en', q: 'refund' })
    fireEvent.keyDown(search(), { key: 'ArrowDown' })
    fireEvent.keyDown(search(), { key: 'ArrowDown' })
    fireEvent.keyDown(search(), { key: 'ArrowUp' })
    expect(search().getAttribute('aria-activedescendant')).toBe('desk-canned-option-2')
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(search(), { key: 'Enter' })

    await waitFor(() => expect(box().value).toBe('Dear customer,\n\nYour refund is on its way, see ada@example.com.Thanks.'))
    expect(renders()).toEqual([renderPath(2)])
    expect(dialog.isConnected).toBe(false)
    expect(document.getElementById('desk-canned-missing')).toBeNull()
    // The cursor is just after the inserted text, in the box.
    expect(document.activeElement).toBe(box())
    expect(box().selectionStart).toBe('Dear customer,\n\nYour refund is on its way, see ada@example.com.'.length)
  })

  test('a click inserts into an empty box, replacing it; the rendered text is what is then sent', async () => {
    const { sent } = renderEditor({ language: 'en' })
    type('  \n')
    await openPicker()
    fireEvent.click(options()[0] as Element)
    await waitFor(() => expect(box().value).toBe('Hi Ada'))
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }))
    await waitFor(() => expect(sent.map((s) => s.kind)).toEqual(['reply']))
    const posted = server.calls.filter((c) => c.path.endsWith('/messages')).map((c) => JSON.parse(c.text) as unknown)
    expect(posted).toEqual([{ author: 'agent', body: 'Hi Ada' }])
    expect(box().value).toBe('')
  })

  test('merge fields that are empty for the conversation are named in a warning until checked', async () => {
    workspace((id) => ({ status: 200, body: { text: id === 2 ? 'Your refund is on its way.' : 'Hi there', missing: ['customer.first_name', 'customer.email'] } }))
    renderEditor({ language: 'en' })
    await openPicker()
    fireEvent.click(options()[1] as Element)
    const warning = await waitFor(() => {
      const w = document.getElementById('desk-canned-missing')
      if (!w) throw new Error('no warning yet')
      return w
    })
    expect(box().value).toBe('Your refund is on its way.')
    expect(warning.getAttribute('role')).toBe('alert')
    expect(warning.getAttribute('data-missing')).toBe('customer.first_name customer.email')
    expect([...warning.querySelectorAll('[data-missing-field]')].map((li) => li.textContent)).toEqual([
      "the customer's first name (a Chinese name whole) (customer.first_name)",
      "the customer's e-mail address (customer.email)",
    ])
    expect(warning.textContent).toContain('Check the reply before sending')
    fireEvent.click(within(warning).getByRole('button', { name: 'I have checked it' }))
    expect(document.getElementById('desk-canned-missing')).toBeNull()
  })

  test('typing a shortcut in the empty box offers the replies it starts; Enter inserts the highlighted one in its place, Escape hides them', async () => {
    renderEditor({ language: 'zh' })
    type('/ref')
    const offered = () => [...document.querySelectorAll('#desk-canned-shortcuts [data-shortcut]')].map((b) => b.getAttribute('data-shortcut'))
    await waitFor(() => expect(offered()).toEqual(['/refund', '/refund-no']))
    // Shortcuts are unique in the workspace: they are looked up in every language.
    expect(lists().at(-1)).toEqual({ limit: '20', sort: 'shortcut', q: '/ref' })
    expect(document.getElementById('desk-canned-shortcuts-status')?.textContent).toBe('2 saved replies match this shortcut. Up and Down choose, Enter inserts one, Escape hides the list.')

    fireEvent.keyDown(box(), { key: 'Escape' })
    expect(offered()).toEqual([])
    type('/refund')
    await waitFor(() => expect(offered()).toEqual(['/refund', '/refund-no']))
    fireEvent.keyDown(box(), { key: 'ArrowDown' })
    expect(document.querySelector('#desk-canned-shortcuts [data-active=true]')?.getAttribute('data-shortcut')).toBe('/refund-no')
    fireEvent.keyDown(box(), { key: 'Enter' })
    await waitFor(() => expect(box().value).toBe('Sorry, Ada Lovelace.'))
    expect(renders()).toEqual([renderPath(3)])
    expect(offered()).toEqual([])

    // A box that holds more than a shortcut asks nothing.
    const before = server.calls.length
    type('/refund please')
    await new Promise((r) => setTimeout(r, 300))
    expect(server.calls.length).toBe(before)
  })

  test('the language comes from the loaded thread when not given; it can be widened to every language; mixed offers every language', async () => {
    renderEditor({ cached: thread(7, [], { language: 'zh' }) })
    await openPicker()
    expect(lists()).toEqual([{ limit: '50', sort: 'title', lang: 'zh' }])
    expect(options().map((o) => o.getAttribute('data-canned'))).toEqual(['4'])
    const only = screen.getByRole('checkbox', { name: "Only replies in Chinese, the conversation's language" }) as HTMLInputElement
    expect(only.checked).toBe(true)
    fireEvent.click(only)
    await waitFor(() => expect(options().length).toBe(4))
    expect(lists().at(-1)).toEqual({ limit: '50', sort: 'title' })
    cleanup()

    server.calls.length = 0
    renderEditor({ language: 'mixed' })
    await openPicker()
    expect(lists()).toEqual([{ limit: '50', sort: 'title' }])
    expect(screen.queryByRole('checkbox')).toBeNull()
  })

  test('a failed render is said in the picker and nothing is inserted; "Manage saved replies" opens the page', async () => {
    workspace(() => ({ status: 404, body: { error: { code: 'not_found', message: 'canned response 2 not found' } } }))
    renderEditor({ language: 'en' })
    type('Draft')
    const dialog = await openPicker()
    fireEvent.click(options()[1] as Element)
    const error = await within(dialog).findByRole('alert')
    expect(error.textContent).toBe('The saved reply could not be inserted: canned response 2 not found')
    expect(box().value).toBe('Draft')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    fireEvent.click(screen.getByRole('link', { name: 'Manage saved replies' }))
    await screen.findByRole('heading', { name: 'Saved replies page' })
  })

  test('in Chinese every label is translated', async () => {
    await i18n.changeLanguage('zh-CN')
    workspace((id) => ({ status: 200, body: { text: TEXTS[id] ?? '', missing: ['customer.email'] } }))
    renderEditor({ language: 'zh' })
    expect(screen.getByRole('link', { name: '管理常用回复' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '插入常用回复' }))
    await screen.findByRole('dialog', { name: '插入常用回复' })
    await waitFor(() => expect(options().length).toBe(1))
    expect(screen.getByRole('checkbox', { name: '只显示中文回复（会话的语言）' })).toBeTruthy()
    fireEvent.keyDown(search(), { key: 'Enter' })
    const warning = await waitFor(() => document.getElementById('desk-canned-missing') ?? Promise.reject(new Error('no warning')))
    expect(warning.textContent).toContain('发送前请检查回复')
    expect(warning.textContent).toContain('客户的电子邮箱 (customer.email)')
    expect(box().value).toBe('王小明您好，退款已原路退回。')
  })

  for (const lang of ['en', 'zh-CN'] as const) {
    test(`is axe-clean with the picker open, with shortcut matches and with the warning (${lang})`, async () => {
      await i18n.changeLanguage(lang)
      workspace((id) => ({ status: 200, body: { text: TEXTS[id] ?? '', missing: ['customer.email'] } }))
      renderEditor({ language: 'en' })
      const rules = { rules: { 'color-contrast': { enabled: false } } }
      fireEvent.click(document.getElementById('desk-canned-insert') as HTMLElement)
      await waitFor(() => expect(options().length).toBe(3))
      const picker = await axe.run(document.querySelector('dialog') as HTMLElement, rules)
      expect(picker.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
      fireEvent.keyDown(search(), { key: 'Enter' })
      await waitFor(() => expect(document.getElementById('desk-canned-missing')).not.toBeNull())
      type('/re')
      await waitFor(() => expect(document.querySelectorAll('#desk-canned-shortcuts [data-shortcut]').length).toBe(2))
      const form = await axe.run(document.getElementById('desk-reply') as HTMLElement, rules)
      expect(form.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
    })
  }
})
