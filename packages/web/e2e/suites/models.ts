import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { LANGS, apiGet, jsErrors, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, waitForModels, type Lang, type World } from '../harness.ts'

interface Version {
  id: number
  kind: string
  version: number
  status: string
  metrics: Record<string, number | null>
  training: { excludedNoProfilingConsent?: number }
}
interface Models {
  kinds: Array<{ kind: string; title: { en: string; 'zh-CN': string }; active: Version | null; latest: Version | null }>
  data: Version[]
}
interface Score { kind: string; score: number | null; band: string | null; label: string | null; reasons: unknown; details: unknown }
interface View360 {
  profile: { id: number; external_id: string }
  intelligence: { scores: Score[]; recommendations: Array<{ product: { id: number; name: string } }> }
}

/** A change through the page's session (CSRF token from the session), answering the status and body. */
async function apiSend(page: Page, method: string, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async ([m, p, b]) => {
    const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrf_token: string }
    const r = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token }, body: JSON.stringify(b) })
    return { status: r.status, body: (await r.json().catch(() => null)) as unknown }
  }, [method, path, body] as const)
}

const metric = (v: number | null | undefined, lang: Lang) => (v === null || v === undefined ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: Number.isInteger(v) ? 0 : 3 }).format(v))
const percent = (v: number, lang: Lang) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(v)

/** The score kind the 360° view shows for each registry kind that stores per-customer results. */
const SCORE_KIND: Record<string, string> = { churn: 'churn', clv: 'clv', next_category: 'next_category', rfm: 'rfm', clusters: 'cluster' }

export function modelsSuite(world: () => World): void {
  describe('models', () => {
    before(async () => {
      await waitForModels(world())
    })

    for (const lang of LANGS) {
      test(`(${lang}) the Models page lists every kind with the active churn version and its AUC; the detail page draws ROC, reliability and gains, the fairness tables and importance; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'analyst', lang, '/models')
          const models = await apiGet<Models>(page, '/api/v1/models/')
          const churn = models.kinds.find((k) => k.kind === 'churn')
          assert.ok(churn?.active, 'the demo has an active churn version after the first refresh')
          await page.locator('.model-card').first().waitFor()
          assert.equal(await page.locator('.model-card').count(), models.kinds.length)
          for (const k of models.kinds) {
            const card = page.locator(`.model-card[data-kind="${k.kind}"]`)
            assert.equal(await card.locator('h2').innerText(), k.title[lang])
            assert.equal(await card.getAttribute('data-active'), k.active ? String(k.active.version) : '')
          }
          const churnCard = page.locator('.model-card[data-kind=churn]')
          const auc = churn.active.metrics.roc_auc
          assert.ok(typeof auc === 'number' && auc > 0.5, `churn AUC ${auc}`)
          assert.equal(await churnCard.locator('[data-metric=roc_auc] [data-value]').innerText(), metric(auc, lang))
          assert.match(await churnCard.locator('[data-metric=roc_auc]').innerText(), lang === 'en' ? /ROC-AUC/ : /AUC（ROC 曲线下面积）/)
          assert.ok(await churnCard.locator('[data-train=churn]').isVisible(), 'an analyst may train')
          assert.equal(await page.locator('h1').innerText(), await page.locator('nav.sidenav a[aria-current=page]').innerText())
          assert.equal(await page.locator('.data-table tbody tr').count(), models.data.length)
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on /models')
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], 'untranslated text on /models')
          await screenshot(page, 'models', lang)

          await churnCard.locator(`a[href="/models/${churn.active.id}"]`).first().click()
          await page.waitForURL(new RegExp(`/models/${churn.active.id}$`))
          const detail = await apiGet<Version & { report: { fairness: Record<string, { groups: unknown[] }>; importance: unknown[] } }>(page, `/api/v1/models/${churn.active.id}`)
          for (const chart of ['roc', 'calibration', 'gains']) await page.locator(`#${chart}-chart svg`).waitFor()
          assert.ok((await page.locator('#roc-chart svg path').count()) >= 3, 'model, baseline and chance lines')
          const fairness = Object.entries(detail.report.fairness)
          assert.ok(fairness.length >= 1)
          assert.equal(await page.locator('#fairness table').count(), fairness.length)
          for (const [attr, f] of fairness) assert.equal(await page.locator(`#fairness [data-attribute="${attr}"] tbody tr`).count(), f.groups.length)
          const aucRow = page.locator('#metrics-table tr[data-metric=roc_auc] td')
          assert.equal(await aucRow.nth(1).innerText(), metric(auc, lang))
          assert.equal(await aucRow.nth(2).innerText(), metric(churn.active.metrics.baseline_roc_auc, lang))
          assert.equal(await page.locator('#importance > ol > li').count(), Math.min(15, detail.report.importance.length))
          assert.equal(await page.locator('#importance li[data-feature=recency_days]').first().innerText().then((s) => s.includes('recency_days')), false, 'a known feature is named in words')
          assert.equal((await page.locator('#excluded-consent').innerText()).replace(/\D/g, ''), String(detail.training.excludedNoProfilingConsent))
          assert.equal(await page.locator('#lift-table tbody tr').count(), 10)
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the model page')
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], 'untranslated text on the model page')
          await screenshot(page, 'model-detail', lang)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('an analyst trains churn from the Models page, follows the progress to completion, and the new version is listed; rolling back to the earlier one is asked first and takes effect', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'analyst', 'en', '/models')
        const before = await apiGet<Models>(page, '/api/v1/models/?kind=churn')
        const previous = before.kinds.find((k) => k.kind === 'churn')?.active
        assert.ok(previous)
        await page.locator('[data-train=churn]').click()
        const job = page.locator('#train-job-churn')
        await job.waitFor()
        await page.locator('#train-job-churn[data-job-state=completed]').waitFor({ timeout: 240_000 })
        assert.match(await job.innerText(), /Finished/)
        const after = await apiGet<Models>(page, '/api/v1/models/?kind=churn')
        const newest = after.data.filter((v) => v.kind === 'churn')[0]
        assert.ok(newest && newest.version === Math.max(...before.data.filter((v) => v.kind === 'churn').map((v) => v.version)) + 1)
        assert.ok(['active', 'trained'].includes(newest.status), newest.status)
        await page.locator('.data-table tbody a', { hasText: `v${newest.version}` }).first().waitFor()
        assert.deepEqual(jsErrors(page), [])

        // Roll back (or promote) the version that is not active now, through the confirmation dialog.
        const target = newest.status === 'active' ? previous : newest
        await page.goto(`${world().url}/models/${target.id}`)
        await page.locator('#promote').click()
        await page.locator('dialog[open]').waitFor()
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the promote dialog')
        await page.locator('dialog[open] .btn-danger').click()
        await page.locator('#promote-job[data-job-state=completed]').waitFor({ timeout: 240_000 })
        const now = await apiGet<Models>(page, '/api/v1/models/?kind=churn')
        assert.equal(now.kinds.find((k) => k.kind === 'churn')?.active?.id, target.id)
        await page.locator('.page-header .model-status-active').waitFor()
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })

    test('a viewer sees the Models page and a model page without train, refresh or promote buttons, and the API refuses training', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'viewer', 'en', '/models')
        await page.locator('.model-card').first().waitFor()
        assert.equal(await page.locator('[data-train]').count(), 0)
        assert.equal(await page.locator('#refresh-all').count(), 0)
        const models = await apiGet<Models>(page, '/api/v1/models/')
        const retired = models.data.find((v) => v.status === 'retired' || v.status === 'trained')
        if (retired) {
          await page.goto(`${world().url}/models/${retired.id}`)
          await page.locator('#metrics').waitFor()
          assert.equal(await page.locator('#promote').count(), 0)
        }
        const refused = await apiSend(page, 'POST', '/api/v1/models/churn/train', { options: {} })
        assert.equal(refused.status, 403)
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })

    for (const lang of LANGS) {
      test(`(${lang}) a demo customer's 360° view shows what each active model stored: churn risk with reasons in words, and CLV, P(alive), next category, segment, persona and recommendations when those kinds are active`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'marketer', lang)
          const models = await apiGet<Models>(page, '/api/v1/models/')
          const active = new Set(models.kinds.filter((k) => k.active).map((k) => k.kind))
          assert.ok(active.has('churn'))
          const wanted = [...active].map((k) => SCORE_KIND[k]).filter((k): k is string => k !== undefined)
          const list = await apiGet<{ data: Array<{ id: number }> }>(page, '/api/v1/customers/?has_orders=true&limit=60')
          let v: View360 | undefined
          for (const c of list.data) {
            const x = await apiGet<View360>(page, `/api/v1/customers/${c.id}/360`)
            const kinds = new Set(x.intelligence.scores.map((s) => s.kind))
            if (wanted.every((k) => kinds.has(k)) && (!active.has('recommend') || x.intelligence.recommendations.length > 0)) {
              v = x
              break
            }
          }
          assert.ok(v, `a demo customer with results of every active kind (${wanted.join(', ')})`)
          await page.goto(`${world().url}/customers/${v.profile.id}`)
          const panel = page.locator('#insights')
          await panel.locator('[data-insight=churn][data-scored=yes]').waitFor()

          const churn = v.intelligence.scores.find((s) => s.kind === 'churn')
          assert.ok(churn?.score !== undefined && churn.score !== null)
          assert.equal(await panel.locator('[data-value=churn]').innerText(), percent(churn.score, lang))
          assert.match(await panel.locator('[data-insight=churn] .badge').innerText(), lang === 'en' ? /(Low|Medium|High) risk/ : /(低|中|高)风险/)
          const reasons = (churn.reasons as Array<{ effect: number }>).filter((r) => r.effect !== 0)
          const items = panel.locator('#churn-reasons li')
          assert.equal(await items.count(), Math.min(5, reasons.length))
          for (const text of await items.allInnerTexts()) {
            assert.match(text, lang === 'en' ? /(↑ raises|↓ lowers) the risk$/ : /(↑ 提高|↓ 降低)风险$/)
            assert.doesNotMatch(text, /^[a-z]+_[a-z_0-9]+:/, `a reason in words, not a column name: ${text}`)
          }
          if (active.has('clv')) {
            assert.match(await panel.locator('[data-value=clv]').innerText(), /¥/)
            assert.match(await panel.locator('[data-value=p_alive]').innerText(), /%/)
          }
          if (active.has('next_category')) assert.ok((await panel.locator('[data-value=next_category]').innerText()).trim().length > 0)
          if (active.has('rfm')) assert.ok((await panel.locator('[data-value=rfm]').innerText()).trim().length > 0)
          if (active.has('clusters')) {
            const cluster = v.intelligence.scores.find((s) => s.kind === 'cluster')
            const persona = (cluster?.details as { persona?: Record<string, string> } | null)?.persona
            if (persona?.[lang]) assert.equal(await panel.locator('[data-value=persona]').innerText(), persona[lang])
          }
          if (active.has('recommend')) {
            const rows = panel.locator('#recommendations-table tbody tr')
            assert.equal(await rows.count(), v.intelligence.recommendations.length)
            assert.equal(await rows.first().locator('a').innerText(), v.intelligence.recommendations[0]?.product.name)
          }
          // Panels only for kinds this build has: none for a kind the registry does not list.
          const known = new Set(models.kinds.map((k) => k.kind))
          for (const [insight, kind] of [['clv', 'clv'], ['recommendations', 'recommend'], ['cluster', 'clusters']] as const) {
            if (!known.has(kind)) assert.equal(await panel.locator(`[data-insight=${insight}]`).count(), 0)
          }
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'customer-360-intelligence', lang)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('after a customer revokes profiling consent, the 360° view shows no stored prediction and says why', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en')
        // Far down the list, so the other suites' "first customers with data" stay as they were.
        const list = await apiGet<{ data: Array<{ id: number; external_id: string }> }>(page, '/api/v1/customers/?has_orders=true&limit=300')
        let chosen: View360 | undefined
        for (const c of list.data.slice(-40).reverse()) {
          const x = await apiGet<View360>(page, `/api/v1/customers/${c.id}/360`)
          if (x.intelligence.scores.some((s) => s.kind === 'churn')) {
            chosen = x
            break
          }
        }
        assert.ok(chosen, 'a scored customer near the end of the list')
        const sent = await apiSend(page, 'POST', '/api/v1/consents/', { customer_id: chosen.profile.external_id, channel: 'email', purpose: 'profiling', status: 'revoked', recorded_at: new Date().toISOString(), source: 'e2e' })
        assert.equal(sent.status, 201, JSON.stringify(sent.body))
        await page.goto(`${world().url}/customers/${chosen.profile.id}`)
        await page.locator('#no-profiling-consent').waitFor()
        assert.equal(await page.locator('#insights [data-scored=yes]').count(), 0)
        assert.equal(await page.locator('#insights [data-value=churn]').count(), 0)
        assert.ok((await page.locator('#insights [data-absent=noConsent]').count()) >= 1)
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })
  })
}
