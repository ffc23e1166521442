import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes } from 'react-router'
import axe from 'axe-core'

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
import type { Customer360 } from '../../customers/api/customer-360.ts'
import type { Conversation, Message, NewMessage, Thread } from '../api/desk-types.ts'
import ConversationPage from './ConversationPage.tsx'
import { agent, conversation, customer360, message, order, score, thread, ticket } from './test-fixtures.ts'

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

const CUSTOMER = '/api/v1/customers/47/360'

/** A stored conversation the fake server keeps up to date as messages and changes arrive; its customer's 360° view when given. */
function workspace(start: Thread, customer?: { status: number; body: Customer360 | object }) {
  let stored = start
  server.state.answer = (m, p, text) => {
    if (m === 'GET' && p === ONE) return { status: 200, body: stored }
    if (m === 'GET' && p === CUSTOMER && customer) return customer
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

/** Customer 47 (of conversation 7): seven orders, conversation 7 among eight others, and every kind of score. */
const known = () =>
  customer360(47, {
    order_summary: { orders: 12, revenue_orders: 11, revenue: 4321.5, average_order_value: 392.86, first_order_at: '2025-04-01T09:00:00.000Z', last_order_at: '2026-11-27T10:00:00.000Z', top_categories: [] },
    recent_orders: [1, 2, 3, 4, 5, 6, 7].map((i) => order(100 + i, 47, { ordered_at: `2026-11-${String(28 - i).padStart(2, '0')}T10:00:00.000Z`, ...(i === 2 && { status: 'refunded' as const }) })),
    tickets: [ticket(9, 47, { subject: 'Invoice please', status: 'open' }), ticket(7, 47, { subject: 'Parcel late again', status: 'open' }), ...[8, 6, 5, 4, 3, 2].map((i) => ticket(i, 47))],
    intelligence: {
      scores: [
        score('churn', { score: 0.62, band: 'high', percentile: 91 }),
        score('clv', { score: 880, details: { p_alive: 0.83, expected_orders: 2.1 } }),
        score('rfm', { label: 'At risk', details: { r: 2, f: 4, m: 4 } }),
        score('cluster', { label: 'cluster 3', details: { cluster: 3, persona: { en: 'Bargain hunters', 'zh-CN': '精打细算型' } } }),
        score('next_category', { label: 'Shoes', score: 0.41, details: { probabilities: { Shoes: 0.41, Bags: 0.22, Toys: 0.1, Books: 0.05 } } }),
      ],
      recommendations: [],
    },
  })

const facts = (dl: HTMLElement) => Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]))

describe('the customer panel beside the thread', () => {
  test('summary, scores with their band, the five latest orders linking to their pages, other conversations without this one, the full page', async () => {
    workspace(unsure(), { status: 200, body: known() })
    await renderPage()
    await waitFor(() => expect(panel('desk-customer').getAttribute('data-state')).toBe('ready'))
    const p = panel('desk-customer')
    expect(p.getAttribute('data-customer')).toBe('47')
    expect(within(p).getByRole('heading', { level: 2, name: 'Customer' })).toBeTruthy()
    // It sits in the side column, after the thread's column: below the thread when the layout is one column.
    expect(p.closest('aside')?.className).toBe('desk-conversation-side')
    expect(facts(panel('desk-customer-summary'))).toEqual({
      Name: '客户7', 'E-mail': 'c47@example.com', Phone: '+86 138 0000 0000', City: 'Hangzhou', 'Customer since': 'Mar 14, 2025',
      'Lifetime orders': '12', 'Lifetime revenue': 'CN¥4,321.50', 'Last order': 'Nov 27, 2026',
    })
    expect(document.getElementById('desk-customer-masked')).toBeNull()

    const scores = panel('desk-customer-scores')
    expect(facts(scores)).toEqual({
      'Churn risk': '62% High risk', 'Lifetime value (next 12 months)': 'CN¥880.00', 'Chance still active': '83%', 'RFM segment': 'At risk',
      Persona: 'Bargain hunters', 'Likely next categories': 'Shoes 41%Bags 22%Toys 10%',
    })
    expect(scores.querySelector('[data-score=churn]')?.getAttribute('data-band')).toBe('high')
    expect(scores.querySelector('[data-score=churn] .badge')?.className).toBe('badge risk risk-high')

    const orders = within(panel('desk-customer-orders')).getAllByRole('listitem')
    expect(orders.map((li) => li.getAttribute('data-order'))).toEqual(['101', '102', '103', '104', '105'])
    expect(orders[1]?.textContent).toBe('O-102 · Nov 26, 2026 · CN¥202.00 · Refunded')
    expect(within(orders[0] as HTMLElement).getByRole('link', { name: 'O-101' }).getAttribute('href')).toBe('/orders/101')

    const others = within(panel('desk-customer-conversations')).getAllByRole('listitem')
    expect(others.map((li) => li.getAttribute('data-conversation'))).toEqual(['9', '8', '6', '5', '4'])
    expect(within(others[0] as HTMLElement).getByRole('link', { name: 'Invoice please' }).getAttribute('href')).toBe('/desk/9')
    expect(others[0]?.querySelector('[data-status]')?.textContent).toBe('Open')
    expect(within(p).queryByRole('link', { name: 'Parcel late again' })).toBeNull()
    expect(within(p).getByRole('link', { name: 'Open the full customer page' }).getAttribute('href')).toBe('/customers/47')
    expect(server.calls.filter((c) => c.path === CUSTOMER)).toHaveLength(1)
  })

  test('a new customer: no orders, no other conversations and no scores yet, in both languages', async () => {
    workspace(unsure(), { status: 200, body: customer360(47, { tickets: [ticket(7, 47)] }) })
    await renderPage()
    const p = panel('desk-customer')
    expect(await within(p).findByText('No scores yet: the models have not been trained, or have not scored this customer.')).toBeTruthy()
    expect(panel('desk-customer-no-orders').textContent).toBe('No orders yet.')
    expect(panel('desk-customer-no-conversations').textContent).toBe('No other conversations with this customer.')
    expect(document.getElementById('desk-customer-scores')).toBeNull()
    expect(facts(panel('desk-customer-summary'))['Last order']).toBe('—')
    cleanup()

    await i18n.changeLanguage('zh-CN')
    await renderPage(['customers:read', 'desk:reply'])
    const zh = panel('desk-customer')
    expect(await within(zh).findByText('暂无评分：模型尚未训练，或尚未为该客户评分。')).toBeTruthy()
    expect(within(zh).getByRole('heading', { level: 2, name: '客户' })).toBeTruthy()
    expect(panel('desk-customer-no-orders').textContent).toBe('暂无订单。')
    expect(panel('desk-customer-no-conversations').textContent).toBe('与该客户没有其他会话。')
    // Without pii:read the server masks the contact details; the panel shows them as sent and says why.
    expect(panel('desk-customer-masked').textContent).toBe('您的角色无权查看完整联系方式，已做脱敏处理。')
  })

  test('the campaigns that reached the customer link to their pages and say how far the customer went; none says so', async () => {
    const sent = (id: number, name: string, over: Partial<Customer360['campaigns'][number]> = {}) =>
      ({ campaign_id: id, name, channel: 'email' as const, status: 'done', variant: 'A', sent_at: '2026-11-20T08:00:00.000Z', opened_at: null, clicked_at: null, unsubscribed_at: null, ...over })
    workspace(unsure(), { status: 200, body: customer360(47, { campaigns: [sent(3, 'Winter sale', { opened_at: '2026-11-20T09:00:00.000Z', clicked_at: '2026-11-20T09:01:00.000Z' }), sent(2, 'Autumn news')] }) })
    await renderPage()
    await waitFor(() => expect(panel('desk-customer').getAttribute('data-state')).toBe('ready'))
    const items = within(panel('desk-customer-campaigns')).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual(['Winter sale · Nov 20, 2026 · clicked', 'Autumn news · Nov 20, 2026 · sent'])
    expect(within(items[0] as HTMLElement).getByRole('link', { name: 'Winter sale' }).getAttribute('href')).toBe('/campaigns/3')
    cleanup()
    workspace(unsure(), { status: 200, body: customer360(47) })
    await renderPage()
    expect((await screen.findByText('No campaign has reached this customer yet.')).id).toBe('desk-customer-no-campaigns')
  })

  test('in Chinese the scores and orders read in Chinese', async () => {
    workspace(unsure(), { status: 200, body: known() })
    await i18n.changeLanguage('zh-CN')
    await renderPage()
    await waitFor(() => expect(panel('desk-customer').getAttribute('data-state')).toBe('ready'))
    const scores = facts(panel('desk-customer-scores'))
    expect(scores['流失风险']).toBe('62% 高风险')
    expect(scores['RFM 分群']).toBe('有流失风险')
    expect(scores['用户画像']).toBe('精打细算型')
    expect(panel('desk-customer-orders').querySelector('[data-order="102"] [data-value=status]')?.textContent).toBe('已退款')
  })

  test('masked contact details stay masked; a revoked profiling consent shows no score', async () => {
    const view = known()
    workspace(unsure(), {
      status: 200,
      body: {
        ...view, profile: { ...view.profile, email: 'c4***@example.com', phone: '+86 138 ****0000' },
        consents: { current: [], history: [{ id: 1, external_id: 'K1', customer_id: 'C47', customer_internal_id: 47, channel: 'email', purpose: 'profiling', status: 'revoked', recorded_at: '2026-11-30T00:00:00.000Z', source: null, confirmed_at: null }] },
      },
    })
    await renderPage(['customers:read', 'desk:reply'])
    await waitFor(() => expect(panel('desk-customer').getAttribute('data-state')).toBe('ready'))
    expect(panel('desk-customer-summary').querySelector('[data-field=email]')?.textContent).toBe('c4***@example.com')
    expect(panel('desk-customer-summary').querySelector('[data-field=phone]')?.textContent).toBe('+86 138 ****0000')
    expect(panel('desk-customer-masked').textContent).toBe('Contact details are masked for your role.')
    expect(panel('desk-customer-no-consent').textContent).toBe('This customer revoked consent to profiling: no score is stored or shown for them.')
    expect(document.getElementById('desk-customer-scores')).toBeNull()
  })

  test('a failed request shows the error with a retry; an unknown customer says so', async () => {
    workspace(unsure(), { status: 500, body: { error: { code: 'internal', message: 'boom' } } })
    await renderPage()
    const p = panel('desk-customer')
    await waitFor(() => expect(p.getAttribute('data-state')).toBe('error'))
    expect(within(p).getByRole('alert').textContent).toContain('The server failed on this request.')
    fireEvent.click(within(p).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(server.calls.filter((c) => c.path === CUSTOMER)).toHaveLength(2))
    cleanup()

    workspace(unsure(), { status: 404, body: { error: { code: 'not_found', message: 'customer 47 not found' } } })
    await renderPage()
    await waitFor(() => expect(panel('desk-customer').getAttribute('data-state')).toBe('missing'))
    expect(panel('desk-customer-not-found').textContent).toBe("This customer's record was not found.")
    expect(within(panel('desk-customer')).getByRole('link', { name: 'Open the full customer page' })).toBeTruthy()
  })

  test('is axe-clean', async () => {
    workspace(unsure(), { status: 200, body: known() })
    await renderPage()
    await waitFor(() => expect(panel('desk-customer').getAttribute('data-state')).toBe('ready'))
    const result = await axe.run(panel('desk-customer'), { rules: { 'color-contrast': { enabled: false } } })
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  })
})
