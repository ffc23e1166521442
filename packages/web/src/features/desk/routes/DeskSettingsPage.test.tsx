import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import axe from 'axe-core'
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
    return a.status === 204 ? new Response(null, { status: 204 }) : new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { calls, state }
})

import { i18n } from '../../../i18n/index.ts'
import { ToastProvider } from '../../../components/Toasts.tsx'
import type { Permission, Session } from '../../../lib/api/types.ts'
import { SignedInSession } from '../../auth/api/session.ts'
import type { DeskSettings, DeskSettingsBody, RoutingRule, RoutingRulesBody, TeamBody, TeamPatch } from '../api/desk-admin.ts'
import type { Agent, AgentState, Team } from '../api/desk-types.ts'
import { agent } from './test-fixtures.ts'
import DeskSettingsPage from './DeskSettingsPage.tsx'

const SETTINGS = '/api/v1/desk/settings'
const TEAMS = '/api/v1/desk/teams'
const AGENTS = '/api/v1/desk/agents'
const RULES = '/api/v1/desk/routing-rules'

const stored = (): DeskSettings => ({
  business_hours: { week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '18:00']]])), holidays: ['2026-10-01'] },
  sla: { first_response_minutes: { urgent: 60, high: 240, normal: 540, low: 1080 }, resolution_minutes: { urgent: 540, high: 1080, normal: 2700, low: 5400 }, warn_minutes: 60 },
  time_zone: 'Asia/Shanghai', default: false,
})

type Refuse = (method: string, path: string, body: unknown) => { status: number; body: unknown } | undefined
const invalid = (path: string, message: string) => ({ status: 400, body: { error: { code: 'validation_failed', message: 'invalid', details: [{ path, message }] } } })

/** A workspace whose settings, teams, agents and rules the writes really change, as the server would. */
function workspace(opts: { refuse?: Refuse } = {}) {
  let settings = stored()
  const agents: Agent[] = [agent(1, 'Ann Agent', { presence: 'online', team_ids: [3] }), agent(2, 'Bo Li', { capacity: 8 }), agent(5, 'Cai Wen', { role: 'admin' })]
  let teams: Team[] = [
    { id: 3, name: 'Returns', assignment: 'round_robin', members: [{ user_id: 1, name: 'Ann Agent', presence: 'online', capacity: 10, open: 1 }] },
    { id: 4, name: 'VIP', assignment: 'least_open', members: [] },
  ]
  let rules: RoutingRule[] = [
    { id: 11, intents: ['refund_request'], languages: [], channels: [], vip_only: false, team_id: 3 },
    { id: 12, intents: [], languages: ['zh'], channels: ['chat'], vip_only: true, team_id: 4 },
  ]
  let nextId = 20
  const memberOf = (id: number) => {
    const a = agents.find((x) => x.user_id === id)
    return { user_id: id, name: a?.name ?? '?', presence: a?.presence ?? 'away', capacity: a?.capacity ?? 10, open: a?.open ?? 0 }
  }
  const withTeams = () => agents.map((a) => ({ ...a, team_ids: teams.filter((x) => x.members.some((m) => m.user_id === a.user_id)).map((x) => x.id) }))
  server.state.answer = (m, p, body) => {
    const refused = m === 'GET' ? undefined : opts.refuse?.(m, p, body)
    if (refused) return refused
    const teamId = /^\/api\/v1\/desk\/teams\/(\d+)$/.exec(p)?.[1]
    const agentId = /^\/api\/v1\/desk\/agents\/(\d+)$/.exec(p)?.[1]
    if (p === SETTINGS && m === 'GET') return { status: 200, body: settings }
    if (p === SETTINGS && m === 'PUT') {
      settings = { ...(body as DeskSettingsBody), time_zone: 'Asia/Shanghai', default: false } as DeskSettings
      return { status: 200, body: settings }
    }
    if (p === TEAMS && m === 'GET') return { status: 200, body: { data: teams } }
    if (p === TEAMS && m === 'POST') {
      const b = body as TeamBody
      const team: Team = { id: nextId++, name: b.name, assignment: b.assignment ?? 'least_open', members: (b.member_ids ?? []).map(memberOf) }
      teams = [...teams, team]
      return { status: 201, body: team }
    }
    if (teamId && m === 'PATCH') {
      const b = body as TeamPatch
      teams = teams.map((x) => (x.id === Number(teamId) ? { ...x, ...(b.name && { name: b.name }), ...(b.assignment && { assignment: b.assignment }), ...(b.member_ids && { members: b.member_ids.map(memberOf) }) } : x))
      return { status: 200, body: teams.find((x) => x.id === Number(teamId)) }
    }
    if (teamId && m === 'DELETE') {
      teams = teams.filter((x) => x.id !== Number(teamId))
      rules = rules.filter((r) => r.team_id !== Number(teamId))
      return { status: 204, body: null }
    }
    if (p === AGENTS && m === 'GET') return { status: 200, body: { data: withTeams() } }
    if (agentId && m === 'PATCH') {
      const i = agents.findIndex((a) => a.user_id === Number(agentId))
      agents[i] = { ...(agents[i] as Agent), ...(body as AgentState) }
      return { status: 200, body: withTeams()[i] }
    }
    if (p === RULES && m === 'GET') return { status: 200, body: { data: rules } }
    if (p === RULES && m === 'PUT') {
      rules = (body as RoutingRulesBody).rules.map((r) => ({ id: nextId++, intents: r.intents ?? [], languages: r.languages ?? [], channels: r.channels ?? [], vip_only: r.vip_only ?? false, team_id: r.team_id }))
      return { status: 200, body: { data: rules } }
    }
    return { status: 404, body: { error: { code: 'not_found', message: `${m} ${p}` } } }
  }
}

const OWNER: Permission[] = ['customers:read', 'pii:read', 'settings:write', 'desk:reply']

async function renderPage(permissions: Permission[] = OWNER, heading = 'Desk settings') {
  const session: Session = {
    user: { id: 1, email: 'owner@example.com', name: 'O', locale: 'en' }, actor: 'owner@example.com', workspace: { id: 1, slug: 'default', name: 'Default' },
    role: permissions.includes('settings:write') ? 'owner' : 'viewer', permissions, workspaces: [], csrf_token: 'csrf',
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <SignedInSession.Provider value={session}>
          <MemoryRouter initialEntries={['/desk/settings']}>
            <DeskSettingsPage />
          </MemoryRouter>
        </SignedInSession.Provider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  await screen.findByRole('heading', { name: heading, level: 1 })
  await waitFor(() => expect(document.getElementById('desk-hours-form')).not.toBeNull())
  await waitFor(() => expect(document.getElementById('desk-routing-form')).not.toBeNull())
}

const el = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T => {
  const found = root.querySelector<T>(selector)
  if (!found) throw new Error(`nothing matches ${selector}`)
  return found
}
const control = (field: string, root: ParentNode = document) => el<HTMLInputElement>(`[data-field="${field}"]`, root)
const type = (field: string, value: string, root: ParentNode = document) => fireEvent.change(control(field, root), { target: { value } })
const sent = (method: string, path: string | RegExp) => server.calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path))).map((c) => c.body)
/** The error shown for a control (its aria-describedby names it). */
const errorOf = (c: Element) => (c.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)).find((n) => n?.classList.contains('field-error'))?.textContent
const row = (day: string) => el(`#desk-hours-week tr[data-day=${day}]`)

beforeEach(async () => {
  await i18n.changeLanguage('en')
  server.calls.length = 0
})
afterEach(cleanup)

describe('desk settings: hours, holidays and service levels', () => {
  test('shows the stored hours; changed windows, a new holiday and new targets are sent as one PUT of the whole', async () => {
    workspace()
    await renderPage()
    expect(el('#desk-hours-zone').textContent).toContain('Asia/Shanghai')
    expect([control('week.mon.0.start').value, control('week.mon.0.end').value]).toEqual(['09:00', '18:00'])
    expect(row('sun').textContent).toContain('Closed')
    expect(control('holidays.0').value).toBe('2026-10-01')
    expect(control('sla.first_response_minutes.urgent').value).toBe('60')
    // The targets are said in hours and days too.
    expect(errorOf(control('sla.resolution_minutes.normal'))).toBeUndefined()
    expect(row('mon').closest('form')?.textContent).toContain('1 d 21 h')

    type('week.mon.0.end', '12:00')
    fireEvent.click(within(row('mon')).getByRole('button', { name: 'Add hours on Monday' }))
    type('week.mon.1.start', '13:00')
    type('week.mon.1.end', '17:30')
    fireEvent.click(within(row('sat')).getByRole('button', { name: 'Add hours on Saturday' }))
    fireEvent.click(within(row('fri')).getByRole('button', { name: 'Remove window 1 of Friday' }))
    fireEvent.click(screen.getByRole('button', { name: 'Add a holiday' }))
    type('holidays.1', '2026-10-02')
    type('sla.first_response_minutes.urgent', '30')
    type('sla.warn_minutes', '45')
    fireEvent.click(el('#desk-hours-save'))
    expect(await screen.findByText(/Desk settings saved/)).toBeTruthy()
    expect(sent('PUT', SETTINGS)).toEqual([{
      business_hours: {
        week: { mon: [['09:00', '12:00'], ['13:00', '17:30']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [], sat: [['09:00', '18:00']], sun: [] },
        holidays: ['2026-10-01', '2026-10-02'],
      },
      sla: { first_response_minutes: { urgent: 30, high: 240, normal: 540, low: 1080 }, resolution_minutes: { urgent: 540, high: 1080, normal: 2700, low: 5400 }, warn_minutes: 45 },
    }])
    expect(row('fri').textContent).toContain('Closed')
  })

  test('the server’s validation errors are shown beside the field their path names', async () => {
    workspace({
      refuse: (m, p) => (m === 'PUT' && p === SETTINGS ? {
        status: 400,
        body: { error: { code: 'validation_failed', message: 'invalid', details: [
          { path: 'body.business_hours.week.tue.0', message: 'a window ends after it starts' },
          { path: 'body.business_hours.holidays.0', message: 'not a holiday we know' },
          { path: 'body.sla.resolution_minutes.high', message: 'too short for the first response' },
        ] } },
      } : undefined),
    })
    await renderPage()
    // The client's rules have no opinion on the order of the two times: the server refuses it.
    type('week.tue.0.start', '18:00')
    type('week.tue.0.end', '09:00')
    fireEvent.click(el('#desk-hours-save'))
    await waitFor(() => expect(control('week.tue.0.end').getAttribute('aria-invalid')).toBe('true'))
    expect(errorOf(control('week.tue.0.end'))).toBe('a window ends after it starts')
    expect(control('week.tue.0.start').getAttribute('aria-invalid')).toBeNull()
    expect(errorOf(control('holidays.0'))).toBe('not a holiday we know')
    expect(errorOf(control('sla.resolution_minutes.high'))).toBe('too short for the first response')
    expect(control('week.mon.0.end').getAttribute('aria-invalid')).toBeNull()
    expect(document.getElementById('desk-hours-error')).toBeNull()
    expect(sent('PUT', SETTINGS)).toHaveLength(1)
  })

  test('the client’s rules refuse an empty target and a time that is not HH:MM before anything is sent; a week with no hours is the server’s to refuse', async () => {
    workspace({ refuse: (m, p) => (m === 'PUT' && p === SETTINGS ? invalid('body.business_hours.week', 'at least one opening window') : undefined) })
    await renderPage()
    type('sla.first_response_minutes.low', '')
    type('week.wed.0.start', '9am')
    fireEvent.click(el('#desk-hours-save'))
    await waitFor(() => expect(control('sla.first_response_minutes.low').getAttribute('aria-invalid')).toBe('true'))
    expect(control('week.wed.0.start').getAttribute('aria-invalid')).toBe('true')
    expect(sent('PUT', SETTINGS)).toEqual([])

    type('sla.first_response_minutes.low', '900')
    type('week.wed.0.start', '09:00')
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) fireEvent.click(within(row(d)).getByRole('button', { name: /^Remove window 1 of/ }))
    fireEvent.click(el('#desk-hours-save'))
    expect(await screen.findByText('at least one opening window')).toBeTruthy()
    expect(el('#desk-hours-week').getAttribute('aria-describedby')).toBe('desk-hours-week-error')
    expect(sent('PUT', SETTINGS)).toHaveLength(1)
  })
})

describe('desk settings: teams and agents', () => {
  test('a new team is created with its rule and members; a name already used is said beside the name', async () => {
    workspace({ refuse: (m, p, body) => (m === 'POST' && p === TEAMS && (body as TeamBody).name === 'VIP' ? { status: 409, body: { error: { code: 'conflict', message: 'a team called "VIP" already exists', details: [{ path: 'body.name', message: 'is already used by another team' }] } } } : undefined) })
    await renderPage()
    expect([...document.querySelectorAll('#desk-teams-table tbody tr')].map((r) => r.getAttribute('data-team-id'))).toEqual(['3', '4'])
    const form = el('#desk-team-new')
    type('name', 'VIP', form)
    fireEvent.click(el('#desk-team-create'))
    await waitFor(() => expect(errorOf(control('name', form))).toBe('is already used by another team'))

    type('name', '  Billing ', form)
    fireEvent.change(control('assignment', form), { target: { value: 'manual' } })
    fireEvent.click(within(el('[data-member="2"]', form)).getByRole('checkbox'))
    fireEvent.click(within(el('[data-member="5"]', form)).getByRole('checkbox'))
    fireEvent.click(el('#desk-team-create'))
    expect(await screen.findByText('Team Billing created.')).toBeTruthy()
    expect(sent('POST', TEAMS)[1]).toEqual({ name: 'Billing', assignment: 'manual', member_ids: [2, 5] })
    await waitFor(() => expect(document.querySelector('#desk-teams-table tr[data-team-id="20"]')?.textContent).toContain('Bo Li, Cai Wen'))
    expect(control('name', form).value).toBe('')
  })

  test('a team is renamed and its rule changed in a dialog: only what changed is sent', async () => {
    workspace()
    await renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Edit team Returns' }))
    const dialog = await screen.findByRole('dialog')
    expect((el('#desk-team-edit-save', dialog) as HTMLButtonElement).disabled).toBe(true)
    type('name', 'Returns and refunds', dialog)
    fireEvent.change(control('assignment', dialog), { target: { value: 'least_open' } })
    fireEvent.click(el('#desk-team-edit-save', dialog))
    expect(await screen.findByText('Team Returns and refunds saved.')).toBeTruthy()
    expect(sent('PATCH', '/api/v1/desk/teams/3')).toEqual([{ name: 'Returns and refunds', assignment: 'least_open' }])
    await waitFor(() => expect(el('#desk-teams-table tr[data-team-id="3"]').getAttribute('data-assignment')).toBe('least_open'))
  })

  test('a team is deleted only after the confirmation; its routing rules go with it', async () => {
    workspace()
    await renderPage()
    fireEvent.click(screen.getByRole('button', { name: 'Delete team VIP' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('its routing rules are deleted with it')
    expect(sent('DELETE', /teams/)).toEqual([])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete team' }))
    expect(await screen.findByText('Team VIP deleted.')).toBeTruthy()
    expect(server.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/desk/teams/4'])
    await waitFor(() => expect(document.querySelector('#desk-teams-table tr[data-team-id="4"]')).toBeNull())
    await waitFor(() => expect(document.querySelectorAll('#desk-routing-form li[data-rule-index]')).toHaveLength(1))
  })

  test('an agent’s capacity and teams: the capacity to the agent, the membership to each team', async () => {
    workspace()
    await renderPage()
    expect(el('#desk-agents-table tr[data-agent-id="1"]').textContent).toContain('Returns')
    fireEvent.click(screen.getByRole('button', { name: 'Edit agent Bo Li' }))
    const dialog = await screen.findByRole('dialog')
    expect(control('capacity', dialog).value).toBe('8')
    type('capacity', '1001', dialog)
    fireEvent.click(el('#desk-agent-edit-save', dialog))
    await waitFor(() => expect(control('capacity', dialog).getAttribute('aria-invalid')).toBe('true'))
    expect(sent('PATCH', /agents/)).toEqual([])

    type('capacity', '5', dialog)
    fireEvent.click(within(el('[data-team="3"]', dialog)).getByRole('checkbox'))
    fireEvent.click(el('#desk-agent-edit-save', dialog))
    expect(await screen.findByText('Agent Bo Li saved.')).toBeTruthy()
    expect(sent('PATCH', '/api/v1/desk/agents/2')).toEqual([{ capacity: 5 }])
    expect(sent('PATCH', '/api/v1/desk/teams/3')).toEqual([{ member_ids: [1, 2] }])
    await waitFor(() => expect(el('#desk-agents-table tr[data-agent-id="2"]').getAttribute('data-capacity')).toBe('5'))
    expect(el('#desk-agents-table tr[data-agent-id="2"] [data-teams]').getAttribute('data-teams')).toBe('3')
  })
})

describe('desk settings: routing rules', () => {
  test('rules are shown in order; moved, removed, added and changed, they are saved as one ordered list', async () => {
    workspace()
    await renderPage()
    const form = el('#desk-routing-form')
    const rules = () => [...form.querySelectorAll('li[data-rule-index]')]
    expect(rules().map((r) => r.querySelector('legend')?.textContent)).toEqual(['Rule 1: to Returns', 'Rule 2: to VIP'])
    expect(control('rules.0.intents', form).value).toBe('refund_request')
    expect((control('rules.1.vip_only', form) as HTMLInputElement).checked).toBe(true)

    fireEvent.click(screen.getByRole('button', { name: 'Move rule 2 up' }))
    expect(rules().map((r) => r.getAttribute('data-team-id'))).toEqual(['4', '3'])
    fireEvent.click(el('#desk-routing-add'))
    type('rules.2.intents', 'invoice, account_login', form)
    fireEvent.change(control('rules.2.team_id', form), { target: { value: '4' } })
    fireEvent.click(within(el('[data-field="rules.2.channels"]', form)).getByRole('checkbox', { name: 'E-mail' }))
    fireEvent.click(within(el('[data-field="rules.1.languages"]', form)).getByRole('checkbox', { name: 'English' }))
    fireEvent.click(el('#desk-routing-save'))
    expect(await screen.findByText('Routing rules saved.')).toBeTruthy()
    expect(sent('PUT', RULES)).toEqual([{
      rules: [
        { intents: [], languages: ['zh'], channels: ['chat'], vip_only: true, team_id: 4 },
        { intents: ['refund_request'], languages: ['en'], channels: [], vip_only: false, team_id: 3 },
        { intents: ['invoice', 'account_login'], languages: [], channels: ['email'], vip_only: false, team_id: 4 },
      ],
    }])

    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }))
    fireEvent.click(el('#desk-routing-save'))
    await waitFor(() => expect(sent('PUT', RULES)).toHaveLength(2))
    expect((sent('PUT', RULES)[1] as RoutingRulesBody).rules.map((r) => r.team_id)).toEqual([3, 4])
  })

  test('a rule the server refuses has the error beside its condition', async () => {
    workspace({ refuse: (m, p) => (m === 'PUT' && p === RULES ? invalid('body.rules.1.team_id', 'team 4 does not exist') : undefined) })
    await renderPage()
    fireEvent.click(el('#desk-routing-save'))
    await waitFor(() => expect(control('rules.1.team_id').getAttribute('aria-invalid')).toBe('true'))
    expect(errorOf(control('rules.1.team_id'))).toBe('team 4 does not exist')
    expect(control('rules.0.team_id').getAttribute('aria-invalid')).toBeNull()
    expect(document.getElementById('desk-routing-error')).toBeNull()
  })
})

describe('desk settings accessibility', () => {
  test('is axe-clean, for an owner and for a viewer', async () => {
    for (const permissions of [OWNER, ['customers:read'] as Permission[]]) {
      workspace()
      await renderPage(permissions)
      const result = await axe.run(document.getElementById('desk-settings') as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
      expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
      cleanup()
    }
  })
})

describe('desk settings for a viewer', () => {
  test('everything is shown read-only: no Save, no adding, editing or deleting', async () => {
    workspace()
    await renderPage(['customers:read'])
    expect(document.getElementById('desk-settings-read-only')).not.toBeNull()
    expect(el('#desk-settings').getAttribute('data-editable')).toBe('false')
    for (const id of ['desk-hours-save', 'desk-holiday-add', 'desk-team-new', 'desk-team-create', 'desk-routing-add', 'desk-routing-save']) expect(document.getElementById(id), id).toBeNull()
    expect(document.querySelectorAll('[data-action]')).toHaveLength(0)
    expect(control('week.mon.0.start').readOnly).toBe(true)
    expect(control('holidays.0').readOnly).toBe(true)
    expect(control('sla.warn_minutes').readOnly).toBe(true)
    expect(control('rules.0.intents').readOnly).toBe(true)
    expect((control('rules.0.team_id') as unknown as HTMLSelectElement).disabled).toBe(true)
    expect((control('rules.1.vip_only')).disabled).toBe(true)
    // The teams, agents and rules are still all there to read.
    expect(document.querySelectorAll('#desk-teams-table tbody tr')).toHaveLength(2)
    expect(document.querySelectorAll('#desk-agents-table tbody tr')).toHaveLength(3)
    fireEvent.submit(el('#desk-hours-form'))
    fireEvent.submit(el('#desk-routing-form'))
    expect(server.calls.filter((c) => c.method !== 'GET')).toEqual([])
  })

  test('in Chinese', async () => {
    workspace()
    await i18n.changeLanguage('zh-CN')
    await renderPage(['customers:read'], '服务台设置')
    expect(row('mon').querySelector('th')?.textContent).toBe('星期一')
    expect(screen.getByRole('textbox', { name: '星期一，时段 1：开始' })).toBe(control('week.mon.0.start'))
    expect(el('#desk-teams-table tr[data-team-id="3"]').textContent).toContain('轮流分配')
  })
})
