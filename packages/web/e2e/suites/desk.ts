import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, apiSend, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type Lang, type World } from '../harness.ts'

interface Conversation { id: number; status: string; intent: string | null; intent_source: string | null; triage_state: string; messages: Array<{ author: string; body: string }> }

/** Opens a conversation for the workspace's first customer, as an integration would; answers its id. */
async function openConversation(page: Page, subject: string, body: string): Promise<number> {
  const customers = await apiGet<{ data: Array<{ id: number }> }>(page, '/api/v1/customers/?limit=1')
  const customer = customers.data[0]
  assert.ok(customer, 'the demo workspace has a customer')
  const made = await apiSend<Conversation>(page, 'POST', '/api/v1/desk/conversations', { customer_internal_id: customer.id, subject, body, channel: 'email' })
  assert.equal(made.status, 201, `opening the conversation: ${JSON.stringify(made.body)}`)
  return made.body.id
}

async function checkPage(page: Page, lang: Lang, what: string): Promise<void> {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${what}`)
  if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], `untranslated text on ${what}`)
}

/** Filters the inbox to `text` and waits until exactly one row, holding it, is shown. */
async function findInInbox(page: Page, text: string): Promise<void> {
  await page.locator('form[role=search] [data-filter=q]').fill(text)
  await page.locator('form[role=search] button[type=submit]').click()
  await page.waitForFunction((t) => {
    const rows = [...document.querySelectorAll('.data-table tbody tr')]
    return rows.length === 1 && (rows[0]?.textContent ?? '').includes(t)
  }, text)
}

const messages = (page: Page, author: string) => page.locator(`#desk-thread [data-author=${author}]`)

export function deskSuite(world: () => World): void {
  describe('service desk', () => {
    for (const lang of LANGS) {
      test(`(${lang}) an agent finds a new conversation in the inbox, opens it, replies, adds a note, corrects the intent and solves it; the body's HTML stays text; axe clean; translated`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          const tag = `desk${lang.replace('-', '')}${Date.now()}`
          await signIn(world(), page, 'agent', lang, '/customers')
          const subject = lang === 'en' ? `My parcel has not arrived ${tag}` : `我的包裹还没到 ${tag}`
          const body = lang === 'en' ? 'It was due <b>last week</b>. Where is it?' : '上周就该到了<b>还没收到</b>，快递在哪里？'
          const id = await openConversation(page, subject, body)

          // The inbox, from the navigation: the agent's tools, the views, and the new conversation.
          await page.locator('nav.sidenav a[href="/desk"]').click()
          await page.locator('.desk-inbox[data-editable=true] #desk-views').waitFor()
          await page.locator('#desk-take-next').waitFor()
          await findInInbox(page, tag)
          await checkPage(page, lang, 'the inbox')
          await screenshot(page, 'desk-inbox', lang)

          // Available for new conversations, and back.
          await page.locator('#desk-presence-toggle').click()
          await page.locator('#desk-presence[data-presence=online]').waitFor()
          await page.locator('#desk-presence-toggle').click()
          await page.locator('#desk-presence[data-presence=away]').waitFor()

          // Open it: the customer's message, its markup as characters; the link to the customer's 360° page.
          await page.locator(`a[data-conversation="${id}"]`).click()
          await page.locator(`.desk-conversation[data-conversation="${id}"]`).waitFor()
          assert.equal(await messages(page, 'customer').locator('.desk-message-body').innerText(), body)
          assert.equal(await page.locator('#desk-thread b').count(), 0)
          assert.match((await page.locator('#desk-customer-link').getAttribute('href')) ?? '', /^\/customers\/\d+$/)
          // The triage runs in the background; the page asks again until it has (a correction must come after it).
          await page.locator('#desk-triage:not([data-state=pending])').waitFor({ timeout: 90_000 })

          // Reply, then a note.
          const reply = lang === 'en' ? 'Sorry for the wait: it ships today.' : '抱歉久等了，今天发货。'
          await page.locator('#desk-reply [data-field=body]').fill(reply)
          await page.locator('#desk-reply-send').click()
          await messages(page, 'agent').first().waitFor()
          assert.equal(await messages(page, 'agent').first().locator('.desk-message-body').innerText(), reply)
          assert.equal(await page.locator('#desk-reply [data-field=body]').inputValue(), '')
          const note = lang === 'en' ? 'Courier confirmed the delay.' : '快递已确认延误。'
          await page.locator('#desk-reply [data-field=body]').fill(note)
          await page.locator('#desk-add-note').click()
          await messages(page, 'note').first().waitFor()

          // Correct the intent: stored as the agent's.
          await page.locator('#desk-correct [data-field=intent]').selectOption('delivery_delay')
          await page.locator('#desk-correct-save').click()
          await page.locator('#desk-triage[data-intent-source=agent]').waitFor()
          let stored = await apiGet<Conversation>(page, `/api/v1/desk/conversations/${id}`)
          assert.deepEqual([stored.intent, stored.intent_source], ['delivery_delay', 'agent'])
          await checkPage(page, lang, 'the conversation')
          await screenshot(page, 'desk-conversation', lang)

          // Solve it with a last reply.
          await page.locator('#desk-reply [data-field=body]').fill(lang === 'en' ? 'Delivered today, closing this.' : '今天已送达，关闭此会话。')
          await page.locator('#desk-reply-solve').click()
          await page.locator(`.desk-conversation[data-status=solved]`).waitFor()
          stored = await apiGet<Conversation>(page, `/api/v1/desk/conversations/${id}`)
          assert.equal(stored.status, 'solved')
          assert.deepEqual(stored.messages.map((m) => m.author), ['customer', 'agent', 'note', 'agent'])
          await checkPage(page, lang, 'the solved conversation')
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('a viewer reads the inbox and a conversation, but cannot reply, correct or take one', async () => {
      const writer = await newPage(world())
      const tag = `deskviewer${Date.now()}`
      let id = 0
      try {
        await signIn(world(), writer.page, 'agent', 'en', '/customers')
        id = await openConversation(writer.page, `Invoice please ${tag}`, 'Can I get an invoice for my last order?')
      } finally {
        await writer.context.close()
      }
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer', 'en', '/customers')
        await page.locator('nav.sidenav a[href="/desk"]').click()
        await page.locator('.desk-inbox[data-editable=false] #desk-read-only').waitFor()
        assert.equal(await page.locator('#desk-take-next').count(), 0)
        assert.equal(await page.locator('#desk-presence').count(), 0)
        await findInInbox(page, tag)
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the read-only inbox')
        await page.locator(`a[data-conversation="${id}"]`).click()
        await page.locator('#desk-conversation-read-only').waitFor()
        await messages(page, 'customer').waitFor()
        assert.equal(await page.locator('#desk-reply').count(), 0)
        assert.equal(await page.locator('#desk-correct').count(), 0)
        assert.equal(await page.locator('#desk-controls select').count(), 0)
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the read-only conversation')
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })
  })
}
