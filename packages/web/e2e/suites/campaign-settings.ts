import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type World } from '../harness.ts'

interface Settings { double_opt_in: { email: boolean; sms: boolean }; verified_senders: string[] }
interface Counts { required: boolean; confirmed: number; unconfirmed: number; requested_recently: number }
interface Job { id: string; kind: string; state: string }

const COUNTS = '/api/v1/campaigns/consent-confirmations?channel=email&purpose=marketing'

/** The workspace's double opt-in back to off through the API, whatever the test left (the world is shared by every suite). */
async function doubleOptInOff(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const s = (await (await fetch('/api/v1/auth/session')).json()) as { csrf_token: string }
    await fetch('/api/v1/campaigns/settings', { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf_token }, body: JSON.stringify({ double_opt_in: { email: false } }) })
  })
}

/** What the page shows as e-mail's counts, by the API's field names. */
async function shownCounts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const key of ['confirmed', 'unconfirmed', 'requested_recently']) {
    out[key] = Number(await page.locator(`#double-opt-in-email-counts [data-count=${key}]`).getAttribute('data-value'))
  }
  return out
}

const countsOf = (c: Counts) => ({ confirmed: c.confirmed, unconfirmed: c.unconfirmed, requested_recently: c.requested_recently })

export function campaignSettingsSuite(world: () => World): void {
  describe('campaign settings', () => {
    for (const lang of LANGS) {
      test(`(${lang}) an admin opens campaign settings from the navigation, turns double opt-in on for e-mail and sees the API's counts, then turns it off; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'admin', lang, '/campaigns')
          await page.locator('nav.sidenav a[href="/campaigns/settings"]').click()
          await page.locator('#campaign-settings[data-editable=true] #double-opt-in-email-counts').waitFor()
          // The demo's verified sender is listed; the settings are the API's.
          const before = await apiGet<Settings>(page, '/api/v1/campaigns/settings')
          assert.equal(before.double_opt_in.email, false, 'the demo starts without double opt-in')
          for (const s of before.verified_senders) await page.locator(`#verified-sender-list [data-sender="${s}"]`).waitFor()

          const toggle = page.locator('[data-control=double-opt-in-email]')
          assert.equal(await toggle.isChecked(), false)
          await toggle.click()
          await page.locator('#double-opt-in-email[data-required=true]').waitFor()
          assert.equal(await toggle.isChecked(), true)
          assert.equal((await apiGet<Settings>(page, '/api/v1/campaigns/settings')).double_opt_in.email, true)
          const counts = await apiGet<Counts>(page, COUNTS)
          assert.equal(counts.required, true)
          assert.ok(counts.confirmed + counts.unconfirmed > 0, `the demo has e-mail grants: ${JSON.stringify(counts)}`)
          // The counts asked again after the switch: the page shows the API's.
          await page.waitForFunction(
            (want) => Object.entries(want).every(([k, v]) => document.querySelector(`#double-opt-in-email-counts [data-count=${k}]`)?.getAttribute('data-value') === String(v)),
            countsOf(counts),
          )
          assert.deepEqual(await shownCounts(page), countsOf(counts))
          assert.equal(await page.locator('#double-opt-in-sms').getAttribute('data-required'), 'false', 'SMS unchanged')

          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on campaign settings')
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page, [/@demo-shop\.example$/]), [], 'untranslated text on campaign settings')
          await screenshot(page, 'campaign-settings', lang)

          await toggle.click()
          await page.locator('#double-opt-in-email[data-required=false]').waitFor()
          assert.equal((await apiGet<Settings>(page, '/api/v1/campaigns/settings')).double_opt_in.email, false)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await doubleOptInOff(page).catch(() => undefined)
          await context.close()
        }
      })
    }

    test('a marketer sees the rules read-only and sends confirmation requests: asked first, a toast with the job, the job asks the unconfirmed customers', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en', '/campaigns/settings')
        await page.locator('#campaign-settings[data-editable=false] #double-opt-in-email-counts').waitFor()
        await page.locator('#settings-read-only').waitFor()
        assert.equal(await page.locator('[data-control=double-opt-in-email]').isDisabled(), true)
        assert.equal(await page.locator('#frequency-cap-save').count(), 0, 'nothing to save without settings:write')

        const before = await apiGet<Counts>(page, COUNTS)
        assert.ok(before.unconfirmed - before.requested_recently > 0, `someone to ask: ${JSON.stringify(before)}`)
        await page.locator('#send-confirmations-email:enabled').click()
        const dialog = page.locator('dialog[open]')
        await dialog.waitFor()
        await dialog.locator('.btn-danger').click()
        const toast = page.locator('.toast', { hasText: /job \S+\)/ })
        await toast.waitFor()
        const jobId = /job (\S+)\)/.exec(await toast.innerText())?.[1] ?? ''
        const job = await apiGet<Job>(page, `/api/v1/jobs/${encodeURIComponent(jobId)}`)
        assert.equal(job.kind, 'consents.confirm')

        // Once the job has run, everyone unconfirmed was asked this week; the page, reloaded, says so.
        const deadline = Date.now() + 120_000
        for (let j = job; j.state !== 'completed'; j = await apiGet<Job>(page, `/api/v1/jobs/${encodeURIComponent(jobId)}`)) {
          assert.ok(j.state !== 'failed' && j.state !== 'cancelled' && Date.now() < deadline, `the confirmation job: ${JSON.stringify(j)}`)
          await new Promise((r) => setTimeout(r, 500))
        }
        const after = await apiGet<Counts>(page, COUNTS)
        assert.ok(after.requested_recently > before.requested_recently, `asked this week: ${JSON.stringify({ before, after })}`)
        await page.reload()
        await page.locator('#double-opt-in-email-counts').waitFor()
        assert.deepEqual(await shownCounts(page), countsOf(after))
        assert.equal(await page.locator('#send-confirmations-email').isDisabled(), after.unconfirmed - after.requested_recently <= 0)
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })
  })
}
