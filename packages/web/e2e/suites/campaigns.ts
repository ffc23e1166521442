import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type Lang, type World } from '../harness.ts'

interface Audience { treated: number; holdout: number }
interface Campaign { id: number; status: string; plan: Audience | null; progress: { sent: number } | null }
interface Caught { id: number; campaign_id: number | null; to: string }
interface Results {
  treated: { clicked: number; unsubscribed?: number }
  lift: { conversion: { ci_low: number | null; ci_high: number | null } }
  curves: { qini_auc: number } | null
  curves_reason: string | null
}
interface Consent { channel: string; purpose: string; status: string; recorded_at?: string; created_at?: string }

/** Polls `read` until `ok` holds (a send, a click being recorded). */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s (last ${JSON.stringify(v)})`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

// A product link the send rewrites into a tracked /t/c/ link, and the unsubscribe link every marketing e-mail needs.
const PRODUCT_URL = 'https://demo-shop.example/products/spring-picks'
const html = (greeting: string) => `<p>${greeting} {{ customer.first_name | default: "there" }}</p><p><a href="${PRODUCT_URL}">Spring picks</a></p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>`

async function fillVariant(page: Page, i: number, subject: string, greeting: string): Promise<void> {
  const v = page.locator(`[data-variant="${i}"]`)
  await v.locator(`[data-field="variants.${i}.template.en.subject"]`).fill(subject)
  await v.locator(`[data-field="variants.${i}.template.en.html"]`).fill(html(greeting))
  await v.locator(`[data-field="variants.${i}.template.en.text"]`).fill(`${greeting}\n${PRODUCT_URL}\nUnsubscribe: {{ unsubscribe_url }}`)
}

/**
 * The page's JavaScript errors, less one the harness causes: its init script (which presets the language)
 * runs in every frame, and a sandboxed message frame refuses it localStorage — which is the sandbox working.
 */
const pageErrors = (page: Page): string[] => jsErrors(page).filter((e) => !/document is sandboxed and lacks the 'allow-same-origin' flag/.test(e))

const noUntranslated = async (page: Page, lang: Lang, where: string) => {
  if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page, [/^(HTML|CSV|RFM)$/, /^[A-Z]$/]), [], `untranslated text on ${where}`)
}

export function campaignsSuite(world: () => World): void {
  describe('campaigns', () => {
    for (const lang of LANGS) {
      test(`(${lang}) a marketer creates a two-variant campaign on "E-mail subscribers" with a 10 % holdout, previews and starts it; it finishes; the Outbox shows its mail; the tracked link redirects and counts a click, the unsubscribe link asks and revokes consent; the results show lift with intervals; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'marketer', lang, '/campaigns')
          await page.locator('#main tbody tr').first().waitFor()
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the campaign list')
          await noUntranslated(page, lang, 'the campaign list')
          await page.locator('#new-campaign').click()
          await page.waitForURL(/\/campaigns\/new$/)

          const name = `Spring picks ${lang} ${Date.now()}`
          const form = page.locator('#campaign-form')
          await form.locator('[data-field=name]').fill(name)
          await form.locator('[data-field=segment_id]').selectOption({ label: 'E-mail subscribers' })
          await form.locator('[data-field=from_address]').fill('news@demo-shop.example')
          await form.locator('[data-field=holdout_pct]').fill('10')
          await form.locator('[data-field="settings.concurrency"]').fill('20')
          await fillVariant(page, 0, 'Spring picks for {{ customer.first_name | default: "you" }}', 'Hello')
          await page.locator('#add-variant').click()
          await fillVariant(page, 1, 'New this spring at {{ workspace.name }}', 'Hi')
          // A merge field from the list goes where the cursor was.
          await page.locator('[data-field="variants.1.template.en.subject"]').click()
          await page.locator('[data-field="variants.1.template.en.subject"]').press('End')
          await page.locator('[data-merge-field="customer.city"]').click()
          assert.match(await page.locator('[data-field="variants.1.template.en.subject"]').inputValue(), /\{\{ customer\.city \}\}$/)
          await page.locator('#save-campaign').click()
          await page.waitForURL(/\/campaigns\/\d+\/edit$/)
          const id = Number(/\/campaigns\/(\d+)\/edit$/.exec(page.url())?.[1])

          // The live audience is the API's, with treated and holdout.
          await page.locator('#campaign-audience').waitFor({ timeout: 60_000 })
          const audience = await apiGet<Audience>(page, `/api/v1/campaigns/${id}/audience`)
          assert.ok(audience.treated > 0 && audience.holdout > 0, `treated and holdout: ${JSON.stringify(audience)}`)
          assert.equal(await page.locator('#campaign-audience').getAttribute('data-treated'), String(audience.treated))
          assert.equal(await page.locator('#campaign-audience').getAttribute('data-holdout'), String(audience.holdout))

          // The preview renders in a frame that runs nothing.
          await page.locator('[data-control=preview-variant]').selectOption('B')
          await page.locator('#show-preview').click()
          await page.locator('#preview-result[data-variant=B]').waitFor()
          assert.equal(await page.locator('#preview-html').getAttribute('sandbox'), '')
          assert.match(await page.locator('#preview-subject').innerText(), /^New this spring at /)
          assert.match(await page.locator('#preview-text').innerText(), /spring-picks/)
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the editor')
          await noUntranslated(page, lang, 'the editor')
          await screenshot(page, 'campaign-editor', lang)

          await page.locator('#start-campaign').click()
          await page.locator('#confirm-start').click()
          await page.waitForURL(new RegExp(`/campaigns/${id}$`))
          await page.locator('#campaign-detail[data-status=done]').waitFor({ timeout: 180_000 })
          const done = await apiGet<Campaign>(page, `/api/v1/campaigns/${id}`)
          assert.equal(done.progress?.sent, audience.treated)
          assert.equal(await page.locator('#campaign-progress [data-state=sent]').getAttribute('data-count'), String(audience.treated))

          // The Outbox lists the campaign's mail; one message shows its HTML with live tracking links.
          await page.goto(`${world().url}/outbox`)
          await page.locator('#main tbody tr').first().waitFor()
          const caught = await apiGet<{ data: Caught[] }>(page, `/api/v1/campaigns/outbox?campaign_id=${id}&limit=5`)
          const message = caught.data[0]
          assert.ok(message, 'the catcher holds the campaign’s mail')
          await page.locator('#outbox-search').fill(message.to)
          await page.locator('#outbox-search-submit').click()
          await page.locator(`#main tbody a[href="/outbox/${message.id}"]`).click()
          await page.locator('#outbox-html').waitFor()
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the message')
          await noUntranslated(page, lang, 'the message')
          await screenshot(page, 'outbox-message', lang)

          const frame = page.frameLocator('#outbox-html')
          const clicks: Array<{ url: string; status: number; location: string | undefined }> = []
          context.on('response', (r) => {
            if (r.url().includes('/t/c/')) clicks.push({ url: r.url(), status: r.status(), location: r.headers().location })
          })
          const [clickTab] = await Promise.all([context.waitForEvent('page'), frame.locator('a[href*="/t/c/"]').first().click()])
          await until(async () => clicks.length, (n) => n > 0, 'the tracked link request')
          assert.equal(clicks[0]?.status, 302)
          assert.equal(clicks[0]?.location, PRODUCT_URL)
          await clickTab.close()
          const clicked = await until(() => apiGet<Results>(page, `/api/v1/campaigns/${id}/results`), (r) => r.treated.clicked >= 1, 'the click in the results')
          assert.ok(clicked.treated.clicked >= 1)

          // The unsubscribe link asks first; the button revokes the recipient's e-mail consent.
          const [unsubTab] = await Promise.all([context.waitForEvent('page'), frame.locator('a[href*="/t/u/"]').first().click()])
          await unsubTab.locator('form button[type=submit]').click()
          await unsubTab.locator('p[role=status]').waitFor()
          await unsubTab.close()
          const customer = (await apiGet<{ data: Array<{ id: number; email: string | null }> }>(page, `/api/v1/customers/?q=${encodeURIComponent(message.to)}&limit=5`)).data.find((c) => c.email === message.to)
          assert.ok(customer, `the recipient ${message.to} is a customer`)
          const consents = (await apiGet<{ data: Consent[] }>(page, `/api/v1/consents?customer_internal_id=${customer.id}&limit=100`)).data
          assert.ok(consents.some((c) => c.channel === 'email' && c.status === 'revoked'), `a revoked e-mail consent: ${JSON.stringify(consents)}`)

          // The results: the click counted, the lift with its interval in words.
          await page.goto(`${world().url}/campaigns/${id}`)
          await page.locator('#lift-conversion').waitFor()
          await page.waitForFunction(() => Number(document.querySelector('#results-groups tr[data-group=treated] td[data-col=clicked]')?.getAttribute('data-value')) >= 1)
          assert.match(await page.locator('#lift-conversion').innerText(), lang === 'en' ? /\(95 % CI .+ to .+\), p [=<]/ : /95% 置信区间 .+ 至 .+），p [=<]/)
          assert.match(await page.locator('#lift-revenue').innerText(), lang === 'en' ? /95 % CI|not measurable/ : /95% 置信区间|无法衡量/)
          await page.locator('#variant-chart svg').waitFor()
          assert.equal(await page.locator('#variant-table tbody tr').count(), 3, 'two variants and the holdout')
          // The Qini and uplift curves when an uplift model scored the frozen audience; otherwise the reason, as the API gives it.
          const { curves, curves_reason: reason } = await apiGet<Results>(page, `/api/v1/campaigns/${id}/results`)
          if (curves) {
            await page.locator('#qini-chart svg').waitFor()
            await page.locator('#uplift-chart svg').waitFor()
            assert.equal(Number(await page.locator('#qini-auc').getAttribute('data-value')), curves.qini_auc)
          } else {
            assert.equal(await page.locator('#curves-reason').getAttribute('data-reason'), reason)
            assert.match(await page.locator('#curves-reason').innerText(), lang === 'en' ? /^No curves: / : /^暂无曲线：/)
          }
          assert.equal(await page.locator('#attribution-window').getAttribute('data-open'), 'true')
          assert.equal(await page.locator('#results-csv').getAttribute('href'), `/api/v1/campaigns/${id}/results.csv`)
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the results')
          await noUntranslated(page, lang, 'the campaign page')
          await screenshot(page, 'campaign-results', lang)
          assert.deepEqual(pageErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('a start that cannot happen says why: a draft without a verified sender is refused with the server’s reason', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en', '/campaigns/new')
        const form = page.locator('#campaign-form')
        await form.locator('[data-field=name]').fill(`Unverified ${Date.now()}`)
        await form.locator('[data-field=segment_id]').selectOption({ label: 'E-mail subscribers' })
        await form.locator('[data-field=from_address]').fill('someone@unverified.example')
        await fillVariant(page, 0, 'Hello', 'Hello')
        // A template error comes back beside its field, with its position.
        await page.locator('[data-field="variants.0.template.en.text"]').fill('Hello {{ customer.nmae }}\nUnsubscribe: {{ unsubscribe_url }}')
        await page.locator('#save-campaign').click()
        await page.locator('[data-field="variants.0.template.en.text"][aria-invalid=true]').waitFor()
        assert.match(await page.locator('.field-invalid .field-error').first().innerText(), /Line 1, column \d+:.*customer\.nmae/)
        await page.locator('[data-field="variants.0.template.en.text"]').fill('Hello\nUnsubscribe: {{ unsubscribe_url }}')
        await page.locator('#save-campaign').click()
        await page.waitForURL(/\/campaigns\/\d+\/edit$/)
        await page.locator('#start-campaign:enabled').click()
        await page.locator('#confirm-start').click()
        await page.locator('#start-error[data-code=precondition_failed]').waitFor()
        assert.match(await page.locator('#start-error').innerText(), /cannot start:.*someone@unverified\.example/s)
        assert.deepEqual(pageErrors(page), [])
      } finally {
        await context.close()
      }
    })

    test('suppressions: a marketer adds an address, sees it listed with its reason, and removes it', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en', '/suppressions')
        const address = `blocked-${Date.now()}@example.com`
        await page.locator('[data-control=suppression-address]').fill(address)
        await page.locator('#add-suppression-submit').click()
        const row = page.locator('#main tbody tr', { hasText: address })
        await row.waitFor()
        assert.match(await row.innerText(), /Added by hand/)
        await row.locator(`[data-remove="${address}"]`).click()
        await page.locator('dialog .btn-danger').click()
        await row.waitFor({ state: 'detached' })
        assert.deepEqual(pageErrors(page), [])
      } finally {
        await context.close()
      }
    })
  })
}
