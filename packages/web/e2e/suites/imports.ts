import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { jsErrors, LANGS, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type Lang, type World } from '../harness.ts'

/** Writes a file for the test to choose with the file input (as a person picks one from disk). */
function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rapport-e2e-import-')), name)
  writeFileSync(path, text)
  return path
}

/** Customers whose name begins with `prefix`, asked of the API from the signed-in page. */
async function customersNamed(page: Page, prefix: string): Promise<Array<{ external_id: string; name: string | null; email: string | null; city: string | null }>> {
  return page.evaluate(async (q) => {
    const r = await fetch(`/api/v1/customers/?q=${encodeURIComponent(q)}&limit=50`)
    if (!r.ok) throw new Error(`customers: HTTP ${r.status}`)
    return ((await r.json()) as { data: Array<{ external_id: string; name: string | null; email: string | null; city: string | null }> }).data
  }, prefix)
}

const uploadButton = (lang: Lang) => (lang === 'en' ? 'Upload and import' : '上传并导入')

export function importsSuite(world: () => World): void {
  describe('imports', () => {
    for (const lang of LANGS) {
      test(`(${lang}) a file with one bad row: the errors table locates it, nothing is written, the rejects file has it; axe clean; translated`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'marketer', lang, '/imports')
          await page.locator('h1', { hasText: lang === 'en' ? 'Imports' : '导入' }).waitFor()
          // The page before any file: steps and recent imports render, axe clean, no English left in Chinese.
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'imports', lang)

          const prefix = `Badrow${lang.replace('-', '')}${Date.now()}`
          const csv = ['external_id,name,email', `${prefix}-1,${prefix} One,one@example.com`, `${prefix}-2,${prefix} Two,not-an-email`, `${prefix}-3,${prefix} Three,three@example.com`, ''].join('\n')
          await page.locator('input[type=file]').setInputFiles(tempFile('bad-customers.csv', csv))
          // Preview of the first rows and the mapping: every column maps to its own field by default.
          const preview = page.locator('.import-preview table')
          await preview.waitFor()
          assert.equal(await preview.locator('tbody tr').count(), 3)
          assert.equal(await preview.locator('tbody tr').nth(1).locator('td').nth(2).innerText(), 'not-an-email')
          assert.equal(await page.getByLabel('email', { exact: true }).inputValue(), 'email')
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'imports-preview', lang)

          await page.locator('button', { hasText: uploadButton(lang) }).click()
          const errors = page.locator('table.import-errors tbody tr')
          await errors.first().waitFor({ timeout: 30_000 })
          assert.equal(await errors.count(), 1)
          const cells = await errors.first().locator('td').allInnerTexts()
          assert.equal(cells[0], '3', 'the bad row is line 3 of the file (the header is line 1)')
          assert.equal(cells[1], 'email')
          assert.ok((cells[2] ?? '').length > 0, 'the reason is given')
          await page.locator('.import-outcome .notice-error', { hasText: lang === 'en' ? 'nothing was written' : '没有写入任何数据' }).waitFor()
          // The job's own message names the file and the line.
          assert.match(await page.locator('.import-job-error').innerText(), /bad-customers\.csv:3/)

          // Nothing was written: none of the three customers exists.
          assert.deepEqual(await customersNamed(page, prefix), [])

          // The rejects file holds the bad row with its line, column and reason.
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator('a', { hasText: lang === 'en' ? 'Download rejects (CSV)' : '下载被拒绝的行（CSV）' }).click(),
          ])
          const lines = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/)
          assert.equal(lines[0], 'line,column,reason')
          assert.equal(lines.length, 2)
          assert.match(lines[1] ?? '', /^3,email,.+/)

          // The recent imports list shows this job as failed.
          await page.locator('table.import-recent tbody tr', { hasText: 'bad-customers.csv' }).first().locator('.import-state-failed').waitFor()
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'imports-errors', lang)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('a good file with a column mapped (E-mail → email): progress reaches 100 %, rows written, the customers are in the list', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en', '/imports')
        const prefix = `Goodrow${Date.now()}`
        const csv = ['external_id,name,E-mail,city', `${prefix}-1,${prefix} Alice,alice.${prefix.toLowerCase()}@example.com,上海`, `${prefix}-2,"${prefix} Bob, Jr.",bob.${prefix.toLowerCase()}@example.com,北京`, ''].join('\n')
        await page.locator('input[type=file]').setInputFiles(tempFile('good-customers.csv', csv))
        await page.locator('.import-preview table').waitFor()
        // The quoted name with a comma is one cell.
        assert.equal(await page.locator('.import-preview tbody tr').nth(1).locator('td').nth(1).innerText(), `${prefix} Bob, Jr.`)
        const emailColumn = page.getByLabel('E-mail', { exact: true })
        assert.equal(await emailColumn.inputValue(), '', 'a column named like no field is not imported by default')
        // A required field left unmapped is flagged and the upload is refused before sending.
        await page.getByLabel('external_id', { exact: true }).selectOption('name')
        await page.locator('.import-problems', { hasText: 'The required field external_id has no column' }).waitFor()
        assert.equal(await page.locator('button', { hasText: uploadButton('en') }).isDisabled(), true)
        await page.getByLabel('external_id', { exact: true }).selectOption('external_id')
        await emailColumn.selectOption('email')
        assert.equal(await page.locator('.import-problems').count(), 0)

        await page.locator('button', { hasText: uploadButton('en') }).click()
        const job = page.locator('.import-job')
        await job.locator('progress[value="100"]').waitFor({ timeout: 30_000 })
        assert.equal(await job.locator('.import-progress-pct').innerText(), '100 %')
        await job.locator('.notice-success', { hasText: '2 rows read: 2 added, 0 updated, 0 unchanged.' }).waitFor()
        await page.locator('table.import-recent tbody tr', { hasText: 'good-customers.csv' }).first().locator('.import-state-completed').waitFor()
        assert.deepEqual(await seriousA11yViolations(page), [])
        await screenshot(page, 'imports-done', 'en')

        // Written with the mapping: the e-mail column went to the email field.
        const written = await customersNamed(page, prefix)
        assert.deepEqual(written.map((c) => [c.external_id, c.email, c.city]).sort(), [
          [`${prefix}-1`, `alice.${prefix.toLowerCase()}@example.com`, '上海'],
          [`${prefix}-2`, `bob.${prefix.toLowerCase()}@example.com`, '北京'],
        ])

        // The link goes to the customers list, where a search finds them.
        await page.locator('a', { hasText: 'View customers' }).click()
        await page.waitForURL(/\/customers/)
        await page.getByLabel('Search', { exact: true }).fill(prefix)
        await page.locator('form[role=search] button[type=submit]').click()
        await page.waitForURL(/q=/)
        await page.waitForFunction((p) => {
          const rows = [...document.querySelectorAll('table tbody tr')]
          return rows.length === 2 && rows.every((tr) => tr.textContent?.includes(p))
        }, prefix)
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })

    test('a slow upload shows its progress and can be cancelled: no job is queued and nothing is written', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en', '/imports')
        const prefix = `Cancelled${Date.now()}`
        const rows = Array.from({ length: 20_000 }, (_, i) => `${prefix}-${i},${prefix} ${i},c${i}@example.com`)
        await page.locator('input[type=file]').setInputFiles(tempFile('slow-customers.csv', ['external_id,name,email', ...rows, ''].join('\n')))
        await page.locator('.import-preview table').waitFor()
        const importJobs = () => page.evaluate(async () => ((await (await fetch('/api/v1/jobs/?kind=import&limit=500')).json()) as { data: unknown[] }).data.length)
        const before = await importJobs()
        // About 1 MB at 64 KB/s: the upload runs for many seconds, long enough to see it and cancel it.
        const cdp = await context.newCDPSession(page)
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 64 * 1024 })
        await page.locator('button', { hasText: uploadButton('en') }).click()
        const bar = page.locator('.import-sending progress')
        await bar.waitFor()
        await page.waitForFunction(() => Number(document.querySelector('.import-sending progress')?.getAttribute('value') ?? 0) > 0)
        assert.ok(Number(await bar.getAttribute('value')) < 100, 'cancelled before the whole file was sent')
        await page.locator('button', { hasText: 'Cancel upload' }).click()
        await page.locator('.notice', { hasText: 'The upload was cancelled; nothing was imported.' }).waitFor()
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
        assert.equal(await page.locator('.import-job').count(), 0)
        assert.equal(await importJobs(), before, 'no import job was queued for the dropped upload')
        assert.deepEqual(await customersNamed(page, prefix), [])
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })

    test('a viewer has no Imports entry in the navigation and /imports says it is not available for the role', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer')
        assert.equal(await page.locator('nav.sidenav a[href="/imports"]').count(), 0)
        assert.ok((await page.locator('nav.sidenav a[href="/customers"]').count()) > 0, 'the navigation itself is there')
        await page.goto(`${world().url}/imports`)
        await page.locator('h1', { hasText: 'Not available for your role' }).waitFor()
        assert.equal(await page.locator('input[type=file]').count(), 0)
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })
  })
}
