import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { LANGS, apiGet, apiSend, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, waitForModels, type Lang, type World } from '../harness.ts'

interface Preview { total: number; conditions: Array<{ path: string; count: number }> }
interface Segment { id: number; name: string; member_count: number | null; refreshed_at: string | null; refresh_job_id: string | null }
interface Member { id: number; external_id: string }
interface Why { matched: boolean; member: boolean; conditions: Array<{ path: string; text: { en: string; 'zh-CN': string }; actual: unknown; matched: boolean }> }
interface Parsed { tree: { type: string; conditions?: Array<{ type: string }> } | null; unknown: string[] }

/** Every member the API lists, following the cursor. */
async function allMembers(page: Page, id: number): Promise<Member[]> {
  const out: Member[] = []
  let cursor: string | null = null
  do {
    const pageOf: { data: Member[]; next_cursor: string | null } = await apiGet(page, `/api/v1/segments/${id}/members?limit=500${cursor ? `&cursor=${cursor}` : ''}`)
    out.push(...pageOf.data)
    cursor = pageOf.next_cursor
  } while (cursor)
  return out
}

/** The segment once its refreshed_at differs from `previous` (the refresh job finished), polling the API. */
async function refreshedAgain(page: Page, id: number, previous: string | null, ms = 120_000): Promise<Segment> {
  const deadline = Date.now() + ms
  for (;;) {
    const s = await apiGet<Segment>(page, `/api/v1/segments/${id}`)
    if (s.refreshed_at !== previous) return s
    if (Date.now() > deadline) throw new Error(`segment ${id} was not refreshed again in ${ms / 1000} s`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** The brief's segment: city is 上海 AND (orders in the last 90 days ≥ 2 OR CLV band high) AND e-mail consent granted. */
const TREE = {
  type: 'all',
  conditions: [
    { type: 'profile', field: 'city', op: 'is', value: '上海' },
    { type: 'any', conditions: [
      { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 90 }, op: '>=', value: 2 },
      { type: 'prediction', field: 'clv_band', op: 'is', value: 'high' },
    ] },
    { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' },
  ],
}
const LEAF_PATHS = ['$.conditions[0]', '$.conditions[1].conditions[0]', '$.conditions[1].conditions[1]', '$.conditions[2]']

const PHRASES: Record<Lang, string> = {
  'zh-CN': '上海 过去30天 下单至少2次 流失风险高 可以发邮件',
  en: 'Shanghai, ordered at least twice in the last 30 days, high churn risk, can be emailed',
}

const node = (page: Page, path: string): Locator => page.locator(`[data-path="${path}"]`)
const ownActions = (page: Page, path: string, action: string): Locator => node(page, path).locator(`:scope > .seg-group-actions [data-action=${action}]`)

/** Builds TREE in the builder the way a person does: values typed, a group added, fields picked. */
async function buildTree(page: Page): Promise<void> {
  await node(page, '$.conditions[0]').locator('[data-role=value] input').fill('上海')
  await ownActions(page, '$', 'add-group').click()
  const orders = node(page, '$.conditions[1].conditions[0]')
  await orders.locator('select[data-role=field]').selectOption('behaviour:orders')
  await orders.locator('[data-window=last] input').fill('90')
  await orders.locator('[data-role=op]').selectOption('>=')
  await orders.locator('[data-role=value] input').fill('2')
  await ownActions(page, '$.conditions[1]', 'add-condition').click()
  await node(page, '$.conditions[1].conditions[1]').locator('select[data-role=field]').selectOption('prediction:clv_band')
  await node(page, '$.conditions[1].conditions[1]').locator('[data-role=value] select').selectOption('high')
  await ownActions(page, '$', 'add-condition').click()
  await node(page, '$.conditions[2]').locator('select[data-role=field]').selectOption('consent:email')
}

export function segmentsSuite(world: () => World): void {
  describe('segments', () => {
    before(async () => {
      // The CLV band condition reads the stored predictions.
      await waitForModels(world())
    })

    for (const lang of LANGS) {
      test(`(${lang}) a marketer builds city 上海 AND (orders in 90 days ≥ 2 OR CLV band high) AND e-mail consent; the live total and each condition's count are the API's, Show SQL shows SQL; saved and refreshed, the member count and the members API equal the total; Why shows a member's and a non-member's values; the 360° view lists the segment; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'marketer', lang, '/segments')
          await page.locator('#new-segment').click()
          await page.waitForURL(/\/segments\/new$/)
          await buildTree(page)

          await page.locator('#preview[data-preview=current]').waitFor({ timeout: 30_000 })
          const expected = (await apiSend<Preview>(page, 'POST', '/api/v1/segments/preview', { tree: TREE, sample: 0 })).body
          assert.ok(expected.total > 0, 'the demo has customers in the segment')
          assert.equal(await page.locator('#preview-total').getAttribute('data-total'), String(expected.total))
          for (const path of LEAF_PATHS) {
            const want = expected.conditions.find((c) => c.path === path)?.count
            assert.equal(await node(page, path).locator(':scope > .seg-count').getAttribute('data-count'), String(want), `count at ${path}`)
          }
          assert.equal(await page.locator('#preview-sample tbody tr').count(), Math.min(20, expected.total))
          await page.locator('#toggle-sql').click()
          assert.match(await page.locator('#preview-sql pre').first().innerText(), /^SELECT /)
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the builder')
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], 'untranslated text on the builder')
          await screenshot(page, 'segment-builder', lang)

          const name = lang === 'en' ? `Shanghai regulars ${Date.now()}` : `上海常客 ${Date.now()}`
          await page.locator('#segment-form [data-field=name]').fill(name)
          await page.locator('#save-segment').click()
          await page.waitForURL(/\/segments\/\d+$/)
          const id = Number(/\/segments\/(\d+)$/.exec(page.url())?.[1])
          // The first refresh is queued with the segment: the page follows it and then shows the count.
          await page.waitForFunction(() => document.querySelector('#member-count')?.getAttribute('data-count') !== '', undefined, { timeout: 120_000 })
          assert.equal(await page.locator('#member-count').getAttribute('data-count'), String(expected.total))
          const before = await apiGet<Segment>(page, `/api/v1/segments/${id}`)
          assert.equal(before.member_count, expected.total)

          await page.locator('#refresh-segment').click()
          const after = await refreshedAgain(page, id, before.refreshed_at)
          await page.locator('#refresh-segment:enabled').waitFor()
          assert.equal(after.member_count, expected.total)
          await page.waitForFunction((n) => document.querySelector('#member-count')?.getAttribute('data-count') === String(n), expected.total)
          const members = await allMembers(page, id)
          assert.equal(members.length, expected.total)

          // The definition reads as text, one sentence per condition.
          assert.equal(await page.locator('#definition .seg-sentence').count(), LEAF_PATHS.length)
          await page.locator('#growth-chart svg').waitFor()
          await page.locator('#members tbody tr').first().waitFor()
          assert.equal(await page.locator('#members tbody tr').count(), Math.min(50, expected.total))

          // Why, for a member picked from the table…
          const firstRow = page.locator('#members tbody tr').first()
          const memberLink = await firstRow.locator('a').first().innerText()
          await firstRow.locator('[data-why]').click()
          await page.locator('#why-answer').waitFor()
          const member = members.find((m) => m.external_id === memberLink)
          assert.ok(member, `member ${memberLink} listed by the API`)
          const whyMember = await apiGet<Why>(page, `/api/v1/segments/${id}/why/${member.id}`)
          assert.equal(await page.locator('#why-answer').getAttribute('data-matched'), 'true')
          assert.equal(await page.locator('#why-answer').getAttribute('data-member'), 'true')
          const rows = page.locator('#why-conditions tbody tr')
          assert.equal(await rows.count(), whyMember.conditions.length)
          for (const [i, c] of whyMember.conditions.entries()) {
            assert.equal(await rows.nth(i).locator('td').first().innerText(), c.text[lang])
            assert.notEqual((await rows.nth(i).locator('td[data-actual]').innerText()).trim(), '')
          }
          // …and for a customer outside it (Beijing), typed by external id.
          const outsider = (await apiGet<{ data: Array<{ id: number; external_id: string }> }>(page, '/api/v1/customers/?city=%E5%8C%97%E4%BA%AC&limit=1')).data[0]
          assert.ok(outsider, 'a demo customer in 北京')
          await page.locator('#why-external-id').fill(outsider.external_id)
          await page.locator('#why-submit').click()
          await page.locator('#why-answer[data-matched=false]').waitFor()
          const whyOutsider = await apiGet<Why>(page, `/api/v1/segments/${id}/why/${outsider.id}`)
          assert.equal(await rows.count(), whyOutsider.conditions.length)
          assert.equal(await page.locator('#why-conditions tbody tr[data-matched=false]').count(), whyOutsider.conditions.filter((c) => !c.matched).length)
          assert.ok((await page.locator('#why-conditions tbody tr[data-path="$.conditions[0]"]').innerText()).includes('北京'), 'the outsider’s own city is shown')
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the segment page')
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], 'untranslated text on the segment page')
          await screenshot(page, 'segment-detail', lang)

          // The list shows it with its size; the member's 360° view lists it.
          await page.goto(`${world().url}/segments`)
          const listed = page.locator('#main tbody tr', { hasText: name })
          await listed.waitFor()
          assert.ok((await listed.innerText()).includes(new Intl.NumberFormat(lang).format(expected.total)))
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the segment list')
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], 'untranslated text on the segment list')
          await page.goto(`${world().url}/customers/${member.id}`)
          await page.locator(`#customer-segments a[href="/segments/${id}"]`).waitFor()
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], 'untranslated text on the 360° view')
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })

      test(`(${lang}) the phrase box turns a phrase into conditions for review, and lists the words it did not understand`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'marketer', lang, '/segments/new')
          const saved = (await apiGet<{ data: Segment[] }>(page, '/api/v1/segments/?limit=500')).data.length
          await page.locator('#phrase-text').fill(PHRASES[lang])
          await page.locator('#phrase-submit').click()
          await page.locator('#phrase-result .notice').waitFor()
          const parsed = (await apiSend<Parsed>(page, 'POST', '/api/v1/segments/parse', { text: PHRASES[lang] })).body
          assert.deepEqual(parsed.unknown, [], `the phrase is fully understood: ${JSON.stringify(parsed)}`)
          const leaves = parsed.tree?.conditions ?? []
          assert.equal(leaves.length, 4)
          assert.deepEqual(await page.locator('#builder fieldset[data-type]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type'))), leaves.map((l) => l.type))
          assert.deepEqual(await page.locator('#builder select[data-role=field]').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)), ['profile:city', 'behaviour:orders', 'prediction:churn_band', 'consent:email'])
          assert.equal(await page.locator('#phrase-unknown').count(), 0)
          await page.locator('#preview[data-preview=current]').waitFor({ timeout: 30_000 })
          assert.equal((await apiGet<{ data: Segment[] }>(page, '/api/v1/segments/?limit=500')).data.length, saved, 'nothing was saved')

          const nonsense = lang === 'en' ? 'customers in Shanghai who like zorblax' : '上海 喜欢 zorblax 的客户'
          await page.locator('#phrase-text').fill(nonsense)
          await page.locator('#phrase-submit').click()
          await page.locator('#phrase-unknown').waitFor()
          assert.match(await page.locator('#phrase-unknown').innerText(), /zorblax/)
          assert.equal(await page.locator('#builder fieldset[data-type]').count(), 1)
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe with the phrase answer')
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], 'untranslated text with the phrase answer')
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('a viewer sees the segment list and a segment without New, Edit or Refresh, and the API refuses a new segment', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer', 'en', '/segments')
        const list = await apiGet<{ data: Segment[] }>(page, '/api/v1/segments/?limit=50')
        assert.ok(list.data.length >= 1, 'the segments made above are listed')
        await page.locator('#main tbody tr').first().waitFor()
        assert.equal(await page.locator('#main tbody tr').count(), list.data.length)
        assert.equal(await page.locator('#new-segment').count(), 0)
        const first = list.data[0]
        assert.ok(first)
        await page.locator(`#main tbody a[href="/segments/${first.id}"]`).click()
        await page.locator('#definition').waitFor()
        assert.equal(await page.locator('#edit-segment').count(), 0)
        assert.equal(await page.locator('#refresh-segment').count(), 0)
        const refused = await apiSend(page, 'POST', '/api/v1/segments/', { name: 'viewer', tree: TREE })
        assert.equal(refused.status, 403)
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })
  })
}
