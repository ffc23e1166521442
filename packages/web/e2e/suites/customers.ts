import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { jsErrors, LANGS, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type World } from '../harness.ts'

export function customersSuite(world: () => World): void {
  describe('customers list', () => {
    for (const lang of LANGS) {
      test(`(${lang}) lists the demo customers, filters by city and orders, sorts, pages; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'marketer', lang)
          const rows = page.locator('table tbody tr')
          await rows.first().waitFor()
          assert.equal(await rows.count(), 50)
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'customers', lang)

          // Filter: city 上海 and with orders; every row shown is in 上海.
          const city = lang === 'en' ? 'City' : '城市'
          await page.getByLabel(city, { exact: true }).fill('上海')
          await page.getByLabel(lang === 'en' ? 'Orders' : '订单', { exact: true }).selectOption('true')
          await page.locator('form[role=search] button[type=submit]').click()
          await page.waitForURL(/city=/)
          await page.waitForFunction(() => [...document.querySelectorAll('table tbody tr')].every((tr) => tr.textContent?.includes('上海')))
          assert.ok((await rows.count()) > 0)

          // Sort by name descending: the first two names are in descending order.
          await page.locator('th button', { hasText: lang === 'en' ? 'Name' : '姓名' }).click()
          await page.waitForURL(/sort=name/)
          await page.locator('th button', { hasText: lang === 'en' ? 'Name' : '姓名' }).click()
          await page.waitForURL(/sort=-name/)

          // Paging: the next page shows other customers, previous returns.
          await page.goto(`${world().url}/customers`)
          await rows.first().waitFor()
          const firstId = await rows.first().locator('td').first().innerText()
          await page.locator('.pager button').nth(1).click()
          await page.waitForFunction((id) => document.querySelector('table tbody tr td')?.textContent !== id, firstId)
          await page.locator('.pager button').nth(0).click()
          await page.waitForFunction((id) => document.querySelector('table tbody tr td')?.textContent === id, firstId)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('the column chooser shows a hidden column and remembers it', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer')
        await page.locator('table tbody tr').first().waitFor()
        assert.equal(await page.locator('th', { hasText: 'Phone' }).count(), 0)
        await page.locator('button', { hasText: 'Columns' }).click()
        await page.getByLabel('Phone').check()
        await page.locator('th', { hasText: 'Phone' }).waitFor()
        await page.reload()
        await page.locator('th', { hasText: 'Phone' }).waitFor()
      } finally {
        await context.close()
      }
    })

    test('export downloads the current filter as CSV; a viewer gets no export button and masked e-mails', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en', '/customers?city=%E5%8C%97%E4%BA%AC')
        await page.locator('table tbody tr').first().waitFor()
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a', { hasText: 'Export CSV' }).click()])
        const path = await download.path()
        const { readFileSync } = await import('node:fs')
        const lines = readFileSync(path, 'utf8').trim().split('\n')
        assert.match(lines[0] ?? '', /^external_id,name,email,/)
        assert.ok(lines.length > 1)
        assert.ok(lines.slice(1).every((l) => l.includes('北京')), 'every exported customer is in 北京')
        assert.ok(lines.slice(1).some((l) => /[a-z0-9._]+@[a-z0-9]+\.example/.test(l)), 'a marketer (pii:read) exports real e-mail addresses')
      } finally {
        await context.close()
      }
      const viewer = await newPage(world())
      try {
        await signIn(world(), viewer.page, 'viewer')
        await viewer.page.locator('table tbody tr').first().waitFor()
        assert.equal(await viewer.page.locator('a', { hasText: 'Export CSV' }).count(), 0)
        const email = await viewer.page.locator('table tbody tr').first().locator('td').nth(2).innerText()
        assert.match(email, /\*\*\*/)
      } finally {
        await viewer.context.close()
      }
    })
  })
}
