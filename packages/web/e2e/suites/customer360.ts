import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type World } from '../harness.ts'

interface View360 {
  profile: { id: number; external_id: string; name: string | null; email: string | null; phone: string | null }
  consents: { current: unknown[]; history: unknown[] }
  order_summary: { orders: number }
  recent_orders: Array<{ id: number; external_id: string; items: unknown[] }>
  recent_events: unknown[]
  reviews: unknown[]
  tickets: unknown[]
}

/** A demo customer with orders, consents and events, so every panel has real data to show. */
async function richCustomer(page: Page): Promise<View360> {
  const list = await apiGet<{ data: Array<{ id: number }> }>(page, '/api/v1/customers/?has_orders=true&limit=40')
  for (const c of list.data) {
    const v = await apiGet<View360>(page, `/api/v1/customers/${c.id}/360`)
    if (v.order_summary.orders > 1 && v.consents.history.length > 0 && v.recent_events.length > 0) return v
  }
  throw new Error('no demo customer with orders, consents and events among the first 40 with orders')
}

export function customer360Suite(world: () => World): void {
  describe('customer 360', () => {
    for (const lang of LANGS) {
      test(`(${lang}) shows profile, consents, order summary, chart and timeline of a demo customer with real data; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'marketer', lang)
          const v = await richCustomer(page)
          // Reached the way a person does: from the customers list's link.
          await page.goto(`${world().url}/customers?q=${encodeURIComponent(v.profile.name ?? v.profile.external_id)}`)
          await page.locator('table tbody a', { hasText: v.profile.external_id }).click()
          await page.waitForURL(new RegExp(`/customers/${v.profile.id}$`))
          await page.locator('#timeline').waitFor()

          const profile = await page.locator('#profile').innerText()
          assert.ok(profile.includes(v.profile.external_id))
          if (v.profile.name) assert.ok(profile.includes(v.profile.name))
          assert.equal(await page.locator('[data-field=email]').innerText(), v.profile.email ?? '—')
          assert.doesNotMatch(v.profile.email ?? '', /\*\*\*/, 'a marketer (pii:read) sees the real e-mail')

          assert.equal(await page.locator('#consents-current tbody tr').count(), v.consents.current.length)
          assert.equal(await page.locator('#consents-history tbody tr').count(), v.consents.history.length)

          const orders = await page.locator('[data-stat=orders]').innerText()
          assert.equal(orders.replace(/\D/g, ''), String(v.order_summary.orders))
          assert.match(await page.locator('[data-stat=revenue]').innerText(), /¥/)

          const entries = page.locator('#timeline li')
          assert.equal(await entries.count(), v.recent_orders.length + v.recent_events.length + v.reviews.length + v.tickets.length)
          const times = await page.locator('#timeline li time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')))
          assert.deepEqual(times, [...times].sort((a, b) => b - a), 'timeline is newest first')
          assert.equal(await page.locator('#timeline li[data-kind=order]').count(), v.recent_orders.length)

          // The prediction panels (the models may still be training here: suites/models.ts checks their
          // content once they are): each one shows a result or says why there is none.
          await page.locator('#insights').waitFor()
          for (const box of await page.locator('#insights [data-insight]').all()) {
            if ((await box.getAttribute('data-scored')) === 'no') assert.equal(await box.locator('[data-absent]').count(), 1)
          }

          // The chart (ECharts, loaded on demand) draws its SVG.
          await page.locator('.orders-chart svg').waitFor()

          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'customer-360', lang)

          // An order of the timeline opens its detail page.
          const first = v.recent_orders[0]
          assert.ok(first)
          await page.locator(`#timeline a[href="/orders/${first.id}"]`).click()
          await page.waitForURL(new RegExp(`/orders/${first.id}$`))
          await page.locator('#order-lines, .page .muted').first().waitFor()
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('an unknown id shows a readable not-found state with a way back to the list', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'analyst', 'en', '/customers/987654321')
        const state = page.locator('#customer-not-found')
        await state.waitFor()
        assert.match(await state.innerText(), /Customer not found[\s\S]*987654321/)
        await page.locator('a', { hasText: 'Back to customers' }).click()
        await page.waitForURL(/\/customers$/)
        await page.locator('table tbody tr').first().waitFor()
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })

    test('a viewer sees the masked e-mail and phone, and is told why', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer')
        const v = await richCustomer(page)
        assert.match(v.profile.email ?? '', /\*\*\*/, 'the API masks it for a viewer')
        await page.goto(`${world().url}/customers/${v.profile.id}`)
        await page.locator('#profile').waitFor()
        const email = await page.locator('[data-field=email]').innerText()
        assert.match(email, /^[^@*]\*\*\*@/)
        assert.equal(email, v.profile.email)
        const phone = await page.locator('[data-field=phone]').innerText()
        assert.equal(phone, v.profile.phone ?? '—')
        if (v.profile.phone) assert.match(phone, /\*/, 'the phone is masked too')
        assert.match(await page.locator('section[aria-labelledby=profile-title]').innerText(), /masked for your role/)
      } finally {
        await context.close()
      }
    })
  })
}
