import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import axe from 'axe-core'
import { MemoryRouter, useLocation } from 'react-router'

/** The fake server: every request the page makes, answered by `answer` (set per test) and recorded with its query. */
const server = vi.hoisted(() => {
  const calls: Array<{ method: string; path: string; query: URLSearchParams }> = []
  const state = { answer: (_method: string, _path: string, _query: URLSearchParams): { status: number; body: unknown } => ({ status: 404, body: {} }) }
  globalThis.fetch = (async (req: Request) => {
    const url = new URL(req.url)
    calls.push({ method: req.method, path: url.pathname, query: url.searchParams })
    const a = state.answer(req.method, url.pathname, url.searchParams)
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { DeskReport } from '../api/desk-admin.ts'
import { addDays, apiRange, dayOf, lastDays } from '../lib/report-range.ts'
import DeskReportsPage from './DeskReportsPage.tsx'

const REPORTS = '/api/v1/desk/reports'

const emptyReport = (from: string, to: string): DeskReport => ({
  from, to, volume: [],
  first_response_minutes: { count: 0, median: null, p90: null }, resolution_minutes: { count: 0, median: null, p90: null },
  sla: { first_response: { due: 0, met: 0, share: null }, resolution: { due: 0, met: 0, share: null } },
  csat: { asked: 0, answered: 0, mean: null, satisfied_share: null, by_rating: {} },
  intents: [], sentiment: [], triage: { triaged: 0, needs_triage: 0, corrected_by_agents: 0 },
  assistant: { chats: 0, decisions: 0, answered: 0, clarified: 0, handed_off: 0, answer_rate: null, hand_off_rate: null, hand_off_reasons: {} },
})

const today = dayOf(new Date())
const yesterday = addDays(today, -1)

const fullReport = (from: string, to: string): DeskReport => ({
  ...emptyReport(from, to),
  volume: [{ day: yesterday, opened: 12, solved: 9 }, { day: today, opened: 4, solved: 1 }],
  first_response_minutes: { count: 14, median: 42, p90: 185.4 },
  resolution_minutes: { count: 10, median: 1500, p90: 4000 },
  sla: { first_response: { due: 14, met: 12, share: 12 / 14 }, resolution: { due: 8, met: 6, share: 0.75 } },
  csat: { asked: 10, answered: 8, mean: 4.125, satisfied_share: 0.75, by_rating: { '5': 4, '4': 2, '3': 1, '1': 1 } },
  intents: [{ intent: 'delivery_delay', count: 7 }, { intent: 'gift_wrapping', count: 3 }],
  sentiment: [{ week: addDays(today, -7), positive: 3, neutral: 4, negative: 2 }],
  triage: { triaged: 13, needs_triage: 3, corrected_by_agents: 2 },
  assistant: {
    chats: 20, decisions: 25, answered: 15, clarified: 4, handed_off: 6, answer_rate: 0.6, hand_off_rate: 0.24,
    hand_off_reasons: { asked_for_human: 3, weak_retrieval: 2, not_helpful: 1 },
  },
})

function workspace(make: (from: string, to: string) => DeskReport = fullReport) {
  server.state.answer = (m, p, q) => {
    if (m === 'GET' && p === REPORTS) return { status: 200, body: make(q.get('from') ?? '', q.get('to') ?? '') }
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
}

function Where() {
  const l = useLocation()
  return <output data-testid="where">{l.search}</output>
}

async function renderPage(entry = '/desk/reports', heading = 'Desk reports') {
  const session: Session = {
    user: { id: 1, email: 'viewer@example.com', name: 'V', locale: 'en' }, actor: 'viewer@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: 'viewer', permissions: ['customers:read'], workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <MemoryRouter initialEntries={[entry]}>
            <DeskReportsPage />
            <Where />
          </MemoryRouter>
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  await screen.findByRole('heading', { name: heading, level: 1 })
}

const block = (id: string) => {
  const el = document.getElementById(`desk-report-${id}`)
  if (!el) throw new Error(`no block ${id}`)
  return el
}
const stat = (list: string, key: string) => document.querySelector(`#${list} [data-stat=${key}] dd`)?.textContent
const asked = () => server.calls.filter((c) => c.method === 'GET' && c.path === REPORTS).map((c) => ({ from: c.query.get('from'), to: c.query.get('to') }))
const cells = (row: Element | null | undefined) => [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent)

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
})
afterEach(cleanup)

describe('desk reports', () => {
  test('asks for the last 30 days by default and shows every block with its numbers as text', async () => {
    workspace()
    await renderPage()
    await waitFor(() => expect(block('volume').getAttribute('data-state')).toBe('ready'))
    expect(asked()).toEqual([apiRange(lastDays(30))])
    expect(screen.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe('true')
    expect(document.getElementById('desk-reports-empty')).toBeNull()

    // Volume: totals, a labelled chart, and a row for every day of the range (zeros where nothing was opened).
    expect([stat('desk-report-volume-totals', 'opened'), stat('desk-report-volume-totals', 'solved'), stat('desk-report-volume-totals', 'solved_share')]).toEqual(['16', '10', '62.5%'])
    expect(within(block('volume')).getByRole('img').getAttribute('aria-label')).toMatch(/^Conversations opened and solved per day over 30 days: 16 opened, 10 solved/)
    const days = document.querySelectorAll('#desk-report-volume-table tbody tr')
    expect(days).toHaveLength(30)
    expect(cells(document.querySelector(`#desk-report-volume-table tr[data-day="${yesterday}"]`)).slice(1)).toEqual(['12', '9'])
    expect(cells(days[0]).slice(1)).toEqual(['0', '0'])

    // Times as people say them, with the raw minutes kept for tests and copying.
    expect(cells(document.querySelector('#desk-report-times-table tr[data-row=first_response]'))).toEqual(['First response', '42 min', '3 h 5 min', '14'])
    expect(cells(document.querySelector('#desk-report-times-table tr[data-row=resolution]'))).toEqual(['Resolution', '1 d 1 h', '2 d 18 h', '10'])
    expect(document.querySelector('#desk-report-times-table tr[data-row=first_response] [data-field=p90]')?.getAttribute('data-value')).toBe('185.4')

    expect(cells(document.querySelector('#desk-report-sla-table tr[data-row=first_response]'))).toEqual(['First response', '12', '14', '85.7%'])
    expect(cells(document.querySelector('#desk-report-sla-table tr[data-row=resolution]'))).toEqual(['Resolution', '6', '8', '75%'])

    expect([stat('desk-report-csat-stats', 'asked'), stat('desk-report-csat-stats', 'answered'), stat('desk-report-csat-stats', 'mean'), stat('desk-report-csat-stats', 'satisfied_share')])
      .toEqual(['10', '8 (80%)', '4.13 of 5', '75%'])
    expect([...document.querySelectorAll('#desk-report-csat-table tbody tr')].map((r) => cells(r))).toEqual([
      ['1 ★', '1', '12.5%'], ['2 ★', '0', '0%'], ['3 ★', '1', '12.5%'], ['4 ★', '2', '25%'], ['5 ★', '4', '50%'],
    ])

    // Known intents in words; a label the model learnt since shows as it is.
    expect([...document.querySelectorAll('#desk-report-intents-table tbody tr')].map((r) => cells(r))).toEqual([['Delivery delay', '7', '70%'], ['gift_wrapping', '3', '30%']])
    expect(cells(document.querySelector('#desk-report-sentiment-table tbody tr')).slice(1)).toEqual(['3', '4', '2'])
    expect([stat('desk-report-triage-stats', 'triaged'), stat('desk-report-triage-stats', 'needs_triage'), stat('desk-report-triage-stats', 'corrected_by_agents')]).toEqual(['13', '3 (18.8%)', '2'])

    // The chat assistant, with the hand-off reasons in words.
    expect([stat('desk-report-assistant-stats', 'chats'), stat('desk-report-assistant-stats', 'answer_rate'), stat('desk-report-assistant-stats', 'hand_off_rate')]).toEqual(['20', '60%', '24%'])
    expect([...document.querySelectorAll('#desk-report-hand-off-table tbody tr')].map((r) => [r.getAttribute('data-reason'), ...cells(r)])).toEqual([
      ['asked_for_human', 'The visitor asked for a person', '3', '50%'],
      ['weak_retrieval', 'The articles found were a weak match', '2', '33.3%'],
      ['not_helpful', 'The visitor said the answer did not help', '1', '16.7%'],
    ])
    // Every chart is labelled; the numbers beside it are the text equivalent.
    for (const img of document.querySelectorAll('#desk-reports [role=img]')) expect(img.getAttribute('aria-label')).toMatch(/table below/)
  })

  test('a preset asks for its days and is kept in the address; two days of one’s own are applied with Show', async () => {
    workspace()
    await renderPage()
    await waitFor(() => expect(asked()).toHaveLength(1))
    fireEvent.click(screen.getByRole('button', { name: 'Last 7 days' }))
    await waitFor(() => expect(asked()).toHaveLength(2))
    expect(asked()[1]).toEqual(apiRange(lastDays(7)))
    expect(screen.getByTestId('where').textContent).toBe('?days=7')
    expect(screen.getByRole('button', { name: 'Last 7 days' }).getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => expect(document.querySelectorAll('#desk-report-volume-table tbody tr')).toHaveLength(7))

    const form = document.getElementById('desk-report-range') as HTMLFormElement
    const from = form.querySelector('[data-field=from]') as HTMLInputElement
    const to = form.querySelector('[data-field=to]') as HTMLInputElement
    expect([from.value, to.value]).toEqual([lastDays(7).from, lastDays(7).to])
    // The last day before the first: said beside the field, nothing asked.
    fireEvent.change(from, { target: { value: '2026-03-10' } })
    fireEvent.change(to, { target: { value: '2026-03-01' } })
    fireEvent.click(screen.getByRole('button', { name: 'Show' }))
    expect(await screen.findByText('The last day is before the first.')).toBeTruthy()
    expect(to.getAttribute('aria-invalid')).toBe('true')
    expect(asked()).toHaveLength(2)

    fireEvent.change(from, { target: { value: '2026-02-01' } })
    fireEvent.change(to, { target: { value: '2026-02-28' } })
    fireEvent.click(screen.getByRole('button', { name: 'Show' }))
    await waitFor(() => expect(asked()).toHaveLength(3))
    expect(asked()[2]).toEqual(apiRange({ from: '2026-02-01', to: '2026-02-28' }))
    expect(screen.getByTestId('where').textContent).toBe('?from=2026-02-01&to=2026-02-28')
    expect(screen.queryAllByRole('button', { pressed: true })).toHaveLength(0)
    await waitFor(() => expect(document.getElementById('desk-reports')?.getAttribute('data-from')).toBe('2026-02-01'))
  })

  test('an empty range says so, for the page and for each block', async () => {
    workspace(emptyReport)
    await renderPage('/desk/reports?days=90')
    expect(await screen.findByText(/Nothing happened in this range/)).toBeTruthy()
    expect(asked()).toEqual([apiRange(lastDays(90))])
    for (const id of ['volume', 'times', 'sla', 'csat', 'intents', 'sentiment', 'triage', 'assistant']) {
      expect(block(id).getAttribute('data-state'), id).toBe('empty')
      expect(block(id).querySelector('.desk-report-empty')?.textContent, id).toBeTruthy()
    }
    expect(block('volume').textContent).toContain('No conversation was opened in this range.')
    expect(document.querySelectorAll('#desk-reports [role=img]')).toHaveLength(0)
  })

  test('a refused range shows the server’s message with a retry', async () => {
    server.state.answer = () => ({ status: 400, body: { error: { code: 'validation_failed', message: 'from must be before to' } } })
    await renderPage()
    expect(await screen.findByText('from must be before to')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  test('is axe-clean', async () => {
    workspace()
    await renderPage()
    await waitFor(() => expect(block('assistant').getAttribute('data-state')).toBe('ready'))
    const result = await axe.run(document.getElementById('desk-reports') as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  })

  test('in Chinese', async () => {
    workspace()
    await i18n.changeLanguage('zh-CN')
    await renderPage('/desk/reports', '服务台报表')
    await waitFor(() => expect(block('assistant').getAttribute('data-state')).toBe('ready'))
    expect(screen.getByRole('button', { name: '最近 30 天' })).toBeTruthy()
    expect(cells(document.querySelector('#desk-report-times-table tr[data-row=resolution]'))).toEqual(['解决', '1 天 1 小时', '2 天 18 小时', '10'])
    expect(document.querySelector('#desk-report-hand-off-table tr[data-reason=asked_for_human] td')?.textContent).toBe('访客要求人工服务')
  })
})
