import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'

/** The fake server: every request the page makes, answered by `answer` (set per test) and recorded. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; query: string; body: unknown }> = []
  const state = { answer: (_method: string, _path: string, _query: URLSearchParams, _body: unknown): { status: number; body: unknown } => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const url = new URL(req.url)
    const text = req.method === 'GET' ? '' : await req.text()
    const body: unknown = text ? JSON.parse(text) : undefined
    calls.push({ method: req.method, path: url.pathname, query: url.search, body })
    const a = state.answer(req.method, url.pathname, url.searchParams, body)
    return new Response(a.status === 204 ? null : JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { CampaignSettings, ConfirmationStatus } from '../api/campaign-types.ts'
import CampaignSettingsPage from './CampaignSettingsPage.tsx'

const SETTINGS = '/api/v1/campaigns/settings'
const CONFIRMATIONS = '/api/v1/campaigns/consent-confirmations'

const baseSettings = (): CampaignSettings => ({
  frequency_cap: { messages: 3, days: 7 },
  verified_senders: ['news@shop.example'],
  sms_hours: { start: 9, end: 21 },
  double_opt_in: { email: false, sms: false },
  global_control_pct: 5,
  global_control_seed: 's1',
  global_control_drawn_at: new Date(Date.now() - 3 * 86_400_000).toISOString(),
})

/** A workspace's settings and counts that PATCH really changes, as the server would. */
function workspace(opts: { patch?: (body: unknown) => { status: number; body: unknown } } = {}) {
  let settings = baseSettings()
  const counts: Record<string, ConfirmationStatus> = {
    email: { channel: 'email', purpose: 'marketing', required: false, unconfirmed: 40, requested_recently: 12, confirmed: 7 },
    sms: { channel: 'sms', purpose: 'marketing', required: false, unconfirmed: 0, requested_recently: 0, confirmed: 2 },
  }
  server.state.answer = (m, p, q, body) => {
    if (p === SETTINGS && m === 'GET') return { status: 200, body: settings }
    if (p === SETTINGS && m === 'PATCH') {
      const refused = opts.patch?.(body)
      if (refused) return refused
      const b = body as Partial<CampaignSettings>
      settings = { ...settings, ...b, double_opt_in: { ...settings.double_opt_in, ...b.double_opt_in } }
      for (const ch of ['email', 'sms'] as const) if (counts[ch]) counts[ch] = { ...counts[ch], required: settings.double_opt_in[ch] }
      return { status: 200, body: settings }
    }
    if (p === CONFIRMATIONS && m === 'GET') return { status: 200, body: counts[q.get('channel') ?? ''] }
    if (p === CONFIRMATIONS && m === 'POST') return { status: 202, body: { job_id: 'job-77', status: counts[(body as { channel: string }).channel] } }
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
  return { counts }
}

const ALL: Permission[] = ['customers:read', 'pii:read', 'campaigns:send', 'settings:write']

/** Renders the page and waits for the settings to load (the sections appear with them). */
async function renderPage(permissions: Permission[] = ALL) {
  const session: Session = {
    user: { id: 1, email: 'o@example.com', name: 'O', locale: 'en' }, actor: 'o@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: 'owner', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <CampaignSettingsPage />
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  await screen.findByRole('heading', { name: 'Frequency cap' })
}

const section = (id: string) => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`no #${id}`)
  return el
}
const patches = () => server.calls.filter((c) => c.method === 'PATCH' && c.path === SETTINGS).map((c) => c.body)
const countsAsked = (channel: string) => server.calls.filter((c) => c.method === 'GET' && c.path === CONFIRMATIONS && c.query.includes(`channel=${channel}`)).length
const count = (channel: string, key: string) => section(`double-opt-in-${channel}-counts`).querySelector(`[data-count=${key}]`)?.getAttribute('data-value')

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
})
afterEach(cleanup)

describe('campaign settings page', () => {
  test('turning double opt-in on for e-mail sends only that switch, shows it on, and asks the counts again', async () => {
    workspace()
    await renderPage()
    const email = section('double-opt-in-email')
    const toggle = await within(email).findByRole('switch', { name: 'Require confirmed consent' })
    await waitFor(() => expect(count('email', 'unconfirmed')).toBe('40'))
    expect(count('email', 'confirmed')).toBe('7')
    expect(count('email', 'requested_recently')).toBe('12')
    expect((toggle as HTMLInputElement).checked).toBe(false)
    const before = countsAsked('email')

    fireEvent.click(toggle)
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true))
    expect(patches()).toEqual([{ double_opt_in: { email: true } }])
    expect(email.getAttribute('data-required')).toBe('true')
    expect(section('double-opt-in-sms').getAttribute('data-required')).toBe('false')
    await waitFor(() => expect(countsAsked('email')).toBe(before + 1))
    expect(await screen.findByText('Campaign settings saved.')).toBeTruthy()
  })

  test('a refused re-draw of the global control group shows the server’s message on the share field', async () => {
    const message = 'the global control group was drawn on 2025-06-01; it can be re-drawn 30 days after that'
    workspace({ patch: () => ({ status: 400, body: { error: { code: 'validation_failed', message: 'invalid', details: [{ path: 'body.global_control_pct', message }] } } }) })
    await renderPage()
    const form = section('global-control')
    const pct = await within(form).findByLabelText('Share of customers (%)')
    // Drawn three days ago with a share above 0: the page says when it may change again (27 days on).
    expect(within(form).queryByText('Now')).toBeNull()
    fireEvent.change(pct, { target: { value: '10' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    expect(await within(form).findByText(message)).toBeTruthy()
    expect(patches()).toEqual([{ global_control_pct: 10 }])
    expect(pct.getAttribute('aria-invalid')).toBe('true')
    const described = (pct.getAttribute('aria-describedby') ?? '').split(' ')
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(message)
    // The field error is not also a form-wide one, and the other sections are untouched.
    expect(within(form).queryByText('invalid')).toBeNull()
    expect(within(section('frequency-cap')).queryByRole('alert')).toBeNull()
  })

  test('sending confirmation requests asks first, then queues them and shows the job, and asks the counts again', async () => {
    workspace()
    await renderPage()
    const send = await within(section('double-opt-in-email')).findByRole('button', { name: 'Send confirmation requests' })
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(send)
    // 40 unconfirmed, 12 asked this week: 28 will be asked.
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText(/about 28 customers/)).toBeTruthy()
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false)
    const before = countsAsked('email')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send requests' }))
    expect(await screen.findByText('Confirmation requests are being sent (job job-77).')).toBeTruthy()
    expect(server.calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([[CONFIRMATIONS, { channel: 'email', purpose: 'marketing' }]])
    await waitFor(() => expect(countsAsked('email')).toBe(before + 1))
    // SMS has nobody left to ask: its button stays off.
    expect((within(section('double-opt-in-sms')).getByRole('button', { name: 'Send confirmation requests' }) as HTMLButtonElement).disabled).toBe(true)
  })

  test('adding a verified sender saves the whole list; an address that is not one is refused at the field without a request', async () => {
    workspace()
    await renderPage()
    const form = section('verified-senders')
    const input = await within(form).findByLabelText('Address to add')
    fireEvent.change(input, { target: { value: 'not-an-address' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add address' }))
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'))
    expect(patches()).toEqual([])

    fireEvent.change(input, { target: { value: ' offers@shop.example ' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add address' }))
    await waitFor(() => expect(form.querySelector('[data-sender="offers@shop.example"]')).not.toBeNull())
    expect(patches()).toEqual([{ verified_senders: ['news@shop.example', 'offers@shop.example'] }])
    expect((input as HTMLInputElement).value).toBe('')

    fireEvent.click(within(form).getByRole('button', { name: 'Remove news@shop.example' }))
    await waitFor(() => expect(form.querySelector('[data-sender="news@shop.example"]')).toBeNull())
    expect(patches()[1]).toEqual({ verified_senders: ['offers@shop.example'] })
  })

  test('without settings:write or campaigns:send the rules are shown read-only: nothing to save, switch and fields disabled, no send button', async () => {
    workspace()
    await renderPage(['customers:read'])
    const toggle = await within(section('double-opt-in-email')).findByRole('switch')
    expect(screen.getByText(/changing them needs the settings permission/)).toBeTruthy()
    expect((toggle as HTMLInputElement).disabled).toBe(true)
    expect((screen.getByLabelText('Messages at most') as HTMLInputElement).value).toBe('3')
    expect((screen.getByLabelText('Messages at most') as HTMLInputElement).disabled).toBe(true)
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Send confirmation requests' })).toBeNull()
    expect(screen.queryByLabelText('Address to add')).toBeNull()
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull()
    await waitFor(() => expect(count('email', 'unconfirmed')).toBe('40'))
  })
})
