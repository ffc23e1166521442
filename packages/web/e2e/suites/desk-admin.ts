import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, apiSend, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type Lang, type World } from '../harness.ts'

interface Report {
  from: string
  to: string
  volume: Array<{ day: string; opened: number; solved: number }>
  assistant: { chats: number; decisions: number; answered: number; clarified: number; handed_off: number }
}
type Minutes = Record<'urgent' | 'high' | 'normal' | 'low', number>
interface Settings {
  business_hours: { week: Record<string, Array<[string, string]> | undefined>; holidays: string[] }
  sla: { first_response_minutes: Minutes; resolution_minutes: Minutes; warn_minutes: number }
  time_zone: string
  default: boolean
}
interface Team { id: number; name: string; assignment: string; members: Array<{ user_id: number; name: string }> }
interface Canned { id: number; lang: string; title: string; shortcut: string | null; body: string }
interface Customer { id: number; name: string | null }

async function checkPage(page: Page, lang: Lang, what: string, allow: RegExp[] = []): Promise<void> {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${what}`)
  if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page, allow), [], `untranslated text on ${what}`)
}

/** The workspace's first customer, as desk.ts opens conversations for it. */
async function firstCustomer(page: Page): Promise<Customer> {
  const customers = await apiGet<{ data: Customer[] }>(page, '/api/v1/customers/?limit=1')
  const customer = customers.data[0]
  assert.ok(customer, 'the demo workspace has a customer')
  return customer
}

/** Opens a conversation for the workspace's first customer, as an integration would; answers its id. */
async function openConversation(page: Page, customer: Customer, subject: string, body: string): Promise<number> {
  const made = await apiSend<{ id: number }>(page, 'POST', '/api/v1/desk/conversations', { customer_internal_id: customer.id, subject, body, channel: 'email' })
  assert.equal(made.status, 201, `opening the conversation: ${JSON.stringify(made.body)}`)
  return made.body.id
}

/**
 * The days the page shows (`data-from`/`data-to`, local days) as the API is asked them: local midnights in the
 * browser's time zone, the end excluded. (No named functions inside evaluate: tsx would wrap them in a helper the page lacks.)
 */
const apiRangeOf = (page: Page, from: string, to: string) =>
  page.evaluate(([f, t]) => {
    const [fy, fm, fd] = f.split('-').map(Number) as [number, number, number]
    const [ty, tm, td] = t.split('-').map(Number) as [number, number, number]
    return { from: new Date(fy, fm - 1, fd).toISOString(), to: new Date(ty, tm - 1, td + 1).toISOString() }
  }, [from, to] as const)

/** The last `days` days up to today, as local days of the browser. */
async function lastDays(page: Page, days: number): Promise<{ from: string; to: string }> {
  const [from, to] = await page.evaluate((n) => {
    const now = new Date()
    return [new Date(now.getFullYear(), now.getMonth(), now.getDate() - (n - 1)), now]
      .map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)
  }, days)
  assert.ok(from && to)
  return { from, to }
}

/** The stat's raw value (`data-value`) and its text. */
async function stat(page: Page, list: string, key: string): Promise<{ value: string | null; text: string }> {
  const dd = page.locator(`#${list} [data-stat="${key}"] dd`)
  return { value: await dd.getAttribute('data-value'), text: (await dd.innerText()).trim() }
}

/**
 * The report on the page, once loaded for the days it names, against the API's answer for the same days: the volume
 * totals and the chat assistant's numbers. Answers the API's report.
 */
async function reportAgreesWithApi(page: Page, lang: Lang, days: { from: string; to: string }): Promise<Report> {
  await page.locator(`#desk-reports[data-from="${days.from}"][data-to="${days.to}"][data-loading=false] #desk-report-volume[data-state]`).waitFor()
  const asked = await apiRangeOf(page, days.from, days.to)
  const report = await apiGet<Report>(page, `/api/v1/desk/reports?from=${encodeURIComponent(asked.from)}&to=${encodeURIComponent(asked.to)}`)
  const number = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n)
  const opened = report.volume.reduce((a, v) => a + v.opened, 0)
  const solved = report.volume.reduce((a, v) => a + v.solved, 0)
  assert.ok(opened > 0, 'a conversation was opened today')
  assert.equal(await page.locator('#desk-report-volume').getAttribute('data-state'), 'ready')
  assert.deepEqual(await stat(page, 'desk-report-volume-totals', 'opened'), { value: String(opened), text: number(opened) }, 'conversations opened')
  assert.deepEqual(await stat(page, 'desk-report-volume-totals', 'solved'), { value: String(solved), text: number(solved) }, 'conversations solved')
  const a = report.assistant
  if (a.chats === 0 && a.decisions === 0) {
    assert.equal(await page.locator('#desk-report-assistant').getAttribute('data-state'), 'empty', 'no chats: the assistant block says so')
    assert.equal(await page.locator('#desk-report-assistant-stats').count(), 0)
  } else {
    assert.equal(await page.locator('#desk-report-assistant').getAttribute('data-state'), 'ready')
    for (const key of ['chats', 'decisions', 'answered', 'handed_off'] as const) {
      assert.deepEqual(await stat(page, 'desk-report-assistant-stats', key), { value: String(a[key]), text: number(a[key]) }, `the assistant's ${key}`)
    }
  }
  return report
}

/**
 * The error shown beside the control `input` (a selector inside `scope`): in the same field, marked invalid and
 * describing it (aria-describedby).
 */
async function fieldError(page: Page, scope: string, input: string): Promise<string> {
  const el = page.locator(`${scope} ${input}`)
  const error = page.locator(`${scope} .field-invalid:has(${input}) .field-error`)
  await error.waitFor()
  assert.equal(await el.getAttribute('aria-invalid'), 'true', `${input} is marked invalid`)
  const errorId = await error.getAttribute('id')
  assert.ok(errorId && ((await el.getAttribute('aria-describedby')) ?? '').split(' ').includes(errorId), `${input} is described by its error`)
  return (await error.innerText()).trim()
}

/** A DELETE through the page's session: no body, so no JSON content type (apiSend always sends one). */
const apiDelete = (page: Page, path: string): Promise<number> =>
  page.evaluate(async (p) => {
    const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrf_token: string }
    return (await fetch(p, { method: 'DELETE', headers: { 'x-csrf-token': session.csrf_token } })).status
  }, path)

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
const settingsBody = (s: Settings) => ({ business_hours: s.business_hours, sla: s.sla })
/** The settings as they mean it: a day left out is closed, as an empty list is (the API answers every day once saved). */
const meaning = (s: Settings) => ({
  business_hours: { week: Object.fromEntries(WEEK.map((d) => [d, s.business_hours.week[d] ?? []])), holidays: s.business_hours.holidays },
  sla: s.sla,
})

/** People's names (the desk's agents) are data: left as they are in Chinese. */
async function agentNames(page: Page): Promise<RegExp[]> {
  const agents = await apiGet<{ data: Array<{ name: string }> }>(page, '/api/v1/desk/agents')
  return agents.data.map((a) => new RegExp(`^${a.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
}

export function deskAdminSuite(world: () => World): void {
  describe('desk reports, settings and saved replies', () => {
    for (const lang of LANGS) {
      test(`(${lang}) the owner opens the desk reports from the navigation, switches to the last 90 days (pressed, in the address and the period) and the volume and assistant numbers agree with the API; axe clean; translated`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'owner', lang, '/desk')
          // One conversation opened today, so the volume has something to count whatever ran before.
          const tag = `reports${lang.replace('-', '')}${Date.now()}`
          await openConversation(page, await firstCustomer(page), lang === 'en' ? `Where is my order ${tag}` : `我的订单在哪里 ${tag}`, lang === 'en' ? 'It has not arrived yet.' : '还没有收到。')

          await page.locator('nav.sidenav a[href="/desk/reports"]').click()
          await page.locator('#desk-reports').waitFor()
          assert.equal(new URL(page.url()).pathname, '/desk/reports')
          // The last 30 days by default.
          assert.equal(await page.locator('button[data-preset="30"]').getAttribute('aria-pressed'), 'true')
          const thirty = await lastDays(page, 30)
          const before = await reportAgreesWithApi(page, lang, thirty)
          for (const block of ['volume', 'times', 'sla', 'csat', 'intents', 'sentiment', 'triage', 'assistant']) {
            assert.match((await page.locator(`#desk-report-${block}`).getAttribute('data-state')) ?? '', /^(ready|empty)$/, `the ${block} block`)
          }
          const period = await page.locator('#desk-report-period').innerText()

          // The last 90 days: the button is pressed, the address and the period say so, the numbers are the API's.
          await page.locator('button[data-preset="90"]').click()
          await page.locator('button[data-preset="90"][aria-pressed=true]').waitFor()
          assert.equal(await page.locator('button[data-preset="30"]').getAttribute('aria-pressed'), 'false')
          assert.equal(await page.locator('button[data-preset="7"]').getAttribute('aria-pressed'), 'false')
          const url = new URL(page.url())
          assert.deepEqual([url.pathname, url.search], ['/desk/reports', '?days=90'])
          const ninety = await lastDays(page, 90)
          const after = await reportAgreesWithApi(page, lang, ninety)
          assert.notEqual(await page.locator('#desk-report-period').innerText(), period, 'the period names the new range')
          assert.deepEqual(
            [await page.locator('#desk-report-range [data-field=from]').inputValue(), await page.locator('#desk-report-range [data-field=to]').inputValue()],
            [ninety.from, ninety.to],
          )
          const sum = (r: Report) => r.volume.reduce((n, v) => n + v.opened, 0)
          assert.ok(sum(after) >= sum(before), '90 days hold the last 30')
          await checkPage(page, lang, 'the desk reports')
          await screenshot(page, 'desk-reports', lang)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    for (const lang of LANGS) {
      test(`(${lang}) the owner changes the urgent first-response target in the desk settings and the API has it; an impossible opening time is refused beside its field and nothing is saved; a new team shows in the teams table; axe clean; translated`, async () => {
        const { page, context } = await newPage(world(), { lang })
        let original: Settings | undefined
        let teamId: number | undefined
        try {
          await signIn(world(), page, 'owner', lang, '/desk')
          await page.locator('nav.sidenav a[href="/desk/settings"]').click()
          await page.locator('#desk-settings[data-editable=true] #desk-hours-form').waitFor()
          await page.locator('#desk-teams').waitFor()
          original = await apiGet<Settings>(page, '/api/v1/desk/settings')
          assert.equal(await page.locator('#desk-settings-read-only').count(), 0)
          const names = await agentNames(page)
          await checkPage(page, lang, 'the desk settings', names)

          // The urgent first-response target, changed and saved.
          const urgent = page.locator('[data-field="sla.first_response_minutes.urgent"]')
          const was = original.sla.first_response_minutes.urgent
          assert.equal(await urgent.inputValue(), String(was))
          const target = was === 75 ? 90 : 75
          await urgent.fill(String(target))
          await page.locator('#desk-hours-save').click()
          await page.locator('.toast-success').waitFor()
          const saved = await apiGet<Settings>(page, '/api/v1/desk/settings')
          assert.equal(saved.sla.first_response_minutes.urgent, target)
          assert.equal(saved.default, false)
          // Only that changed.
          assert.deepEqual(meaning(saved), { ...meaning(original), sla: { ...original.sla, first_response_minutes: { ...original.sla.first_response_minutes, urgent: target } } })
          assert.equal(await urgent.inputValue(), String(target))

          // 25:00 closing a weekday's first window: said beside that field, nothing saved.
          const day = ['mon', 'tue', 'wed', 'thu', 'fri'].find((d) => (saved.business_hours.week[d] ?? []).length > 0)
          assert.ok(day, `a weekday is open: ${JSON.stringify(saved.business_hours.week)}`)
          const closes = `[data-field="week.${day}.0.end"]`
          await page.locator(closes).fill('25:00')
          await page.locator('#desk-hours-save').click()
          const message = await fieldError(page, '#desk-hours-form', closes)
          assert.notEqual(message, '')
          assert.equal(await page.locator(`.field-invalid:has([data-field="week.${day}.0.start"])`).count(), 0, 'the opening time is fine')
          assert.equal(await page.locator('.desk-hours-form .field-invalid').count(), 1, 'only that field is wrong')
          assert.deepEqual(await apiGet<Settings>(page, '/api/v1/desk/settings'), saved, 'nothing was saved')
          await checkPage(page, lang, 'the desk settings with an error', names)
          // Put right, it saves again and the error goes.
          await page.locator(closes).fill(saved.business_hours.week[day]?.[0]?.[1] ?? '')
          const put = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/desk/settings' && r.request().method() === 'PUT')
          await page.locator('#desk-hours-save').click()
          assert.equal((await put).status(), 200)
          await page.locator('#desk-hours-save:not([disabled])').waitFor()
          assert.equal(await page.locator('.desk-hours-form .field-invalid').count(), 0)
          assert.deepEqual(meaning(await apiGet<Settings>(page, '/api/v1/desk/settings')), meaning(saved))

          // A new team, with its rule and a member: in the table and in the API.
          const name = lang === 'en' ? `Returns team ${Date.now()}` : `退货小组 ${Date.now()}`
          const form = page.locator('#desk-team-new')
          await form.locator('[data-field=name]').fill(name)
          await form.locator('[data-field=assignment]').selectOption('round_robin')
          const member = form.locator('label[data-member]').first()
          const memberId = Number(await member.getAttribute('data-member'))
          await member.locator('input[type=checkbox]').check()
          await page.locator('#desk-team-create').click()
          const row = page.locator('#desk-teams-table tbody tr', { has: page.locator('th', { hasText: name }) })
          await row.waitFor()
          teamId = Number(await row.getAttribute('data-team-id'))
          assert.equal(await row.getAttribute('data-assignment'), 'round_robin')
          assert.equal(await row.locator('td[data-members]').getAttribute('data-members'), String(memberId))
          const teams = await apiGet<{ data: Team[] }>(page, '/api/v1/desk/teams')
          const team = teams.data.find((x) => x.id === teamId)
          assert.deepEqual([team?.name, team?.assignment, team?.members.map((m) => m.user_id)], [name, 'round_robin', [memberId]])
          // The form is empty again for the next team.
          assert.equal(await form.locator('[data-field=name]').inputValue(), '')
          await checkPage(page, lang, 'the desk settings with the new team', names)
          await screenshot(page, 'desk-settings', lang)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          // What was changed goes back, so the suites after this one see the desk as it was.
          if (original) {
            const put = await apiSend(page, 'PUT', '/api/v1/desk/settings', settingsBody(original))
            assert.equal(put.status, 200, `restoring the desk settings: ${JSON.stringify(put.body)}`)
            assert.deepEqual(meaning(await apiGet<Settings>(page, '/api/v1/desk/settings')), meaning(original))
          }
          if (teamId !== undefined) {
            assert.equal(await apiDelete(page, `/api/v1/desk/teams/${teamId}`), 204, 'deleting the test team')
          }
          await context.close()
        }
      })
    }

    test('a viewer reads the desk settings but cannot change them', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer', 'en', '/desk')
        await page.locator('nav.sidenav a[href="/desk/settings"]').click()
        await page.locator('#desk-settings[data-editable=false] #desk-settings-read-only').waitFor()
        await page.locator('#desk-hours-form').waitFor()
        await page.locator('#desk-teams').waitFor()
        const settings = await apiGet<Settings>(page, '/api/v1/desk/settings')
        const urgent = page.locator('[data-field="sla.first_response_minutes.urgent"]')
        assert.equal(await urgent.inputValue(), String(settings.sla.first_response_minutes.urgent))
        assert.equal(await urgent.getAttribute('readonly'), '')
        for (const control of ['#desk-hours-save', '#desk-team-new', '#desk-holiday-add', '[data-action=add-window]', '[data-action=edit-team]', '[data-action=delete-team]']) {
          assert.equal(await page.locator(control).count(), 0, `no ${control} for a viewer`)
        }
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the read-only desk settings')
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })

    for (const lang of LANGS) {
      test(`(${lang}) an agent saves a reply with a merge field and a shortcut (an unknown field is refused beside the body), inserts it in a conversation from the picker filled in for the customer, and typing its shortcut offers it; axe clean; translated`, async () => {
        const { page, context } = await newPage(world(), { lang })
        let cannedId: number | undefined
        try {
          const tag = `${lang.replace('-', '').toLowerCase()}${Date.now()}`
          const shortcut = `/e2e-${tag}`
          const title = lang === 'en' ? `Thanks for waiting ${tag}` : `感谢等待 ${tag}`
          const body = lang === 'en'
            ? 'Hello {{ customer.first_name | default: "there" }}, thanks for waiting: your parcel ships today.'
            : '{{ customer.first_name | default: "您" }}，您好！感谢您的耐心等待，包裹今天发出。'
          await signIn(world(), page, 'agent', lang, '/desk')
          await page.locator('nav.sidenav a[href="/desk/canned"]').click()
          // The demo's saved replies are listed.
          await page.locator('#desk-canned[data-editable=true] .data-table tbody strong[data-canned]').first().waitFor()
          await checkPage(page, lang, 'the saved replies')

          // A new reply in the page's language; first with a field that does not exist.
          await page.locator('#desk-canned-new').click()
          const form = page.locator('#desk-canned-form[data-canned=new]')
          await form.waitFor()
          assert.equal(await form.locator('[data-field=lang]').inputValue(), lang === 'en' ? 'en' : 'zh')
          await form.locator('[data-field=title]').fill(title)
          await form.locator('[data-field=shortcut]').fill(shortcut)
          await form.locator('[data-field=body]').fill(lang === 'en' ? 'Hello {{ customer.nmae }}, thanks for waiting.' : '{{ customer.nmae }}，您好！')
          await checkPage(page, lang, 'the new saved reply form')
          await page.locator('#desk-canned-save').click()
          const message = await fieldError(page, '#desk-canned-form', '[data-field=body]')
          assert.match(message, /customer\.nmae/, "the server's error names the unknown field")
          assert.equal(await form.locator('.field-invalid').count(), 1, 'only the body is wrong')
          const none = await apiGet<{ data: Canned[] }>(page, `/api/v1/desk/canned?q=${encodeURIComponent(shortcut)}&limit=5`)
          assert.deepEqual(none.data, [], 'nothing was saved')
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the form with the error')

          // With the real merge field it saves: in the list and in the API.
          await form.locator('[data-field=body]').fill(body)
          await page.locator('#desk-canned-save').click()
          await form.waitFor({ state: 'detached' })
          await page.locator('.toast-success').waitFor()
          const stored = await apiGet<{ data: Canned[] }>(page, `/api/v1/desk/canned?q=${encodeURIComponent(shortcut)}&limit=5`)
          assert.equal(stored.data.length, 1)
          const canned = stored.data[0]
          assert.ok(canned)
          cannedId = canned.id
          assert.deepEqual([canned.lang, canned.title, canned.shortcut, canned.body], [lang === 'en' ? 'en' : 'zh', title, shortcut, body])
          await page.locator(`#desk-canned .data-table strong[data-canned="${canned.id}"]`, { hasText: title }).waitFor()
          await checkPage(page, lang, 'the saved replies with the new one')
          await screenshot(page, 'desk-canned', lang)

          // A conversation of the customer's: the reply goes in filled in for them.
          const customer = await firstCustomer(page)
          const first = (customer.name ?? '').trim().split(/\s+/)[0] ?? ''
          assert.notEqual(first, '', `the demo customer has a name: ${JSON.stringify(customer)}`)
          const expected = lang === 'en'
            ? `Hello ${first}, thanks for waiting: your parcel ships today.`
            : `${first}，您好！感谢您的耐心等待，包裹今天发出。`
          const id = await openConversation(
            page, customer,
            lang === 'en' ? `Parcel still not here ${tag}` : `包裹还没到 ${tag}`,
            lang === 'en' ? 'My parcel has not arrived yet. Can you check?' : '我的包裹还没到，能帮我查一下吗？',
          )
          await page.goto(`/desk/${id}`)
          await page.locator(`.desk-conversation[data-conversation="${id}"] #desk-reply`).waitFor()
          const box = page.locator('#desk-reply textarea[data-field=body]')
          assert.equal(await box.inputValue(), '')
          await page.locator('#desk-canned-insert').click()
          const picker = page.locator('#desk-canned-picker')
          await picker.waitFor()
          await picker.locator('[data-field=q]').fill(tag)
          await picker.locator(`li[role=option][data-canned="${canned.id}"]`).click()
          await picker.waitFor({ state: 'detached' })
          await page.waitForFunction((t) => (document.querySelector<HTMLTextAreaElement>('#desk-reply textarea[data-field=body]')?.value ?? '') === t, expected)
          assert.doesNotMatch(await box.inputValue(), /\{\{|\}\}/)
          assert.equal(await page.locator('#desk-reply').getAttribute('data-canned-state'), 'idle', 'no merge field was empty')
          await checkPage(page, lang, 'the conversation with the saved reply')
          await screenshot(page, 'desk-canned-inserted', lang)

          // Typing the shortcut in the empty box offers the reply; choosing it fills it in the same way.
          await box.fill('')
          await box.pressSequentially(shortcut)
          const offered = page.locator(`#desk-canned-shortcuts button[data-canned="${canned.id}"][data-shortcut="${shortcut}"]`)
          await offered.waitFor()
          assert.equal(await page.locator('#desk-canned-shortcuts').getAttribute('data-prefix'), shortcut)
          assert.equal(await page.locator('#desk-canned-shortcuts button').count(), 1, 'a whole shortcut is one reply')
          // What the agent typed is data (React keeps a textarea's value as its text too).
          await checkPage(page, lang, 'the shortcut offered', [new RegExp(`^${shortcut}$`)])
          await offered.click()
          await page.waitForFunction((t) => (document.querySelector<HTMLTextAreaElement>('#desk-reply textarea[data-field=body]')?.value ?? '') === t, expected)
          assert.equal(await page.locator('#desk-canned-shortcuts').count(), 0)
          // Nothing was sent: the thread holds only the customer's message.
          const thread = await apiGet<{ messages: Array<{ author: string }> }>(page, `/api/v1/desk/conversations/${id}`)
          assert.deepEqual(thread.messages.map((m) => m.author), ['customer'])
          assert.deepEqual(jsErrors(page), [])
        } finally {
          if (cannedId !== undefined) {
            assert.equal(await apiDelete(page, `/api/v1/desk/canned/${cannedId}`), 204, 'deleting the test reply')
          }
          await context.close()
        }
      })
    }
  })
}
