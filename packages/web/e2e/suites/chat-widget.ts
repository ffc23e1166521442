import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type Lang, type World } from '../harness.ts'

interface Widget { site_key: string; enabled: boolean; allowed_origins: string[]; greeting_en: string; greeting_zh: string }
interface Article { external_id: string | null; lang: string; title: string; questions: string[]; body: string }
interface Caught { id: number; to: string; subject: string | null }
interface CaughtFull extends Caught { text: string | null }
interface Thread { id: number; channel: string; subject: string; messages: Array<{ author: string; body: string; delivery: string | null; delivery_error: string | null }> }

/** Polls `read` until `ok` holds (a mail being caught). */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s (last ${JSON.stringify(v)})`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/**
 * A shop's page on an origin of its own (127.0.0.1 on a port of its own, so not Rapport's): a heading and the
 * embed tag, as the settings page tells a shop to paste it. The key is read per request (it is known later).
 */
async function shopPage(world: World, embed: () => { key: string; lang: 'en' | 'zh' }): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    const { key, lang } = embed()
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(`<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>Demo shop</title></head>
<body><h1>Demo shop</h1><script src="${world.url}/widget/v1/chat-widget.js" data-site-key="${key}" data-lang="${lang}" async></script></body></html>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

/** The widget's status line (in its open shadow root): where it says why the chat cannot be used. */
const widgetStatus = (page: Page) => page.evaluate(() => document.querySelector('[data-rapport-chat]')?.shadowRoot?.querySelector('.status')?.textContent?.trim() ?? '')

async function ask(page: Page, text: string): Promise<void> {
  await page.locator('form.ask textarea').fill(text)
  await page.locator('form.ask button[type=submit]').click()
}

async function checkPage(page: Page, lang: Lang, what: string): Promise<void> {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${what}`)
  // Latin words allowed in Chinese: data (the visitor's e-mail address).
  if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page, [/@example\.com/]), [], `untranslated text on ${what}`)
}

/**
 * What each language's visitor asks: a paraphrase close to one of the demo shipping-time article's questions
 * ("How many days does delivery take?", "一般几天发货"), then asking for a person in words the assistant must
 * not argue with.
 */
const CASES = {
  en: { widgetLang: 'en', article: 'demo-kb-shipping-time-en', question: 'How many days does delivery usually take?', person: 'I want to talk to a person', reply: 'Hello! Your order ships today and arrives within 2–4 days.' },
  'zh-CN': { widgetLang: 'zh', article: 'demo-kb-shipping-time-zh', question: '下单后一般几天发货？', person: '我要找人工客服', reply: '您好！您的订单今天发货，2-4天内送达。' },
} as const

export function chatWidgetSuite(world: () => World): void {
  describe('chat widget', () => {
    for (const lang of LANGS) {
      test(`(${lang}) the owner allows a shop's origin on the chat widget page (embed code, live preview; axe clean; translated); a visitor there asks, gets the article's answer, asks for a person and leaves an e-mail; the agent finds the chat in the inbox with its transcript and replies; the reply shows in the widget and is e-mailed; markup the visitor types stays text; a page on another origin gets no chat`, async () => {
        const c = CASES[lang]
        // Lower case: the server keeps e-mail addresses in lower case.
        const tag = `${lang.replace('-', '').toLowerCase()}${Date.now()}`
        const embed = { key: '', lang: c.widgetLang }
        const shop = await shopPage(world(), () => embed)
        const elsewhere = await shopPage(world(), () => embed)
        const owner = await newPage(world(), { lang })
        const visitor = await newPage(world(), { lang })
        const stranger = await newPage(world(), { lang })
        const agent = await newPage(world(), { lang })
        try {
          // (a) The owner opens the page from the inbox: the embed code for this Rapport and key, the preview greeting.
          const { page } = owner
          await signIn(world(), page, 'owner', lang, '/desk')
          await page.locator('#desk-chat-widget-link').click()
          await page.locator('#chat-widget[data-editable=true] #chat-widget-form').waitFor()
          const before = await apiGet<Widget>(page, '/api/v1/desk/widget')
          embed.key = before.site_key
          assert.equal(await page.locator('#chat-widget-site-key').innerText(), before.site_key)
          assert.equal(
            await page.locator('#chat-widget-snippet').innerText(),
            `<script src="${world().url}/widget/v1/chat-widget.js" data-site-key="${before.site_key}" data-lang="${c.widgetLang}" async></script>`,
          )
          assert.equal(await page.locator('#chat-widget-test-page').getAttribute('href'), `/widget/v1/test-page?key=${before.site_key}&lang=${c.widgetLang}`)
          const greeting = c.widgetLang === 'zh' ? before.greeting_zh : before.greeting_en
          await page.locator('#chat-preview .msg.assistant', { hasText: greeting }).waitFor({ timeout: 30_000 })
          assert.equal(await page.locator('#chat-preview [data-rapport-chat]').count(), 1)
          assert.equal(await page.locator('#chat-widget-save').isDisabled(), true)
          await checkPage(page, lang, 'the chat widget page')
          await screenshot(page, 'chat-widget', lang)

          // The shop's origin, added on a line of its own, saved.
          const origins = page.locator('#chat-widget-form [data-field=allowed_origins]')
          const current = (await origins.inputValue()).trim()
          await origins.fill(current === '' ? shop.origin : `${current}\n${shop.origin}`)
          await page.locator('#chat-widget-save:not([disabled])').click()
          await page.locator('.toast-success').waitFor()
          await page.locator('#chat-widget-save[disabled]').waitFor()
          const saved = await apiGet<Widget>(page, '/api/v1/desk/widget')
          assert.ok(saved.allowed_origins.includes(shop.origin), JSON.stringify(saved.allowed_origins))
          assert.ok(!saved.allowed_origins.includes(elsewhere.origin))
          assert.equal(saved.site_key, before.site_key)
          // The preview starts afresh after a save: still one widget.
          await page.locator('#chat-preview .msg.assistant', { hasText: greeting }).waitFor({ timeout: 30_000 })
          assert.equal(await page.locator('#chat-preview [data-rapport-chat]').count(), 1)
          await checkPage(page, lang, 'the chat widget page after saving')

          // (b) A visitor on the shop's page opens the chat and asks: the demo article's answer.
          const articles = await apiGet<{ data: Article[] }>(page, `/api/v1/kb/articles?lang=${c.widgetLang}&status=published&limit=100`)
          const article = articles.data.find((a) => a.external_id === c.article)
          assert.ok(article, `the demo knowledge base has ${c.article}`)
          const v = visitor.page
          await v.goto(shop.origin)
          await v.locator('.launcher').waitFor()
          // Closed until the launcher is clicked; the e-mail form only after a hand-off.
          assert.equal(await v.locator('.panel').isHidden(), true)
          await v.locator('.launcher').click()
          await v.locator('.panel .msg.assistant', { hasText: greeting }).waitFor({ timeout: 30_000 })
          assert.equal(await v.locator('form.mail').isHidden(), true)
          await ask(v, c.question)
          // The first question of a language trains its classifier from the articles: give it time.
          const answer = v.locator('.msg.assistant[data-action=answer]')
          await answer.waitFor({ timeout: 90_000 })
          const answered = (await answer.textContent()) ?? ''
          assert.ok(answered.includes(article.body), `the answer is the article's: ${answered}`)
          assert.ok(answered.includes(article.title), 'it names the article it comes from')

          // (c) Asking for a person hands the chat off; the visitor leaves an e-mail address for the reply.
          await ask(v, c.person)
          await v.locator('.msg.assistant[data-action=hand_off]').waitFor({ timeout: 30_000 })
          const email = `chat-${tag}@example.com`
          await v.locator('form.mail input[type=email]').fill(email)
          await v.locator('form.mail button[type=submit]').click()
          await v.locator('.msg.assistant[data-action=contact]', { hasText: email }).waitFor()
          assert.equal(await v.locator('form.mail').isHidden(), true)
          assert.equal(await widgetStatus(v), '')

          // (d) The agent finds the chat in the inbox (channel chat, the question as its subject) and reads the transcript.
          const a = agent.page
          await signIn(world(), a, 'agent', lang, '/desk')
          await a.locator('.desk-inbox #desk-views').waitFor()
          await a.locator('form[role=search] [data-filter=channel]').selectOption('chat')
          await a.locator('form[role=search] [data-filter=q]').fill(c.question)
          await a.locator('form[role=search] button[type=submit]').click()
          await a.waitForFunction((q) => {
            const rows = [...document.querySelectorAll('.data-table tbody tr')]
            return rows.length === 1 && (rows[0]?.textContent ?? '').includes(q)
          }, c.question)
          await a.locator('.data-table tbody a[data-conversation]').click()
          await a.locator('.desk-conversation[data-conversation]').waitFor()
          const id = Number(await a.locator('.desk-conversation').getAttribute('data-conversation'))
          const thread = await apiGet<Thread>(a, `/api/v1/desk/conversations/${id}`)
          assert.deepEqual([thread.channel, thread.subject], ['chat', c.question])
          const bodies = (author: string) => a.locator(`#desk-thread [data-author=${author}] .desk-message-body`).allInnerTexts()
          assert.deepEqual(await bodies('customer'), [c.question, c.person])
          const assistant = await bodies('assistant')
          assert.equal(assistant.length, 1)
          assert.ok(assistant[0]?.includes(article.body), `the assistant's answer is in the thread: ${assistant[0]}`)
          assert.equal((await bodies('system')).length, 1, 'the hand-off note')
          assert.deepEqual(await a.locator('#desk-thread [data-author]').evaluateAll((els) => els.map((e) => e.getAttribute('data-author'))), ['customer', 'assistant', 'customer', 'system'])
          await checkPage(a, lang, 'the handed-off chat')
          await screenshot(a, 'chat-handoff-conversation', lang)

          // The reply.
          await a.locator('#desk-reply [data-field=body]').fill(c.reply)
          await a.locator('#desk-reply-send').click()
          await a.locator('#desk-thread [data-author=agent]').waitFor()
          assert.equal(await a.locator('#desk-thread [data-author=agent] .desk-message-body').innerText(), c.reply)

          // (e) The reply shows in the widget (it asks every 4 s) and was e-mailed to the visitor (the demo's catcher).
          await v.locator('.msg.agent', { hasText: c.reply }).waitFor({ timeout: 30_000 })
          const delivered = await until(
            async () => (await apiGet<Thread>(a, `/api/v1/desk/conversations/${id}`)).messages.find((m) => m.author === 'agent'),
            (m) => m?.delivery !== 'queued',
            'the reply leaving by e-mail',
          )
          assert.equal(delivered?.delivery, 'sent', `the reply's delivery: ${JSON.stringify(delivered)}`)
          const caught = await until(
            () => apiGet<{ data: Caught[] }>(a, `/api/v1/campaigns/outbox?q=${encodeURIComponent(email)}&limit=5`),
            (r) => r.data.some((m) => m.to === email),
            `the reply mail to ${email}`,
          )
          const mails = await Promise.all(caught.data.filter((m) => m.to === email).map((m) => apiGet<CaughtFull>(a, `/api/v1/campaigns/outbox/${m.id}`)))
          assert.ok(mails.some((m) => (m.text ?? '').includes(c.reply)), `a mail to ${email} holds the reply: ${JSON.stringify(mails.map((m) => m.text))}`)

          // Markup the visitor types is shown as the characters typed, in the widget and to the agent; nothing runs.
          const xss = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> ${lang}`
          await ask(v, xss)
          await v.locator('.msg.visitor', { hasText: xss }).waitFor()
          await a.reload()
          await a.locator('#desk-thread [data-author=customer] .desk-message-body', { hasText: xss }).waitFor()
          for (const p of [v, a]) assert.equal(await p.evaluate(() => (window as { __xss?: number }).__xss), undefined, 'the markup did not run')
          assert.equal(await v.locator('.msg.visitor img').count(), 0)

          // A page on an origin that is not allowed: the widget says why, and nothing is answered.
          const s = stranger.page
          await s.goto(elsewhere.origin)
          await s.locator('.launcher').click()
          await s.waitForFunction(() => (document.querySelector('[data-rapport-chat]')?.shadowRoot?.querySelector('.status')?.textContent?.trim() ?? '') !== '', null, { timeout: 30_000 })
          assert.match(await widgetStatus(s), new RegExp(elsewhere.origin.replace(/[.:/]/g, '\\$&')))
          await ask(s, c.question)
          await s.waitForTimeout(2000)
          assert.equal(await s.locator('.msg.assistant[data-action=answer]').count(), 0)
          assert.notEqual(await widgetStatus(s), '')

          for (const [who, p] of [['owner', page], ['visitor', v], ['agent', a], ['stranger', s]] as const) assert.deepEqual(jsErrors(p), [], `JavaScript errors on the ${who}'s page`)
        } finally {
          for (const x of [owner, visitor, stranger, agent]) await x.context.close()
          await shop.close()
          await elsewhere.close()
        }
      })
    }

    test('a viewer reads the chat widget page (embed code and preview) but cannot save or make a new key', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer', 'en', '/desk')
        await page.locator('#desk-chat-widget-link').click()
        await page.locator('#chat-widget[data-editable=false] #chat-widget-read-only').waitFor()
        await page.locator('#chat-preview .msg.assistant').first().waitFor({ timeout: 30_000 })
        assert.equal(await page.locator('#chat-widget-save').count(), 0)
        assert.equal(await page.locator('#chat-widget-rotate').count(), 0)
        assert.equal(await page.locator('#chat-widget-form [data-field=allowed_origins]').getAttribute('readonly'), '')
        assert.match(await page.locator('#chat-widget-snippet').innerText(), /data-site-key="pk_/)
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the read-only chat widget page')
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })
  })
}
