import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type World } from '../harness.ts'

const column = (page: Page, n: number) => page.locator(`table tbody tr td:nth-child(${n})`).allInnerTexts()

/** Waits until the table's first column shows exactly these values, in this order. */
async function waitForColumn(page: Page, values: string[]): Promise<void> {
  await page.waitForFunction(
    (want) => JSON.stringify([...document.querySelectorAll('table tbody tr td:first-child')].map((td) => (td as HTMLElement).innerText)) === JSON.stringify(want),
    values,
    { timeout: 10_000 },
  ).catch(async () => {
    assert.deepEqual(await column(page, 1), values)
  })
}

export function catalogSuite(world: () => World): void {
  describe('products and orders', () => {
    for (const lang of LANGS) {
      const en = lang === 'en'

      test(`(${lang}) products: lists the catalogue, filters by category, sorts by price both ways as the API does; axe clean; translated`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'analyst', lang, '/products')
          const rows = page.locator('table tbody tr')
          await rows.first().waitFor()
          assert.equal(await rows.count(), 50)
          assert.ok(await page.locator('nav.sidenav a[href="/products"].active').count(), 'the navigation marks Products')
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'products', lang)

          const sample = await apiGet<{ data: Array<{ category: string | null }> }>(page, '/api/v1/products/?limit=1')
          const category = sample.data[0]?.category
          assert.ok(category, 'the demo products have categories')
          await page.getByLabel(en ? 'Category' : '品类', { exact: true }).fill(category)
          await page.locator('form[role=search] button[type=submit]').click()
          await page.waitForURL(/category=/)
          const q = `category=${encodeURIComponent(category)}&limit=50`
          const filtered = await apiGet<{ data: Array<{ sku: string }> }>(page, `/api/v1/products/?${q}&sort=sku`)
          assert.ok(filtered.data.length > 0)
          await waitForColumn(page, filtered.data.map((p) => p.sku))
          assert.ok((await column(page, 3)).every((c) => c === category), 'every row is in the chosen category')

          const priceHeader = page.locator('th button', { hasText: en ? 'Price' : '价格' })
          await priceHeader.click()
          await page.waitForURL(/sort=price/)
          const asc = await apiGet<{ data: Array<{ sku: string }> }>(page, `/api/v1/products/?${q}&sort=price`)
          await waitForColumn(page, asc.data.map((p) => p.sku))
          assert.equal(await page.locator('th[aria-sort=ascending]').count(), 1)
          await priceHeader.click()
          await page.waitForURL(/sort=-price/)
          const desc = await apiGet<{ data: Array<{ sku: string }> }>(page, `/api/v1/products/?${q}&sort=-price`)
          await waitForColumn(page, desc.data.map((p) => p.sku))
          assert.equal(await page.locator('th[aria-sort=descending]').count(), 1)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })

      test(`(${lang}) orders: filters by status, pages, opens an order whose lines match the API; axe clean; translated`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'agent', lang, '/orders')
          const rows = page.locator('table tbody tr')
          await rows.first().waitFor()
          assert.equal(await rows.count(), 50)
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'orders', lang)

          await page.getByLabel(en ? 'Status' : '状态', { exact: true }).selectOption('cancelled')
          await page.locator('form[role=search] button[type=submit]').click()
          await page.waitForURL(/status=cancelled/)
          const cancelled = await apiGet<{ data: Array<{ id: number; external_id: string }>; next_cursor: string | null }>(page, '/api/v1/orders/?status=cancelled&sort=-ordered_at&limit=50')
          assert.ok(cancelled.data.length > 0, 'the demo has cancelled orders')
          await waitForColumn(page, cancelled.data.map((o) => o.external_id))
          const statuses = await page.locator('table tbody [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))
          assert.ok(statuses.every((s) => s === 'cancelled'))
          assert.ok((await column(page, 4)).every((s) => s === (en ? 'Cancelled' : '已取消')), 'status shown in the language')

          // The next page holds other cancelled orders.
          if (cancelled.next_cursor) {
            await page.locator('.pager button').nth(1).click()
            await page.waitForFunction((id) => document.querySelector('table tbody tr td')?.textContent !== id, cancelled.data[0]?.external_id)
            const second = await apiGet<{ data: Array<{ external_id: string }> }>(page, `/api/v1/orders/?status=cancelled&sort=-ordered_at&limit=50&cursor=${encodeURIComponent(cancelled.next_cursor)}`)
            await waitForColumn(page, second.data.map((o) => o.external_id))
          }

          // Order detail: the first order of the unfiltered list; its lines are the API's.
          await page.goto(`${world().url}/orders`)
          await rows.first().waitFor()
          const customer = await rows.first().locator('td').nth(1).innerText()

          // Customer filter (with a date range that holds all demo orders): only that customer's orders, as the API lists them.
          await page.getByLabel(en ? 'Customer ID' : '客户编号', { exact: true }).fill(customer)
          await page.getByLabel(en ? 'Ordered from' : '下单起始日期', { exact: true }).fill('2000-01-01')
          await page.locator('form[role=search] button[type=submit]').click()
          await page.waitForURL(/customer_id=.*from=2000-01-01/)
          const own = await apiGet<{ data: Array<{ external_id: string }> }>(page, `/api/v1/orders/?customer_id=${encodeURIComponent(customer)}&from=2000-01-01&sort=-ordered_at&limit=50`)
          assert.ok(own.data.length > 0)
          await waitForColumn(page, own.data.map((o) => o.external_id))
          assert.ok((await column(page, 2)).every((c) => c === customer), 'every row is the chosen customer\'s')
          await page.goto(`${world().url}/orders`)
          await rows.first().waitFor()
          const link = rows.first().locator('td a').first()
          const href = await link.getAttribute('href')
          const id = /\/orders\/(\d+)$/.exec(href ?? '')?.[1]
          assert.ok(id, `order link ${href}`)
          await link.click()
          await page.waitForURL(new RegExp(`/orders/${id}$`))
          const order = await apiGet<{ external_id: string; customer_id: string; customer_internal_id: number; items: Array<{ sku: string }> }>(page, `/api/v1/orders/${id}`)
          await page.locator('#order-header').waitFor()
          assert.ok(order.items.length > 0, 'demo orders have lines')
          await page.locator('#order-lines tbody tr').first().waitFor()
          assert.equal(await page.locator('#order-lines tbody tr').count(), order.items.length)
          assert.deepEqual(await page.locator('#order-lines tbody tr td:first-child').allInnerTexts(), order.items.map((l) => l.sku))
          assert.ok((await page.locator('h1').innerText()).includes(order.external_id))
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'order-detail', lang)

          // The customer link opens that customer's 360° view.
          await page.locator('#order-header a', { hasText: order.customer_id }).click()
          await page.waitForURL(new RegExp(`/customers/${order.customer_internal_id}$`))
          await page.locator('#profile').waitFor()
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('an unknown order shows a readable not-found state', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer', 'en', '/orders/987654321')
        await page.locator('#order-not-found').waitFor()
        assert.match(await page.locator('#order-not-found').innerText(), /Order not found/)
      } finally {
        await context.close()
      }
    })
  })
}
