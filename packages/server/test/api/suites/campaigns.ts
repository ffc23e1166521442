import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { startSmtpRecorder, type SmtpRecorder } from '../../../src/adapters/mailer/smtp-recorder.ts'
import type { Mailer } from '../../../src/adapters/mailer/mailer.ts'
import { smtpMailer } from '../../../src/adapters/mailer/smtp-mailer.ts'
import { configureChannels } from '../../../src/services/campaigns/channels.ts'
import { signToken } from '../../../src/services/campaigns/tracking/tracking-token.ts'
import { signWebhook } from '../../../src/services/campaigns/tracking/webhook-signature.ts'
import { errorOf, workspace, type ApiContext, type Client } from '../harness.ts'

const PUBLIC = 'http://rapport.test'
const template = {
  en: { subject: 'Hi {{ customer.first_name }}', html: '<p><a href="https://shop.example/new">New in</a></p><a href="{{ unsubscribe_url }}">Unsubscribe</a>', text: 'New in. {{ unsubscribe_url }}' },
  zh: { subject: '新品', html: '<p><a href="https://shop.example/new">新品</a></p><a href="{{ unsubscribe_url }}">退订</a>', text: '新品 {{ unsubscribe_url }}' },
}

/**
 * Campaigns over HTTP, sent by the campaigns.send job to a loopback SMTP server; then the public tracking
 * endpoints (/t: open pixel, click redirect, unsubscribe page and one-click POST, signed webhooks) as a
 * recipient and a provider reach them. Data: 40 customers cp1…cp40 with marketing e-mail consent; every
 * fifth one in CN (Chinese).
 */
export function campaignsSuite(ctx: () => ApiContext): void {
  describe('campaigns API and tracking', () => {
    let api: Client & { id: number }
    let smtp: SmtpRecorder
    let mailer: Mailer
    let segment: number
    let campaign: number
    const app = () => ctx().app
    before(async () => {
      const db = ctx().db
      api = await workspace(db, 'campaigns-a')
      smtp = await startSmtpRecorder()
      mailer = smtpMailer({ servers: [{ host: smtp.host, port: smtp.port }] })
      configureChannels({ email: { mailer, label: 'test' }, sms: null, publicUrl: PUBLIC })
      await db.query(`INSERT INTO customers (workspace_id, external_id, name, email, phone, country) SELECT $1, 'cp' || g, 'Person ' || g, 'cp' || g || '@example.com', '+86 138 0000 ' || lpad(g::text, 4, '0'), CASE WHEN g % 5 = 0 THEN 'CN' ELSE 'GB' END FROM generate_series(1, 40) g`, [api.id])
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) SELECT $1, 'ck' || ch || id, id, ch, 'marketing', 'granted', now() - interval '2 days' FROM customers, unnest(ARRAY['email', 'sms']) ch WHERE workspace_id = $1`, [api.id])
      const s = await api('POST', '/api/v1/segments', { name: 'all consenting', tree: { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' } })
      assert.equal(s.status, 201, s.text)
      segment = s.body.id
    })
    after(async () => {
      configureChannels(null)
      await mailer.close()
      await smtp.close()
    })

    const draft = (name: string, over: Record<string, unknown> = {}) => api('POST', '/api/v1/campaigns', {
      name, channel: 'email', segment_id: segment, from_address: 'news@shop.example', holdout_pct: 10,
      variants: [{ name: 'A', template }, { name: 'B', template: { ...template, en: { ...template.en, subject: 'New for you' } } }], ...over,
    })

    async function done(id: number): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- the JSON body
      for (let i = 0; i < 600; i++) {
        const c = (await api('GET', `/api/v1/campaigns/${id}`)).body
        if (c.status !== 'sending') return c
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`campaign ${id} did not finish`)
    }

    test('a template error is a 400 naming the variant, language and part, with line and column', async () => {
      const r = await draft('broken', { variants: [{ name: 'A', template: { en: { ...template.en, text: 'Hi {{ customer.shoe_size }}' } } }] })
      assert.equal(r.status, 400)
      const e = errorOf(r)
      assert.equal(e.details?.[0]?.path, 'body.variants.0.template.en.text')
      assert.match(e.details?.[0]?.message ?? '', /^line 1, column \d+: unknown merge field "customer.shoe_size"/)
    })

    test('an unverified sender is refused at start with the reason (412), and nothing is frozen', async () => {
      const c = await draft('unverified')
      assert.equal(c.status, 201, c.text)
      const r = await api('POST', `/api/v1/campaigns/${c.body.id}/start`, {})
      assert.equal(r.status, 412)
      assert.match(errorOf(r).message, /news@shop\.example is not a verified sender/)
      assert.equal((await api('GET', `/api/v1/campaigns/${c.body.id}`)).body.status, 'draft')
    })

    test('a started campaign is sent by its job: the treated get one message each, the holdout none; results compare them', async () => {
      const settings = await api('PATCH', '/api/v1/campaigns/settings', { verified_senders: ['news@shop.example'] })
      assert.equal(settings.status, 200, settings.text)
      const c = await draft('launch')
      campaign = c.body.id
      const estimate = (await api('GET', `/api/v1/campaigns/${campaign}/audience`)).body
      assert.equal(estimate.audience, 40)
      const preview = await api('POST', `/api/v1/campaigns/${campaign}/preview`, { variant: 'B' })
      assert.equal(preview.status, 200, preview.text)
      assert.equal(preview.body.subject, 'New for you')
      const started = await api('POST', `/api/v1/campaigns/${campaign}/start`, {})
      assert.equal(started.status, 200, started.text)
      assert.deepEqual(started.body.plan, estimate, 'the start froze the audience the estimate showed')
      const finished = await done(campaign)
      assert.equal(finished.status, 'done')
      const mine = smtp.messages.filter((m) => m.headers['x-rapport-campaign'] === String(campaign))
      assert.equal(mine.length, estimate.treated)
      assert.equal(new Set(mine.map((m) => m.to[0])).size, estimate.treated)
      assert.ok(mine.some((m) => m.subject === 'New for you') && mine.some((m) => m.subject?.startsWith('Hi ')), 'both variants went out')
      const results = await api('GET', `/api/v1/campaigns/${campaign}/results`)
      assert.equal(results.status, 200, results.text)
      assert.equal(results.body.treated.recipients, estimate.treated)
      assert.equal(results.body.holdout.recipients, estimate.holdout)
      assert.equal(results.body.treated.sent, estimate.treated)
      assert.equal(results.body.variants.length, 2)
      assert.deepEqual([results.body.curves, results.body.curves_reason], [null, 'no_uplift_scores'], 'no uplift model has scored this workspace')
      const csv = await api('GET', `/api/v1/campaigns/${campaign}/results.csv`)
      assert.equal(csv.status, 200)
      assert.match(csv.text.split('\n')[0] ?? '', /scope/)
    })

    test('a winner test runs through its jobs: the sample is sent, the winner picked, and the held recipients get it', async () => {
      const c = await draft('winner test', { holdout_pct: 0, settings: { winner_test: { sample_pct: 50, wait_hours: 0, metric: 'clicks' } } })
      assert.equal(c.status, 201, c.text)
      const started = await api('POST', `/api/v1/campaigns/${c.body.id}/start`, {})
      assert.equal(started.status, 200, started.text)
      assert.ok(started.body.plan.held > 0, 'some recipients wait for the winner')
      const view = await done(c.body.id)
      assert.equal(view.status, 'done')
      assert.ok(['A', 'B'].includes(view.winner?.winner), JSON.stringify(view.winner))
      assert.equal(view.progress.sent, 40, 'all 40 (no holdout) got one message')
      const one = await draft('one variant', { variants: [{ name: 'A', template }], settings: { winner_test: { sample_pct: 20 } } })
      assert.equal(one.status, 400)
      assert.equal(errorOf(one).details?.[0]?.path, 'body.settings.winner_test')
    })

    const linkIn = (html: string, kind: 'c' | 'u' | 'o') => {
      const m = new RegExp(`${PUBLIC}(/t/${kind}/[A-Za-z0-9_.-]+)`).exec(html)
      assert.ok(m, `a /t/${kind}/ link in ${html.slice(0, 300)}`)
      return m[1] as string
    }

    test('the open pixel and a click are recorded; the click redirects to the original link only', async () => {
      const m = smtp.messages.find((x) => x.headers['x-rapport-campaign'] === String(campaign))
      assert.ok(m?.html)
      const pixel = await app().inject({ method: 'GET', url: linkIn(m.html, 'o') })
      assert.equal(pixel.statusCode, 200, pixel.body)
      assert.equal(pixel.headers['content-type'], 'image/gif')
      const click = await app().inject({ method: 'GET', url: linkIn(m.html, 'c') })
      assert.equal(click.statusCode, 302, click.body)
      assert.equal(click.headers.location, 'https://shop.example/new')
      const results = (await api('GET', `/api/v1/campaigns/${campaign}/results`)).body
      assert.equal(results.treated.opened, 1)
      assert.equal(results.treated.clicked, 1)
    })

    test('an edited or forged click token is a 400 and never a redirect (no open redirect)', async () => {
      const m = smtp.messages.find((x) => x.headers['x-rapport-campaign'] === String(campaign))
      const path = linkIn(m?.html ?? '', 'c')
      const [body, mac] = path.slice('/t/c/'.length).split('.') as [string, string]
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>
      const evil = Buffer.from(JSON.stringify({ ...payload, u: 'https://attacker.example/' })).toString('base64url')
      for (const url of [`/t/c/${evil}.${mac}`, `/t/c/${body}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, `/t/c/${signToken('not-the-secret', { k: 'click', w: api.id, c: campaign, r: 1, u: 'https://attacker.example/' })}`, '/t/c/garbage']) {
        const r = await app().inject({ method: 'GET', url })
        assert.equal(r.statusCode, 400, `${url}: ${r.statusCode}`)
        assert.equal(r.headers.location, undefined)
        assert.ok(!r.body.includes('attacker.example'))
      }
    })

    test('unsubscribing asks first, then revokes consent in the ledger with its source and suppresses the address; zh recipients read Chinese', async () => {
      const db = ctx().db
      const zh = smtp.messages.find((x) => x.headers['x-rapport-campaign'] === String(campaign) && x.subject === '新品')
      assert.ok(zh?.html, 'a Chinese message went out')
      const path = linkIn(zh.html, 'u')
      assert.equal(zh.headers['list-unsubscribe'], `<${PUBLIC}${path}>`)
      const page = await app().inject({ method: 'GET', url: path })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /确认退订/)
      const address = zh.to[0] as string
      const before = await db.query(`SELECT 1 FROM consents k JOIN customers c ON c.workspace_id = k.workspace_id AND c.id = k.customer_id WHERE k.workspace_id = $1 AND c.email = $2 AND k.status = 'revoked'`, [api.id, address])
      assert.equal(before.length, 0, 'the page alone changes nothing')
      const post = await app().inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'confirm=1' })
      assert.equal(post.statusCode, 200)
      assert.match(post.body, /退订成功/)
      const revoked = await db.query<{ source: string }>(`SELECT k.source FROM consents k JOIN customers c ON c.workspace_id = k.workspace_id AND c.id = k.customer_id WHERE k.workspace_id = $1 AND c.email = $2 AND k.status = 'revoked'`, [api.id, address])
      assert.deepEqual(revoked.map((r) => r.source), [`campaign:${campaign}:link`])
      const sup = await api('GET', `/api/v1/campaigns/suppressions?q=${encodeURIComponent(address)}`)
      assert.deepEqual(sup.body.data.map((s: { address: string; reason: string }) => [s.address, s.reason]), [[address, 'unsubscribe']])
      // RFC 8058 one-click from another recipient's mail client.
      const other = smtp.messages.find((x) => x.headers['x-rapport-campaign'] === String(campaign) && x.to[0] !== address)
      const oneClick = await app().inject({ method: 'POST', url: linkIn(other?.html ?? '', 'u'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })
      assert.equal(oneClick.statusCode, 200)
      const [src] = await db.query<{ source: string }>(`SELECT k.source FROM consents k JOIN customers c ON c.workspace_id = k.workspace_id AND c.id = k.customer_id WHERE k.workspace_id = $1 AND c.email = $2 AND k.status = 'revoked'`, [api.id, other?.to[0]])
      assert.equal(src?.source, `campaign:${campaign}:one-click`)
      assert.equal((await api('GET', `/api/v1/campaigns/${campaign}/results`)).body.treated.unsubscribed, 2)
    })

    test('webhooks: a bad or missing signature is 401; a signed hard bounce suppresses the address; an SMS "退订" reply revokes SMS consent', async () => {
      const { secret } = (await api('GET', '/api/v1/campaigns/settings/webhook-secret')).body as { secret: string }
      // The last recipient: the unsubscribe test above took earlier ones, and a suppression keeps its first reason.
      const m = smtp.messages.filter((x) => x.headers['x-rapport-campaign'] === String(campaign)).at(-1)
      const body = JSON.stringify({ events: [{ type: 'bounce', message_id: m?.messageId, hard: true }] })
      const url = `/t/webhooks/${api.id}/email`
      for (const headers of [{}, { 'x-rapport-signature': signWebhook('wrong', body) }, { 'x-rapport-signature': signWebhook(secret, `${body} `) }]) {
        const r = await app().inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: body })
        assert.equal(r.statusCode, 401, r.body)
        assert.equal(JSON.parse(r.body).error.code, 'unauthenticated')
      }
      const ok = await app().inject({ method: 'POST', url, headers: { 'content-type': 'application/json', 'x-rapport-signature': signWebhook(secret, body) }, payload: body })
      assert.equal(ok.statusCode, 200, ok.body)
      assert.deepEqual(JSON.parse(ok.body), { matched: 1, suppressed: 1 })
      const sup = await api('GET', `/api/v1/campaigns/suppressions?q=${encodeURIComponent(m?.to[0] ?? '')}`)
      assert.equal(sup.body.data[0]?.reason, 'hard_bounce')
      const sms = JSON.stringify({ events: [{ type: 'reply', from: '+86 138 0000 0007', text: '退订' }] })
      const r = await app().inject({ method: 'POST', url: `/t/webhooks/${api.id}/sms`, headers: { 'content-type': 'application/json', 'x-rapport-signature': signWebhook(secret, sms) }, payload: sms })
      assert.equal(r.statusCode, 200, r.body)
      assert.deepEqual(JSON.parse(r.body), { matched: 1, revoked: 1, confirmed: 0 })
      const [k] = await ctx().db.query<{ status: string }>(`SELECT k.status FROM consents k JOIN customers c ON c.workspace_id = k.workspace_id AND c.id = k.customer_id WHERE k.workspace_id = $1 AND c.external_id = 'cp7' AND k.channel = 'sms' ORDER BY k.recorded_at DESC, k.id DESC LIMIT 1`, [api.id])
      assert.equal(k?.status, 'revoked')
    })

    test('double opt-in: switched on, a confirmation job e-mails every unconfirmed customer; the link asks, then confirms; an edited link is a 400', async () => {
      const on = await api('PATCH', '/api/v1/campaigns/settings', { double_opt_in: { email: true } })
      assert.equal(on.status, 200, on.text)
      assert.deepEqual(on.body.double_opt_in, { email: true, sms: false })
      const before = await api('GET', '/api/v1/campaigns/consent-confirmations?channel=email')
      assert.equal(before.status, 200, before.text)
      assert.equal(before.body.required, true)
      assert.equal(before.body.confirmed, 0)
      const unconfirmed = before.body.unconfirmed as number
      assert.ok(unconfirmed > 30, `${unconfirmed} unconfirmed of 40 (some unsubscribed or bounced above)`)
      const bad = await api('GET', `/api/v1/campaigns/consent-confirmations?purpose=${encodeURIComponent("x' OR 1=1")}`)
      assert.equal(bad.status, 400)
      assert.equal(errorOf(bad).details?.[0]?.path, 'query.purpose')

      smtp.messages.length = 0
      const queued = await api('POST', '/api/v1/campaigns/consent-confirmations', { channel: 'email' })
      assert.equal(queued.status, 202, queued.text)
      let job: Record<string, unknown> = {}
      for (let i = 0; i < 400 && job.state !== 'completed' && job.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50))
        job = (await api('GET', `/api/v1/jobs/${queued.body.job_id}`)).body
      }
      assert.equal(job.state, 'completed', JSON.stringify(job))
      const asks = smtp.messages.filter((m) => /\/t\/k\//.test(m.text ?? ''))
      assert.equal(asks.length, unconfirmed)
      const zh = asks.find((m) => m.subject?.startsWith('请确认订阅'))
      assert.ok(zh, 'Chinese-speaking customers are asked in Chinese')
      const path = (/https?:\/\/[^/]+(\/t\/k\/[A-Za-z0-9_.-]+)/.exec(zh.text ?? '') ?? [])[1] ?? ''
      const page = await app().inject({ method: 'GET', url: path })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /确认订阅/)
      assert.equal((await api('GET', '/api/v1/campaigns/consent-confirmations')).body.confirmed, 0, 'the page alone records nothing')
      const post = await app().inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'confirm=1' })
      assert.equal(post.statusCode, 200)
      assert.match(post.body, /您已确认订阅/)
      const after = (await api('GET', '/api/v1/campaigns/consent-confirmations')).body
      assert.deepEqual([after.confirmed, after.unconfirmed], [1, unconfirmed - 1])
      const edited = path.replace(/\.([A-Za-z0-9_-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`)
      const forged = await app().inject({ method: 'GET', url: edited })
      assert.equal(forged.statusCode, 400)
      assert.match(forged.body, /此链接无效/)
      assert.equal((await api('PATCH', '/api/v1/campaigns/settings', { double_opt_in: { email: false } })).body.double_opt_in.email, false)
    })
  })
}
