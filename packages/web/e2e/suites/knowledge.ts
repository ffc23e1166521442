import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, apiSend, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type Lang, type World } from '../harness.ts'

interface Article { id: number; lang: string; category: string | null; title: string; body: string; status: string; version: number }

/** The article id in the editor's URL (`/knowledge/12`). */
async function articleIdOf(page: Page): Promise<number> {
  await page.waitForURL(/\/knowledge\/\d+$/)
  return Number(/\/knowledge\/(\d+)$/.exec(page.url())?.[1])
}

const version = (page: Page, v: number) => page.locator(`#article-form[data-version="${v}"]`).waitFor()

/** The list's rows once exactly `n` are shown and the first holds `text` (the search is debounced). */
async function listShows(page: Page, n: number, text: string): Promise<void> {
  await page.waitForFunction(
    ([count, t]) => {
      const rows = [...document.querySelectorAll('.data-table tbody tr')]
      return rows.length === count && (rows[0]?.textContent ?? '').includes(t as string)
    },
    [n, text] as const,
  )
}

async function checkPage(page: Page, lang: Lang, what: string): Promise<void> {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${what}`)
  // The only Latin words allowed in Chinese: the demo's e-mail addresses (who wrote an article).
  if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page, [/@demo\.rapport\.local/]), [], `untranslated text on ${what}`)
}

export function knowledgeSuite(world: () => World): void {
  describe('knowledge base', () => {
    for (const lang of LANGS) {
      test(`(${lang}) an agent opens the knowledge base from the navigation, writes a Chinese article, publishes it, finds it by search, edits it (a colleague's change in between is refused with 412 and the text kept), imports a 2-row CSV and sees the counts; axe clean; translated`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          const tag = `kb${lang.replace('-', '')}${Date.now()}`
          await signIn(world(), page, 'agent', lang, '/customers')
          await page.locator('nav.sidenav a[href="/knowledge"]').click()
          await page.locator('.knowledge-page[data-editable=true] #kb-filters').waitFor()
          await checkPage(page, lang, 'the knowledge base list')
          await screenshot(page, 'knowledge', lang)

          // Write it: a draft in Chinese, whatever the UI language.
          await page.locator('#new-article').click()
          await page.locator('#article-form [data-field=title]').waitFor()
          await page.locator('#article-form [data-field=lang]').selectOption('zh')
          await page.locator('#article-form [data-field=category]').fill('退货')
          const title = `退货要多久到账？${tag}`
          await page.locator('#article-form [data-field=title]').fill(title)
          await page.locator('#article-form [data-field=body]').fill('<b>审核</b>通过后 3 个工作日内退款。\n原路退回。')
          // The preview shows the answer as text: the tag is characters, not bold.
          assert.equal(await page.locator('#article-preview-answer').innerText(), '<b>审核</b>通过后 3 个工作日内退款。\n原路退回。')
          assert.equal(await page.locator('#article-preview-answer b').count(), 0)
          await page.locator('#article-save').click()
          const id = await articleIdOf(page)
          await version(page, 1)
          let stored = await apiGet<Article>(page, `/api/v1/kb/articles/${id}`)
          assert.deepEqual([stored.lang, stored.category, stored.title, stored.status], ['zh', '退货', title, 'draft'])
          await checkPage(page, lang, 'the article editor')
          await screenshot(page, 'knowledge-article', lang)

          // Publish it.
          await page.locator('#article-form [data-field=status]').selectOption('published')
          await page.locator('#article-save').click()
          await version(page, 2)
          assert.equal((await apiGet<Article>(page, `/api/v1/kb/articles/${id}`)).status, 'published')

          // Find it by search, among everything else in the workspace, and open it.
          await page.locator('.article-edit-page a[href="/knowledge"]').click()
          await page.locator('#kb-filters [data-filter=q]').fill(tag)
          await listShows(page, 1, title)
          await page.locator(`a[data-article="${id}"]`).click()
          await version(page, 2)

          // Edit it while a colleague saves a change first: refused, the typed answer stays; reload, then save.
          const edited = `审核通过后 2 个工作日内退款。${tag}`
          await page.locator('#article-form [data-field=body]').fill(edited)
          const colleague = await apiSend<Article>(page, 'PATCH', `/api/v1/kb/articles/${id}`, { category: '退款' }, { 'if-match': `"kb-${id}-v2"` })
          assert.equal(colleague.status, 200, 'the colleague’s change')
          await page.locator('#article-save').click()
          await page.locator('#article-stale').waitFor()
          assert.equal(await page.locator('#article-form [data-field=body]').inputValue(), edited, 'the typed answer is kept')
          await checkPage(page, lang, 'the article editor refusing a stale save')
          await page.locator('#article-reload').click()
          await version(page, 3)
          assert.equal(await page.locator('#article-form [data-field=category]').inputValue(), '退款')
          await page.locator('#article-form [data-field=body]').fill(edited)
          await page.locator('#article-save').click()
          await version(page, 4)
          stored = await apiGet<Article>(page, `/api/v1/kb/articles/${id}`)
          assert.deepEqual([stored.body, stored.category, stored.status], [edited, '退款', 'published'])

          // Import two rows; the same file again changes nothing.
          await page.locator('.article-edit-page a[href="/knowledge"]').click()
          const csv = `question,answer,language,category\nHow long does shipping take? ${tag},Two to four days.,en,Shipping\n可以开发票吗？${tag},可以，在订单页申请。,zh-CN,发票\n`
          const file = { name: `kb-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) }
          await page.locator('[data-control=kb-import-file]').setInputFiles(file)
          await page.locator('#kb-import-submit').click()
          const count = (k: string) => page.locator(`#kb-import-counts [data-count=${k}]`).getAttribute('data-value')
          await page.locator('#kb-import-counts').waitFor()
          assert.deepEqual([await count('read'), await count('inserted'), await count('updated'), await count('unchanged')], ['2', '2', '0', '0'])
          await checkPage(page, lang, 'the knowledge base after an import')
          await page.locator('#kb-filters [data-filter=q]').fill(tag)
          await page.waitForFunction(() => document.querySelectorAll('.data-table tbody tr').length === 3)
          await page.locator('[data-control=kb-import-file]').setInputFiles(file)
          await page.locator('#kb-import-submit').click()
          await page.waitForFunction(() => document.querySelector('#kb-import-counts [data-count=unchanged]')?.getAttribute('data-value') === '2')
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('a viewer reads the knowledge base and an article, but nothing can be written', async () => {
      // An article to read, written by an agent (the suite's other tests may not have run).
      const writer = await newPage(world())
      const title = `Can I change my address? viewer${Date.now()}`
      try {
        await signIn(world(), writer.page, 'agent', 'en', '/customers')
        const made = await apiSend<Article>(writer.page, 'POST', '/api/v1/kb/articles', { lang: 'en', title, body: 'Yes, until the order ships.', status: 'published' })
        assert.equal(made.status, 201)
      } finally {
        await writer.context.close()
      }
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer', 'en', '/customers')
        await page.locator('nav.sidenav a[href="/knowledge"]').click()
        await page.locator('.knowledge-page[data-editable=false] #kb-read-only').waitFor()
        assert.equal(await page.locator('#new-article').count(), 0)
        assert.equal(await page.locator('#kb-import').count(), 0)
        await page.locator('#kb-filters [data-filter=q]').fill(title)
        await listShows(page, 1, title)
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the read-only list')
        await page.locator('.data-table tbody a[data-article]').click()
        await page.locator('#article-read-only').waitFor()
        assert.equal(await page.locator('#article-save').count(), 0)
        assert.equal(await page.locator('#article-delete').count(), 0)
        assert.equal(await page.locator('#article-form [data-field=title]').getAttribute('readonly'), '')
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })
  })
}
