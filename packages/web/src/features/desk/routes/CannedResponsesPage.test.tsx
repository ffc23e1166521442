import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes } from 'react-router'
import axe from 'axe-core'

/** The fake server: every request the page makes, answered by `answer` (set per test) and recorded as sent. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; query: Record<string, string>; body: unknown }> = []
  const state = { answer: (_method: string, _path: string, _query: URLSearchParams, _body: unknown): { status: number; body?: unknown } => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const url = new URL(req.url)
    const text = req.method === 'GET' || req.method === 'DELETE' ? '' : await req.text()
    const body: unknown = text ? JSON.parse(text) : undefined
    calls.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body })
    const a = state.answer(req.method, url.pathname, url.searchParams, body)
    return new Response(a.status === 204 ? null : JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { Canned } from '../api/canned.ts'
import CannedResponsesPage from './CannedResponsesPage.tsx'

const LIST = '/api/v1/desk/canned'

const canned = (id: number, over: Partial<Canned> = {}): Canned => ({
  id, lang: 'en', title: `Reply ${id}`, shortcut: null, body: `Body ${id}`, created_by: 'agent@example.com',
  created_at: '2026-11-01T08:00:00.000Z', updated_at: '2026-11-02T08:00:00.000Z', ...over,
})

const REFUND = canned(2, { title: 'Refund confirmed', shortcut: '/refund', body: 'Hi {{ customer.first_name | default: "there" }},\n\nyour refund is on its way.' })
const ZH = canned(4, { lang: 'zh', title: '退款已确认', shortcut: null, body: '{{ customer.name }}您好，退款已原路退回。' })

/** A stored list the fake server keeps up to date; `refuse` answers a write instead when set. */
function workspace(start: Canned[], refuse?: (m: string, body: unknown) => { status: number; body: unknown } | undefined) {
  let stored = [...start]
  let next = 100
  server.state.answer = (m, p, q, body) => {
    const refused = m !== 'GET' ? refuse?.(m, body) : undefined
    if (refused) return refused
    if (m === 'GET' && p === LIST) {
      const lang = q.get('lang')
      const s = q.get('q')?.toLowerCase()
      const data = stored.filter((c) => (!lang || c.lang === lang) && (!s || `${c.title} ${c.body} ${c.shortcut ?? ''}`.toLowerCase().includes(s)))
      return { status: 200, body: { data, next_cursor: null } }
    }
    if (m === 'POST' && p === LIST) {
      const c = canned(next++, { shortcut: null, ...(body as Partial<Canned>) })
      stored = [...stored, c]
      return { status: 201, body: c }
    }
    const one = /^\/api\/v1\/desk\/canned\/(\d+)$/.exec(p)
    const id = Number(one?.[1])
    if (m === 'PATCH' && one) {
      stored = stored.map((c) => (c.id === id ? { ...c, ...(body as Partial<Canned>) } : c))
      return { status: 200, body: stored.find((c) => c.id === id) }
    }
    if (m === 'DELETE' && one) {
      stored = stored.filter((c) => c.id !== id)
      return { status: 204 }
    }
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
}

function renderPage(permissions: Permission[] = ['customers:read', 'pii:read', 'desk:reply']) {
  const session: Session = {
    user: { id: 1, email: 'agent@example.com', name: 'Ann Agent', locale: 'en' }, actor: 'agent@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: permissions.includes('desk:reply') ? 'agent' : 'viewer', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <MemoryRouter initialEntries={['/desk/canned']}>
            <Routes>
              <Route path="/desk/canned" element={<CannedResponsesPage />} />
            </Routes>
          </MemoryRouter>
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
}

const rows = () => [...document.querySelectorAll('#desk-canned tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()))
const loaded = async (n: number) => waitFor(() => expect(rows().length).toBe(n))
const control = (name: string) => {
  const el = document.querySelector(`#desk-canned-form [data-field=${name}]`)
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) throw new Error(`no field ${name}`)
  return el
}
const type = (name: string, value: string) => fireEvent.change(control(name), { target: { value } })
/** The error shown beside a field: the text its aria-describedby points at. */
const fieldError = (name: string) => {
  const ids = control(name).getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))?.textContent ?? null
}
const writes = () => server.calls.filter((c) => c.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }))

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
  localStorage.clear()
})
afterEach(cleanup)

describe('saved replies page', () => {
  test('lists title, language, shortcut and a plain-text preview of the body; the search and the language filter ask the server', async () => {
    workspace([REFUND, ZH])
    renderPage()
    await screen.findByRole('heading', { name: 'Saved replies', level: 1 })
    await loaded(2)
    expect(rows()).toEqual([
      ['Refund confirmed', 'English', '/refund', 'Hi {{ customer.first_name | default: "there" }}, your refund is on its way.', expect.any(String), 'Edit Delete'],
      ['退款已确认', 'Chinese', 'none', '{{ customer.name }}您好，退款已原路退回。', expect.any(String), 'Edit Delete'],
    ])
    expect(document.querySelector('#desk-canned [data-canned="4"]')?.getAttribute('lang')).toBe('zh')

    fireEvent.change(document.querySelector('#desk-canned-filters [data-filter=q]') as HTMLInputElement, { target: { value: '原路' } })
    await loaded(1)
    fireEvent.change(document.querySelector('#desk-canned-filters [data-filter=lang]') as HTMLSelectElement, { target: { value: 'en' } })
    await waitFor(() => expect(screen.getByText('No saved reply matches these filters.')).toBeTruthy())
    const asked = server.calls.filter((c) => c.method === 'GET').map((c) => c.query)
    expect(asked[0]).toEqual({ limit: '50', sort: 'title' })
    expect(asked.at(-1)).toEqual({ limit: '50', sort: 'title', q: '原路', lang: 'en' })
  })

  test('creating sends the fields as typed, with a merge field put in at the cursor, and the new reply is listed', async () => {
    workspace([REFUND])
    renderPage()
    await loaded(1)
    fireEvent.click(screen.getByRole('button', { name: 'New saved reply' }))
    const dialog = await screen.findByRole('dialog', { name: 'New saved reply' })
    expect(control('lang').value).toBe('en')
    type('title', '  Parcel late ')
    type('shortcut', '/late')
    type('body', 'Hi ,\n\nsorry about the wait.')
    const body = control('body') as HTMLTextAreaElement
    body.setSelectionRange(3, 3)
    fireEvent.click(within(dialog).getByRole('button', { name: /customer\.first_name/ }))
    expect(control('body').value).toBe('Hi {{ customer.first_name }},\n\nsorry about the wait.')
    expect(body.selectionStart).toBe('Hi {{ customer.first_name }}'.length)
    fireEvent.change(control('lang'), { target: { value: 'zh' } })
    fireEvent.change(control('lang'), { target: { value: 'en' } })

    fireEvent.click(within(dialog).getByRole('button', { name: 'Create saved reply' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(writes()).toEqual([
      { method: 'POST', path: LIST, body: { lang: 'en', title: 'Parcel late', shortcut: '/late', body: 'Hi {{ customer.first_name }},\n\nsorry about the wait.' } },
    ])
    expect(await screen.findByText('Saved reply Parcel late created.')).toBeTruthy()
    await loaded(2)
  })

  test('no shortcut sends no shortcut key; a malformed one is refused in the reader language before anything is sent', async () => {
    workspace([])
    renderPage()
    fireEvent.click(await screen.findByRole('button', { name: 'New saved reply' }))
    const dialog = await screen.findByRole('dialog')
    type('title', 'Thanks')
    type('body', 'Thanks!')
    type('shortcut', '/Thanks')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create saved reply' }))
    await waitFor(() => expect(fieldError('shortcut')).toBe('A shortcut is a slash followed by lowercase letters, digits, - or _ (at most 40 characters in all), like /refund.'))
    expect(control('shortcut').getAttribute('aria-invalid')).toBe('true')
    expect(writes()).toEqual([])
    type('shortcut', '  ')
    expect(fieldError('shortcut')).toBeNull()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create saved reply' }))
    await waitFor(() => expect(writes()).toEqual([{ method: 'POST', path: LIST, body: { lang: 'en', title: 'Thanks', body: 'Thanks!' } }]))
  })

  test('a 400 at body.body is shown beside the body, the typed text stays, and the dialog stays open', async () => {
    const message = 'line 1, column 4: unknown merge field "customer.nmae"; the merge fields are customer.name, customer.first_name, customer.email, agent.name, conversation.id, conversation.subject, workspace.name'
    workspace([], (m) => (m === 'POST' ? { status: 400, body: { error: { code: 'validation_failed', message: `the canned response is not valid: body.body: ${message}`, details: [{ path: 'body.body', message }] } } } : undefined))
    renderPage()
    fireEvent.click(await screen.findByRole('button', { name: 'New saved reply' }))
    const dialog = await screen.findByRole('dialog')
    type('title', 'Typo')
    type('body', 'Hi {{ customer.nmae }}')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create saved reply' }))
    await waitFor(() => expect(fieldError('body')).toBe(message))
    expect(control('body').getAttribute('aria-invalid')).toBe('true')
    expect(control('title').getAttribute('aria-invalid')).toBeNull()
    expect(control('body').value).toBe('Hi {{ customer.nmae }}')
    expect(document.getElementById('desk-canned-form-error')).toBeNull()
    expect(screen.getByRole('dialog')).toBe(dialog)
  })

  test('a 409 for a used shortcut is shown beside the shortcut', async () => {
    workspace([REFUND], (m) => (m === 'POST' ? { status: 409, body: { error: { code: 'conflict', message: 'the shortcut "/refund" is already used', details: [{ path: 'body.shortcut', message: 'the shortcut "/refund" is already used by another canned response' }] } } } : undefined))
    renderPage()
    await loaded(1)
    fireEvent.click(screen.getByRole('button', { name: 'New saved reply' }))
    const dialog = await screen.findByRole('dialog')
    type('title', 'Another refund')
    type('shortcut', '/refund')
    type('body', 'Refunded.')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create saved reply' }))
    await waitFor(() => expect(fieldError('shortcut')).toBe('the shortcut "/refund" is already used by another canned response'))
  })

  test('editing sends only what changed; removing the shortcut sends null', async () => {
    workspace([REFUND, ZH])
    renderPage()
    await loaded(2)
    fireEvent.click(screen.getByRole('button', { name: 'Edit the saved reply Refund confirmed' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit Refund confirmed' })
    const save = within(dialog).getByRole('button', { name: 'Save changes' }) as HTMLButtonElement
    expect(save.disabled).toBe(true)
    expect(control('body').value).toBe(REFUND.body)
    type('title', 'Refund approved')
    type('shortcut', '')
    fireEvent.click(save)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(writes()).toEqual([{ method: 'PATCH', path: `${LIST}/2`, body: { title: 'Refund approved', shortcut: null } }])
    await waitFor(() => expect(rows()[0]?.slice(0, 3)).toEqual(['Refund approved', 'English', 'none']))
  })

  test('deleting asks first; Cancel keeps the reply, the confirmation deletes it', async () => {
    workspace([REFUND, ZH])
    renderPage()
    await loaded(2)
    fireEvent.click(screen.getByRole('button', { name: 'Delete the saved reply 退款已确认' }))
    let dialog = await screen.findByRole('dialog', { name: 'Delete this saved reply?' })
    expect(dialog.textContent).toContain('退款已确认')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(writes()).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Delete the saved reply 退款已确认' }))
    dialog = await screen.findByRole('dialog')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete saved reply' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(writes()).toEqual([{ method: 'DELETE', path: `${LIST}/4`, body: undefined }])
    await loaded(1)
    expect(await screen.findByText('Saved reply 退款已确认 deleted.')).toBeTruthy()
  })

  test('without desk:reply the list is read-only: no new, edit or delete; a reply opens to read, with nothing to save', async () => {
    workspace([REFUND])
    renderPage(['customers:read'])
    await loaded(1)
    expect(document.getElementById('desk-canned')?.getAttribute('data-editable')).toBe('false')
    expect(document.getElementById('desk-canned-read-only')?.textContent).toContain('needs the permission to reply')
    expect(screen.queryByRole('button', { name: 'New saved reply' })).toBeNull()
    expect(screen.queryByRole('button', { name: /^(Edit|Delete) the saved reply/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'View the saved reply Refund confirmed' }))
    const dialog = await screen.findByRole('dialog', { name: 'Saved reply: Refund confirmed' })
    expect(document.getElementById('desk-canned-form')?.getAttribute('data-editable')).toBe('false')
    expect((control('title') as HTMLInputElement).readOnly).toBe(true)
    expect((control('body') as HTMLTextAreaElement).readOnly).toBe(true)
    expect((control('lang') as HTMLSelectElement).disabled).toBe(true)
    expect(within(dialog).queryByRole('button', { name: 'Save changes' })).toBeNull()
    expect(dialog.querySelectorAll('[data-insert-field]').length).toBe(0)
    expect(dialog.querySelectorAll('[data-merge-field]').length).toBe(7)
    fireEvent.submit(document.getElementById('desk-canned-form') as HTMLFormElement)
    expect(writes()).toEqual([])
    fireEvent.click(within(document.getElementById('desk-canned-form') as HTMLElement).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  test('in Chinese every label is translated, and the merge-field help is in Chinese', async () => {
    await i18n.changeLanguage('zh-CN')
    workspace([ZH])
    renderPage()
    await screen.findByRole('heading', { name: '常用回复', level: 1 })
    await loaded(1)
    expect(rows()[0]?.slice(0, 3)).toEqual(['退款已确认', '中文', '无'])
    fireEvent.click(screen.getByRole('button', { name: '新建常用回复' }))
    const dialog = await screen.findByRole('dialog', { name: '新建常用回复' })
    expect(control('lang').value).toBe('zh')
    expect(within(dialog).getByRole('button', { name: /customer\.name.*客户姓名/ })).toBeTruthy()
    expect(dialog.textContent).toContain('{{ customer.first_name | default: "您" }}')
    expect(within(dialog).getByRole('button', { name: '创建常用回复' })).toBeTruthy()
  })

  for (const lang of ['en', 'zh-CN'] as const) {
    test(`is axe-clean for an agent (list and open form) and for a viewer (${lang})`, async () => {
      await i18n.changeLanguage(lang)
      const rules = { rules: { 'color-contrast': { enabled: false } } }
      const violations = async (el: Element | null) => (await axe.run(el as HTMLElement, rules)).violations.map((v) => `${v.id}: ${v.help}`)
      workspace([REFUND, ZH], (m) => (m === 'POST' ? { status: 400, body: { error: { code: 'validation_failed', message: 'x', details: [{ path: 'body.body', message: 'unknown merge field "x"' }] } } } : undefined))
      renderPage()
      await loaded(2)
      expect(await violations(document.getElementById('desk-canned'))).toEqual([])
      fireEvent.click(document.getElementById('desk-canned-new') as HTMLElement)
      await screen.findByRole('dialog')
      type('title', 'x')
      type('body', '{{ x }}')
      fireEvent.click(document.getElementById('desk-canned-save') as HTMLElement)
      await waitFor(() => expect(fieldError('body')).not.toBeNull())
      expect(await violations(document.querySelector('dialog'))).toEqual([])
      cleanup()

      renderPage(['customers:read'])
      await loaded(2)
      expect(await violations(document.getElementById('desk-canned'))).toEqual([])
      fireEvent.click(document.querySelector('[data-action=view][data-canned="4"]') as HTMLElement)
      await screen.findByRole('dialog')
      expect(await violations(document.querySelector('dialog'))).toEqual([])
    })
  }
})
