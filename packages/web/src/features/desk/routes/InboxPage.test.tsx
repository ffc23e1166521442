import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'

/** The fake server: every request the page makes, answered by `answer` (set per test) and recorded as sent. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; query: URLSearchParams; text: string }> = []
  const state = { answer: (_method: string, _path: string, _query: URLSearchParams, _text: string): { status: number; body: unknown } => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const url = new URL(req.url)
    const text = req.method === 'GET' ? '' : await req.text()
    calls.push({ method: req.method, path: url.pathname, query: url.searchParams, text })
    const a = state.answer(req.method, url.pathname, url.searchParams, text)
    return a.status === 204 ? new Response(null, { status: 204 }) : new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { Conversation } from '../api/desk-types.ts'
import { agent, conversation } from './test-fixtures.ts'
import InboxPage from './InboxPage.tsx'

const LIST = '/api/v1/desk/conversations'
const COUNTS = '/api/v1/desk/conversations/counts'
const CLAIM = '/api/v1/desk/conversations/claim'
const ME = '/api/v1/desk/agents/me'

let claimReply: { status: number; body: unknown } = { status: 204, body: null }

function workspace(rows: Conversation[]) {
  server.state.answer = (m, p) => {
    if (m === 'GET' && p === LIST) return { status: 200, body: { data: rows, next_cursor: 'next-1' } }
    if (m === 'GET' && p === COUNTS) return { status: 200, body: { all: 12, mine: 2, unassigned: 5, needs_triage: 3, breaching: 1, teams: { '3': 4 } } }
    if (m === 'GET' && p === '/api/v1/desk/teams') return { status: 200, body: { data: [{ id: 3, name: 'Returns', assignment: 'round_robin', members: [] }] } }
    if (m === 'GET' && p === '/api/v1/desk/agents') return { status: 200, body: { data: [agent(1, 'Ann Agent'), agent(2, 'Bo Li')] } }
    if (m === 'POST' && p === CLAIM) return claimReply
    if (m === 'PATCH' && p === ME) return { status: 200, body: agent(1, 'Ann Agent', { presence: 'online' }) }
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
}

function Where() {
  const l = useLocation()
  return <output data-testid="where">{l.pathname + l.search}</output>
}

async function renderPage(permissions: Permission[] = ['customers:read', 'pii:read', 'desk:reply', 'kb:write'], heading = 'Service desk') {
  const session: Session = {
    user: { id: 1, email: 'agent@example.com', name: 'A', locale: 'en' }, actor: 'agent@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: permissions.includes('desk:reply') ? 'agent' : 'viewer', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <MemoryRouter initialEntries={['/desk']}>
            <Routes>
              <Route path="/desk" element={<InboxPage />} />
              <Route path="/desk/:id" element={<p>conversation page</p>} />
            </Routes>
            <Where />
          </MemoryRouter>
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  await screen.findByRole('heading', { name: heading, level: 1 })
}

const lists = () => server.calls.filter((c) => c.method === 'GET' && c.path === LIST)

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
  claimReply = { status: 204, body: null }
  localStorage.clear()
})
afterEach(cleanup)

describe('service desk inbox', () => {
  test('rows show subject, customer, status, priority with the differing suggestion, intent with its confidence, sentiment, wait and assignee', async () => {
    workspace([
      conversation(1, { assignee_id: 2, priority: 'normal', suggested_priority: 'high', ...({ sla_state: 'breached' } as Partial<Conversation>) }),
      conversation(2, { intent: null, intent_confidence: null, intent_source: null, triage_state: 'needs_triage', sentiment: 'neutral' }),
    ])
    await renderPage()
    const link = await screen.findByRole('link', { name: 'Where is my parcel 1?' })
    expect(link.getAttribute('href')).toBe('/desk/1')
    const [first, second] = screen.getAllByRole('row').slice(1)
    const cells = (r: HTMLElement | undefined) => within(r as HTMLElement).getAllByRole('cell').map((c) => c.textContent)
    expect(cells(first)).toEqual(['Where is my parcel 1?', '客户1', 'Open', 'Normal (suggested: High)', 'Delivery delay 87%', 'Negative', '3 hours ago SLA breached', 'Bo Li'])
    expect(cells(second)).toEqual(['Where is my parcel 2?', '客户2', 'Open', 'Normal', 'Needs triage', 'Neutral', '3 hours ago', 'Unassigned'])
    // The views, with the API's counts; one per team with its own.
    const views = within(screen.getByRole('navigation', { name: 'Inbox views' })).getAllByRole('button')
    expect(views.map((b) => b.textContent)).toEqual(['Mine2', 'Unassigned5', 'Needs triage3', 'Breaching SLA1', 'All unfinished12', 'Returns4'])
    expect(lists()[0]?.query.get('view')).toBe('all')
    expect(lists()[0]?.query.get('sort')).toBe('waiting_since')
  })

  test('a view, the filters, the sort and the next page each ask the server', async () => {
    workspace([conversation(1)])
    await renderPage()
    await screen.findByText('Where is my parcel 1?')
    fireEvent.click(screen.getByRole('button', { name: /^Needs triage/ }))
    await waitFor(() => expect(lists().at(-1)?.query.get('view')).toBe('needs_triage'))
    fireEvent.click(screen.getByRole('button', { name: /^Breaching SLA/ }))
    await waitFor(() => expect(lists().at(-1)?.query.get('view')).toBe('breaching'))
    fireEvent.click(screen.getByRole('button', { name: /^Returns/ }))
    await waitFor(() => expect([lists().at(-1)?.query.get('view'), lists().at(-1)?.query.get('team_id')]).toEqual(['team', '3']))

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: ' parcel ' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'pending' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Channel' }), { target: { value: 'chat' } })
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
    await waitFor(() => expect(lists().at(-1)?.query.get('q')).toBe('parcel'))
    const q = lists().at(-1)?.query
    expect([q?.get('view'), q?.get('team_id'), q?.get('status'), q?.get('language'), q?.get('channel')]).toEqual(['team', '3', 'pending', 'zh', 'chat'])

    fireEvent.click(screen.getByRole('button', { name: /^Priority/ }))
    await waitFor(() => expect(lists().at(-1)?.query.get('sort')).toBe('priority'))
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(lists().at(-1)?.query.get('cursor')).toBe('next-1'))
  })

  test('take next opens the claimed conversation; nothing waiting and at capacity are said', async () => {
    workspace([conversation(1)])
    await renderPage()
    await screen.findByText('Where is my parcel 1?')
    fireEvent.click(screen.getByRole('button', { name: 'Take next' }))
    expect(await screen.findByText('No conversation is waiting for you.')).toBeTruthy()

    claimReply = { status: 409, body: { error: { code: 'conflict', message: 'you already hold 10 unfinished conversations' } } }
    fireEvent.click(screen.getByRole('button', { name: 'Take next' }))
    expect(await screen.findByText(/as many unfinished conversations as your capacity allows/)).toBeTruthy()

    claimReply = { status: 200, body: conversation(9, { assignee_id: 1 }) }
    fireEvent.click(screen.getByRole('button', { name: 'Take next' }))
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/desk/9'))
    expect(server.calls.filter((c) => c.path === CLAIM).map((c) => c.text)).toEqual(['{}', '{}', '{}'])
  })

  test('the presence switch sets the agent online', async () => {
    workspace([conversation(1)])
    await renderPage()
    const toggle = await screen.findByRole('switch', { name: /Available/ })
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    fireEvent.click(toggle)
    await waitFor(() => expect(screen.getByRole('switch', { name: /Available/ }).getAttribute('aria-checked')).toBe('true'))
    expect(server.calls.filter((c) => c.path === ME).map((c) => [c.method, c.text])).toEqual([['PATCH', '{"presence":"online"}']])
  })

  test('a viewer reads the inbox: no take next, no presence, no mine view', async () => {
    workspace([conversation(1)])
    await renderPage(['customers:read'])
    await screen.findByText('Where is my parcel 1?')
    expect(document.getElementById('desk-read-only')).not.toBeNull()
    expect(screen.queryByRole('button', { name: 'Take next' })).toBeNull()
    expect(screen.queryByRole('switch')).toBeNull()
    expect(screen.queryByRole('button', { name: /^Mine/ })).toBeNull()
  })

  test('in Chinese', async () => {
    workspace([conversation(1, { priority: 'low', suggested_priority: 'urgent' })])
    await i18n.changeLanguage('zh-CN')
    await renderPage(['customers:read', 'desk:reply'], '服务台')
    await screen.findByText('配送延迟')
    expect(screen.getByText(/（建议：紧急）/)).toBeTruthy()
    expect(screen.getByText('3小时前')).toBeTruthy()
  })
})
