import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes } from 'react-router'

/** The fake server: every request the page makes, answered by `answer` (set per test) and recorded as sent. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; text: string }> = []
  const state = { answer: (_method: string, _path: string, _text: string): { status: number; body: unknown } => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const url = new URL(req.url)
    const text = req.method === 'GET' ? '' : await req.text()
    calls.push({ method: req.method, path: url.pathname, text })
    const a = state.answer(req.method, url.pathname, text)
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { Conversation, Message, NewMessage, Thread } from '../api/desk-types.ts'
import ConversationPage from './ConversationPage.tsx'
import { agent, conversation, message, thread } from './test-fixtures.ts'

const ONE = '/api/v1/desk/conversations/7'
const MESSAGES = '/api/v1/desk/conversations/7/messages'

const TRIAGE = {
  reasons: [
    { factor: 'sentiment', effect: 1, en: 'the customer sounds unhappy (negative, confidence 70 %)', zh: '客户情绪负面（置信度 70 %）' },
    { factor: 'value', effect: 1, en: 'a top-fifth customer by lifetime value (percentile 91)', zh: '终身价值位于前五分之一的客户（百分位 91）' },
  ],
  top_intents: [{ label: 'delivery_delay', probability: 0.41 }, { label: 'refund_request', probability: 0.38 }],
  needs_triage: 'the intent model is not sure (delivery_delay at 41 %, below its threshold)',
}

/** A stored conversation the fake server keeps up to date as messages and changes arrive. */
function workspace(start: Thread) {
  let stored = start
  server.state.answer = (m, p, text) => {
    if (m === 'GET' && p === ONE) return { status: 200, body: stored }
    if (m === 'GET' && p === '/api/v1/desk/agents') return { status: 200, body: { data: [agent(1, 'Ann Agent'), agent(2, 'Bo Li')] } }
    if (m === 'GET' && p === '/api/v1/desk/teams') return { status: 200, body: { data: [{ id: 3, name: 'Returns', assignment: 'manual', members: [] }] } }
    if (m === 'POST' && p === MESSAGES) {
      const b = JSON.parse(text) as NewMessage
      const msg: Message = message(stored.messages.length + 100, { author: b.author, body: b.body, user_id: 1, user_name: 'Ann Agent' })
      stored = { ...stored, status: b.status ?? (b.author === 'agent' ? 'pending' : stored.status), messages: [...stored.messages, msg] }
      return { status: 201, body: stored }
    }
    if (m === 'PATCH' && p === ONE) {
      const b = JSON.parse(text) as Partial<Conversation>
      stored = { ...stored, ...b, ...(b.intent !== undefined && { intent_source: 'agent' as const, intent_confidence: null, triage_state: 'done' as const }) }
      const { messages: _messages, ...conv } = stored
      return { status: 200, body: conv }
    }
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
}

async function renderPage(permissions: Permission[] = ['customers:read', 'pii:read', 'desk:reply'], heading = 'Parcel late again') {
  const session: Session = {
    user: { id: 1, email: 'agent@example.com', name: 'Ann Agent', locale: 'en' }, actor: 'agent@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: permissions.includes('desk:reply') ? 'agent' : 'viewer', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <MemoryRouter initialEntries={['/desk/7']}>
            <Routes>
              <Route path="/desk/:id" element={<ConversationPage />} />
            </Routes>
          </MemoryRouter>
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  await screen.findByRole('heading', { name: heading, level: 1 })
}

const sent = (method: string, path: string) => server.calls.filter((c) => c.method === method && c.path === path).map((c) => JSON.parse(c.text) as unknown)
const panel = (id: string) => document.getElementById(id) as HTMLElement

const unsure = () =>
  thread(7, [
    message(1, { body: '<img src=x onerror=alert(1)>My parcel is late <b>again</b>.\nOrder 123.' }),
    message(2, { author: 'note', user_id: 2, user_name: 'Bo Li', body: 'VIP, be quick' }),
    message(3, { author: 'agent', user_id: 2, user_name: 'Bo Li', body: 'On it.', ...({ delivery: 'failed', delivery_error: 'mailbox full' } as Partial<Message>) }),
  ], { subject: 'Parcel late again', intent: null, intent_confidence: null, intent_source: null, triage_state: 'needs_triage', suggested_priority: 'urgent', priority: 'normal', triage: TRIAGE })

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
  localStorage.clear()
})
afterEach(cleanup)

describe('a service desk conversation', () => {
  test('the thread is text only, styled by author; the triage panel says why it is unsure and why the priority; the customer links to 360°', async () => {
    workspace(unsure())
    await renderPage()
    const items = within(panel('desk-thread')).getAllByRole('listitem')
    expect(items.map((li) => li.getAttribute('data-author'))).toEqual(['customer', 'note', 'agent'])
    expect(items.map((li) => li.className)).toEqual(['desk-message desk-message-customer', 'desk-message desk-message-note', 'desk-message desk-message-agent'])
    // An e-mailed reply that did not leave says so, with the mailer's words.
    expect(items[2]?.querySelector('[data-delivery]')?.textContent).toBe('Not delivered: mailbox full')
    // The markup is characters, never elements.
    expect(items[0]?.querySelector('.desk-message-body')?.textContent).toBe('<img src=x onerror=alert(1)>My parcel is late <b>again</b>.\nOrder 123.')
    expect(panel('desk-thread').querySelector('img, b')).toBeNull()
    expect(within(items[1] as HTMLElement).getByText('Bo Li')).toBeTruthy()

    const triage = panel('desk-triage')
    expect(triage.getAttribute('data-state')).toBe('needs_triage')
    expect(within(triage).getByText('The triage was not sure: please check the intent and sentiment.')).toBeTruthy()
    expect(within(triage).getByText(/below its threshold/)).toBeTruthy()
    expect(within(panel('desk-reasons')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'the customer sounds unhappy (negative, confidence 70 %)',
      'a top-fifth customer by lifetime value (percentile 91)',
    ])
    expect(triage.querySelector('[data-value=sentiment]')?.textContent).toBe('Negative 70%')
    expect(triage.querySelector('[data-value=suggested_priority]')?.textContent).toBe('Urgent')
    expect(screen.getAllByRole('link', { name: /客户7|360° view/ }).map((a) => a.getAttribute('href'))).toEqual(['/customers/47', '/customers/47'])
  })

  test('reply, reply and solve, and add note send what they say and show the new message; an empty one is not sent', async () => {
    workspace(unsure())
    await renderPage()
    const box = screen.getByRole('textbox', { name: 'Message' })
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }))
    expect(await screen.findByText('Write a message first.')).toBeTruthy()
    expect(sent('POST', MESSAGES)).toEqual([])

    fireEvent.change(box, { target: { value: 'Sorry, it ships today.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }))
    await screen.findByText('Reply sent.')
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('')
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Checked with the courier.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }))
    await screen.findByText('Note added.')
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Delivered, closing this.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Reply and solve' }))
    await screen.findByText('Reply sent and conversation solved.')
    expect(sent('POST', MESSAGES)).toEqual([
      { author: 'agent', body: 'Sorry, it ships today.' },
      { author: 'note', body: 'Checked with the courier.' },
      { author: 'agent', body: 'Delivered, closing this.', status: 'solved' },
    ])
    await waitFor(() => expect(within(panel('desk-thread')).getAllByRole('listitem').map((li) => li.getAttribute('data-author'))).toEqual(['customer', 'note', 'agent', 'agent', 'note', 'agent']))
    expect(document.querySelector('.desk-conversation')?.getAttribute('data-status')).toBe('solved')
  })

  test('an agent corrects intent and sentiment; the panel then says the agent set it', async () => {
    workspace(unsure())
    await renderPage()
    const form = panel('desk-correct')
    expect((within(form).getByRole('button', { name: 'Save labels' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(within(form).getByRole('combobox', { name: 'Intent' }), { target: { value: 'refund_request' } })
    fireEvent.change(within(form).getByRole('combobox', { name: 'Sentiment' }), { target: { value: 'neutral' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save labels' }))
    await screen.findByText('Labels saved.')
    expect(sent('PATCH', ONE)).toEqual([{ intent: 'refund_request', sentiment: 'neutral' }])
    await waitFor(() => expect(panel('desk-triage').getAttribute('data-intent-source')).toBe('agent'))
    expect(panel('desk-triage').querySelector('[data-value=intent]')?.textContent).toBe('Refund request (corrected by an agent)')
    // The thread is kept: PATCH answers without messages.
    expect(within(panel('desk-thread')).getAllByRole('listitem')).toHaveLength(3)
  })

  test('an intent none of the options has can be typed in', async () => {
    workspace(unsure())
    await renderPage()
    const form = panel('desk-correct')
    fireEvent.change(within(form).getByRole('combobox', { name: 'Intent' }), { target: { value: ' other' } })
    fireEvent.change(within(form).getByRole('textbox', { name: 'New intent' }), { target: { value: ' gift_wrapping ' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save labels' }))
    await screen.findByText('Labels saved.')
    expect(sent('PATCH', ONE)).toEqual([{ intent: 'gift_wrapping' }])
    await waitFor(() => expect(panel('desk-triage').querySelector('[data-value=intent] [data-intent]')?.textContent).toBe('gift_wrapping'))
  })

  test('the controls send only what changed', async () => {
    workspace(unsure())
    await renderPage()
    const form = panel('desk-controls')
    fireEvent.change(within(form).getByRole('combobox', { name: 'Assignee' }), { target: { value: '2' } })
    fireEvent.change(within(form).getByRole('combobox', { name: 'Priority' }), { target: { value: 'urgent' } })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Tags' }), { target: { value: 'vip, late' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }))
    await screen.findByText('Conversation updated.')
    expect(sent('PATCH', ONE)).toEqual([{ priority: 'urgent', assignee_id: 2, tags: ['vip', 'late'] }])
    await waitFor(() => expect((within(panel('desk-controls')).getByRole('combobox', { name: 'Assignee' }) as HTMLSelectElement).value).toBe('2'))
  })

  test('a viewer reads the conversation: no editor, no correction, the controls as text', async () => {
    workspace(unsure())
    await renderPage(['customers:read'])
    expect(document.getElementById('desk-conversation-read-only')).not.toBeNull()
    expect(document.getElementById('desk-reply')).toBeNull()
    expect(document.getElementById('desk-correct')).toBeNull()
    expect(panel('desk-controls').tagName).toBe('SECTION')
    expect(within(panel('desk-controls')).queryAllByRole('combobox')).toEqual([])
  })

  test('in Chinese the reasons are the Chinese ones', async () => {
    workspace(unsure())
    await i18n.changeLanguage('zh-CN')
    await renderPage(['customers:read', 'desk:reply'])
    expect(within(panel('desk-reasons')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['客户情绪负面（置信度 70 %）', '终身价值位于前五分之一的客户（百分位 91）'])
    expect(screen.getByRole('button', { name: '回复并解决' })).toBeTruthy()
    expect(within(panel('desk-triage')).getByText('需人工分诊')).toBeTruthy()
  })

  test('an unknown conversation says so', async () => {
    server.state.answer = () => ({ status: 404, body: { error: { code: 'not_found', message: 'conversation 7 not found' } } })
    await renderPage(undefined, 'No such conversation')
  })
})
