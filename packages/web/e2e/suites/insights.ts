import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, waitForModels, type World } from '../harness.ts'

interface Models {
  kinds: Array<{ kind: string; active: { id: number } | null }>
}
interface Overview {
  revenue_by_month: Array<{ month: string; revenue: number; orders: number }>
  active_customers: { d30: number; d90: number; d365: number; total: number }
  churn_risk: { bands: Array<{ band: string; customers: number }> } | null
  best_sellers: Array<{ product: { id: number; name: string } }>
}
interface Cohorts {
  cohorts: Array<{ cohort: string; customers: number }>
}

/** How many customers the list API returns for a query string, paging through every cursor. */
async function countCustomers(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    let n = 0
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/customers/?${q}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const r = await fetch(url, { credentials: 'same-origin' })
      if (!r.ok) throw new Error(`${url}: ${r.status}`)
      const body = (await r.json()) as { data: unknown[]; next_cursor: string | null }
      n += body.data.length
      cursor = body.next_cursor
    } while (cursor)
    return n
  }, query)
}

/** The kinds with an active version: exactly their sections must show data, the others the "not trained" state. */
async function activeKinds(page: Page): Promise<Set<string>> {
  const m = await apiGet<Models>(page, '/api/v1/models/')
  return new Set(m.kinds.filter((k) => k.active !== null).map((k) => k.kind))
}

async function assertSectionStates(page: Page, sections: Record<string, string | null>, active: Set<string>): Promise<void> {
  for (const [id, kind] of Object.entries(sections)) {
    const el = page.locator(`[data-section="${id}"]`)
    await el.waitFor()
    const want = kind === null || active.has(kind) ? 'ready' : 'pending'
    assert.equal(await el.getAttribute('data-state'), want, `section ${id} (model ${kind ?? 'none'}; active: ${[...active].join(', ') || 'none'})`)
    if (want === 'pending') assert.equal(await el.locator('a[href="/models"]').count(), 1, `${id} links to the Models page`)
  }
}

/** After a drill-down: the URL carries the filter, a chip shows it, and the list holds the chart's number of customers. */
async function assertDrilledList(page: Page, query: string, chip: string, expected: number): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/customers' && u.search === `?${query}`)
  await page.locator(`.chips [data-chip="${chip}"]`).waitFor()
  assert.equal(await countCustomers(page, query), expected, `customers for ${query}`)
  await page.locator('table tbody tr').first().waitFor()
  await page.waitForFunction(() => !document.querySelector('.data-table [role=status]'))
  assert.equal(await page.locator('table tbody tr').count(), Math.min(expected, 50), 'first page of the filtered list')
}

export function insightsSuite(world: () => World): void {
  describe('overview and insights', () => {
    before(async () => {
      await waitForModels(world())
    })

    for (const lang of LANGS) {
      test(`(${lang}) the Overview shows revenue, KPIs and exactly the active models' sections; a churn band (or a best seller) drills to the filtered customers; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'marketer', lang, '/overview')
          const active = await activeKinds(page)
          const o = await apiGet<Overview>(page, '/api/v1/insights/overview?months=24')
          await page.locator('#revenue svg').waitFor()
          assert.equal(o.revenue_by_month.length, 24)
          assert.ok(o.revenue_by_month.some((m) => m.revenue > 0), 'the demo has revenue in the last 24 months')
          for (const k of ['d30', 'd90', 'd365', 'total'] as const) {
            assert.equal(await page.locator(`[data-kpi=${k}] .kpi-value`).getAttribute('data-value'), String(o.active_customers[k]))
          }
          // Every customer of the workspace (the imports suite, run before, adds a few to the demo's 5,000).
          assert.equal(o.active_customers.total, await countCustomers(page, ''))
          await assertSectionStates(page, { revenue: null, 'best-sellers': null, churn: 'churn', clv: 'clv', rfm: 'rfm', clusters: 'clusters', 'most-recommended': 'recommend' }, active)
          assert.equal(await page.locator('#best-sellers tbody tr').count(), o.best_sellers.length)
          if (active.has('churn')) await page.locator('#churn svg').first().waitFor()

          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'overview', lang)

          if (active.has('churn')) {
            const high = o.churn_risk?.bands.find((b) => b.band === 'high')
            assert.ok(high, 'an active churn model reports a high band')
            const link = page.locator('#churn-bands li[data-key=high]')
            assert.equal(await link.locator('[data-count]').getAttribute('data-count'), String(high.customers))
            await link.locator('a').click()
            await assertDrilledList(page, 'churn_band=high', 'churnBand', high.customers)
            assert.match(await page.locator('.chips').innerText(), lang === 'en' ? /Churn risk: High/ : /流失风险: 高/)
          } else {
            const first = o.best_sellers[0]
            assert.ok(first, 'the demo has best sellers')
            await page.locator('#best-sellers tbody a').first().click()
            await page.waitForURL((u) => u.pathname === '/customers' && u.search === `?bought_products=${first.product.id}`)
            await page.locator('.chips [data-chip=boughtProducts]').waitFor()
            await page.locator('table tbody tr').first().waitFor()
            assert.ok((await countCustomers(page, `bought_products=${first.product.id}`)) > 0)
          }
          // The chip's × removes the filter: back to the whole list.
          await page.locator('.chips .chip-remove').first().click()
          await page.waitForURL((u) => u.pathname === '/customers' && u.search === '')
          // The URL changes before React renders the page without the filter: wait for the chips to go.
          await page.locator('.chips').waitFor({ state: 'detached' })
          assert.equal(await page.locator('.chips').count(), 0)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })

      test(`(${lang}) the Insights page renders every section (data exactly where its model is active); a cohort drills to its customers; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'analyst', lang, '/insights')
          const active = await activeKinds(page)
          await assertSectionStates(page, { 'rfm-grid': 'rfm', 'cluster-cards': 'clusters', rules: 'basket_rules', cohorts: null, 'clv-channels': 'clv' }, active)
          await page.locator('#cohorts svg').waitFor()
          if (active.has('rfm')) await page.locator('#rfm-grid svg').waitFor()
          if (active.has('clusters')) assert.ok((await page.locator('.cluster-card').count()) > 1)
          if (active.has('basket_rules')) {
            assert.ok((await page.locator('#rules-table tbody tr').count()) > 0)
            // Sorting by confidence asks the server again; the column is then in descending order.
            await page.locator('#rules-table button[data-sort=confidence]').click()
            await page.locator('#rules-table th[aria-sort=descending] button[data-sort=confidence]').waitFor()
            const rules = await apiGet<{ rules: Array<{ confidence: number }> }>(page, '/api/v1/insights/rules?limit=50&sort=confidence')
            const confidences = rules.rules.map((r) => r.confidence)
            assert.deepEqual(confidences, [...confidences].sort((a, b) => b - a))
          }

          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'insights', lang)

          const c = await apiGet<Cohorts>(page, '/api/v1/insights/cohorts?months=12')
          const cohort = c.cohorts.filter((x) => x.customers > 0).at(-1)
          assert.ok(cohort, 'the demo has a recent cohort')
          const item = page.locator(`#cohort-list li[data-key="${cohort.cohort}"]`)
          assert.equal(await item.locator('[data-count]').getAttribute('data-count'), String(cohort.customers))
          await item.locator('a').click()
          await assertDrilledList(page, `cohort=${cohort.cohort}`, 'cohort', cohort.customers)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }
  })
}
