import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter } from 'react-router'

/** The fake server: every request the page makes, answered by `answer` (set per test) and recorded with its body. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; body: unknown }> = []
  const state = { answer: (_method: string, _path: string, _body: unknown): { status: number; body: unknown } => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const path = new URL(req.url).pathname
    const text = req.method === 'GET' ? '' : await req.text()
    const body: unknown = text ? JSON.parse(text) : undefined
    calls.push({ method: req.method, path, body })
    const a = state.answer(req.method, path, body)
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { ChatWidget } from '../api/desk-types.ts'
import ChatWidgetPage from './ChatWidgetPage.tsx'

// The preview's script is only looked at here, never run (happy-dom loads no script files in tests): counted as
// loaded, so the test output is not a page of "file loading is disabled" errors.
const happyDOM = (window as unknown as { happyDOM?: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }).happyDOM
if (happyDOM) happyDOM.settings.handleDisabledFileLoadingAsSuccess = true

const WIDGET = '/api/v1/desk/widget'
const ROTATE = '/api/v1/desk/widget/rotate-key'
const KEY = 'pk_demoKey0123456789abcdefgh'

const stored = (over: Partial<ChatWidget> = {}): ChatWidget => ({
  site_key: KEY, enabled: true, allowed_origins: ['https://shop.example.com'], greeting_en: 'Hi! Ask me anything.', greeting_zh: '您好！有什么可以帮您？',
  min_confidence: 0.6, min_retrieval_share: 0.5, clarify_margin: 0.2, updated_at: '2026-12-01T08:00:00.000Z', ...over,
})

/**
 * A workspace's widget that PATCH and rotate really change, as the server would (origins normalised: a trailing
 * slash dropped). `refuse` answers a PATCH instead when it returns something.
 */
function workspace(opts: { refuse?: (body: unknown) => { status: number; body: unknown } | undefined } = {}) {
  let w = stored()
  let version = 0
  const next = () => new Date(Date.parse('2026-12-01T08:00:00.000Z') + ++version * 1000).toISOString()
  server.state.answer = (m, p, body) => {
    if (m === 'GET' && p === WIDGET) return { status: 200, body: w }
    if (m === 'PATCH' && p === WIDGET) {
      const refused = opts.refuse?.(body)
      if (refused) return refused
      const b = body as Partial<ChatWidget>
      w = { ...w, ...b, ...(b.allowed_origins && { allowed_origins: b.allowed_origins.map((o) => o.replace(/\/$/, '')) }), updated_at: next() }
      return { status: 200, body: w }
    }
    if (m === 'POST' && p === ROTATE) {
      w = { ...w, site_key: 'pk_rotatedKey9876543210zyxwv', updated_at: next() }
      return { status: 200, body: w }
    }
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
}

async function renderPage(permissions: Permission[] = ['customers:read', 'pii:read', 'settings:write', 'desk:reply'], heading = 'Chat widget') {
  const session: Session = {
    user: { id: 1, email: 'owner@example.com', name: 'O', locale: 'en' }, actor: 'owner@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: permissions.includes('settings:write') ? 'owner' : 'viewer', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <MemoryRouter initialEntries={['/desk/widget']}>
            <ChatWidgetPage />
          </MemoryRouter>
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  await screen.findByRole('heading', { name: heading, level: 1 })
  await waitFor(() => expect(document.getElementById('chat-widget-form')).not.toBeNull())
}

const control = (name: string) => {
  const el = document.querySelector(`#chat-widget-form [data-field=${name}]`)
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error(`no field ${name}`)
  return el
}
const type = (name: string, value: string) => fireEvent.change(control(name), { target: { value } })
const saveButton = () => document.getElementById('chat-widget-save') as HTMLButtonElement
const patches = () => server.calls.filter((c) => c.method === 'PATCH').map((c) => c.body)
/** The widget scripts the preview holds now (the ones it replaced are gone). */
const previewScripts = () => [...document.querySelectorAll<HTMLScriptElement>('#chat-preview script')]
const errorOf = (el: Element) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)).find((n) => n?.classList.contains('field-error'))?.textContent

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
  localStorage.clear()
})
afterEach(cleanup)

describe('chat widget settings', () => {
  test('loads the widget: the embed code with this origin and the key, the fields, Save off until something changes, and the live preview', async () => {
    workspace()
    localStorage.setItem(`rapport-chat:${KEY}`, 'ct_old-chat-token')
    await renderPage()
    const origin = window.location.origin
    expect(document.getElementById('chat-widget-snippet')?.textContent).toBe(`<script src="${origin}/widget/v1/chat-widget.js" data-site-key="${KEY}" data-lang="en" async></script>`)
    expect(document.getElementById('chat-widget-site-key')?.textContent).toBe(KEY)
    expect(control('allowed_origins').value).toBe('https://shop.example.com')
    expect(control('greeting_en').value).toBe('Hi! Ask me anything.')
    expect(control('greeting_zh').value).toBe('您好！有什么可以帮您？')
    expect([control('min_confidence').value, control('min_retrieval_share').value, control('clarify_margin').value]).toEqual(['0.6', '0.5', '0.2'])
    expect((screen.getByRole('switch', { name: 'Chat on' }) as HTMLInputElement).checked).toBe(true)
    expect(screen.getByText(/92\.3 % of test questions answered at 0\.954 precision/)).toBeTruthy()
    expect(saveButton().disabled).toBe(true)

    // The preview: the real script, shown open inside the preview, and a fresh chat (the old token is forgotten).
    const [script] = previewScripts()
    expect(previewScripts()).toHaveLength(1)
    expect(script?.getAttribute('src')).toBe('/widget/v1/chat-widget.js')
    expect([script?.dataset.siteKey, script?.dataset.lang]).toEqual([KEY, 'en'])
    const target = script?.dataset.target ?? ''
    expect(document.querySelector(`#chat-preview > ${target}`)).not.toBeNull()
    expect(localStorage.getItem(`rapport-chat:${KEY}`)).toBeNull()
    expect(screen.getByRole('link', { name: 'Open test page' }).getAttribute('href')).toBe(`/widget/v1/test-page?key=${KEY}&lang=en`)
    expect(screen.getByRole('link', { name: 'Open test page' }).getAttribute('target')).toBe('_blank')
  })

  test('the origins, one a line, become the PATCH body (only what changed); the server’s answer is shown and Save is off again', async () => {
    workspace()
    await renderPage()
    type('allowed_origins', ' https://shop.example.com \n\nhttps://m.shop.example.com/\n')
    expect(saveButton().disabled).toBe(false)
    fireEvent.click(saveButton())
    expect(await screen.findByText('Chat widget saved.')).toBeTruthy()
    expect(patches()).toEqual([{ allowed_origins: ['https://shop.example.com', 'https://m.shop.example.com/'] }])
    // The server normalised the origin: the form shows what is stored now.
    await waitFor(() => expect(control('allowed_origins').value).toBe('https://shop.example.com\nhttps://m.shop.example.com'))
    expect(saveButton().disabled).toBe(true)

    type('min_confidence', '0.75')
    fireEvent.click(screen.getByRole('switch', { name: 'Chat on' }))
    expect(screen.getByText(/Off: the chat tells visitors/)).toBeTruthy()
    fireEvent.click(saveButton())
    await waitFor(() => expect(patches()).toHaveLength(2))
    expect(patches()[1]).toEqual({ enabled: false, min_confidence: 0.75 })
  })

  test('an origin the server refuses is shown beside the field with its line, not as a message for the whole form', async () => {
    const message = '"https://shop.example.com/cart" is not an origin: give the scheme, host and port only (https://shop.example.com)'
    workspace({ refuse: () => ({ status: 400, body: { error: { code: 'validation_failed', message: 'invalid', details: [{ path: 'body.allowed_origins.1', message }] } } }) })
    await renderPage()
    type('allowed_origins', 'https://shop.example.com\n\nhttps://shop.example.com/cart')
    fireEvent.click(saveButton())
    await waitFor(() => expect(control('allowed_origins').getAttribute('aria-invalid')).toBe('true'))
    expect(errorOf(control('allowed_origins'))).toBe(`Line 3: ${message}`)
    expect(document.getElementById('chat-widget-error')).toBeNull()
    expect(control('allowed_origins').value).toBe('https://shop.example.com\n\nhttps://shop.example.com/cart')
  })

  test('the client’s rules refuse a policy number out of range and an empty greeting before anything is sent; a refusal with no field is said for the form', async () => {
    workspace({ refuse: () => ({ status: 403, body: { error: { code: 'forbidden', message: 'settings:write is needed' } } }) })
    await renderPage()
    type('clarify_margin', '1.5')
    type('greeting_en', '   ')
    fireEvent.click(saveButton())
    await waitFor(() => expect(control('clarify_margin').getAttribute('aria-invalid')).toBe('true'))
    expect(control('greeting_en').getAttribute('aria-invalid')).toBe('true')
    expect(patches()).toEqual([])

    type('clarify_margin', '0.25')
    type('greeting_en', 'Hello there')
    fireEvent.click(saveButton())
    await waitFor(() => expect(document.getElementById('chat-widget-error')?.textContent).toMatch(/^Not saved: Your role does not allow this\. \(settings:write is needed\)$/))
    expect(patches()).toEqual([{ greeting_en: 'Hello there', clarify_margin: 0.25 }])
  })

  test('the language switches the embed code, the test page and the preview (a fresh script replaces the old one)', async () => {
    workspace()
    await renderPage()
    const before = previewScripts()[0]
    fireEvent.click(within(document.getElementById('chat-widget-embed') as HTMLElement).getByRole('button', { name: 'Chinese' }))
    await waitFor(() => expect(previewScripts()[0]?.dataset.lang).toBe('zh'))
    expect(previewScripts()).toHaveLength(1)
    expect(before?.isConnected).toBe(false)
    expect(document.querySelector(before?.dataset.target ?? '#none')).toBeNull()
    expect(document.getElementById('chat-widget-snippet')?.textContent).toContain('data-lang="zh"')
    expect(screen.getByRole('button', { name: 'Chinese' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByRole('link', { name: 'Open test page' }).getAttribute('href')).toBe(`/widget/v1/test-page?key=${KEY}&lang=zh`)
  })

  test('copy puts the embed code on the clipboard', async () => {
    workspace()
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }))
    expect(await screen.findByText('Copied.')).toBeTruthy()
    expect(writeText).toHaveBeenCalledWith(document.getElementById('chat-widget-snippet')?.textContent)
  })

  test('a new site key is asked for first; then the embed code and the preview use it, and typed changes stay', async () => {
    workspace()
    await renderPage()
    type('greeting_zh', '欢迎光临！')
    fireEvent.click(screen.getByRole('button', { name: 'New site key' }))
    const dialog = await screen.findByRole('dialog')
    expect(server.calls.filter((c) => c.path === ROTATE)).toEqual([])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make a new key' }))
    await waitFor(() => expect(document.getElementById('chat-widget-site-key')?.textContent).toBe('pk_rotatedKey9876543210zyxwv'))
    expect(document.getElementById('chat-widget-snippet')?.textContent).toContain('data-site-key="pk_rotatedKey9876543210zyxwv"')
    expect(previewScripts().map((s) => s.dataset.siteKey)).toEqual(['pk_rotatedKey9876543210zyxwv'])
    expect(server.calls.filter((c) => c.path === ROTATE).map((c) => c.method)).toEqual(['POST'])
    expect(control('greeting_zh').value).toBe('欢迎光临！')
    expect(saveButton().disabled).toBe(false)
  })

  test('without settings:write everything is read-only: no Save, no new key, the fields cannot be changed; the preview still works', async () => {
    workspace()
    await renderPage(['customers:read'])
    expect(document.getElementById('chat-widget-read-only')).not.toBeNull()
    expect(document.getElementById('chat-widget-save')).toBeNull()
    expect(screen.queryByRole('button', { name: 'New site key' })).toBeNull()
    expect((control('allowed_origins') as HTMLTextAreaElement).readOnly).toBe(true)
    expect((control('min_confidence') as HTMLInputElement).readOnly).toBe(true)
    expect((control('enabled') as HTMLInputElement).disabled).toBe(true)
    expect(previewScripts()).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy()
  })

  test('in Chinese', async () => {
    workspace()
    await i18n.changeLanguage('zh-CN')
    await renderPage(undefined, '聊天窗口')
    expect(screen.getByRole('textbox', { name: '允许的来源' })).toBe(control('allowed_origins'))
    expect(screen.getByText(/92\.3% 的测试问题得到回答，准确率 0\.954/)).toBeTruthy()
    // The embed code and the preview start in the language the person works in.
    expect(document.getElementById('chat-widget-snippet')?.textContent).toContain('data-lang="zh"')
    expect(previewScripts()[0]?.dataset.lang).toBe('zh')
  })
})
