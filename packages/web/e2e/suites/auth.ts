import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { demoEmail, jsErrors, LANGS, newPage, ROLES, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type World } from '../harness.ts'

/** Which navigation entries each demo role must see (and, by omission, must not). */
const ALL = ['/overview', '/insights', '/customers', '/products', '/orders', '/imports', '/admin/members', '/admin/keys', '/admin/audit', '/admin/jobs']
const only = (...sees: string[]) => ({ sees, never: ALL.filter((p) => !sees.includes(p)) })
const NAV_BY_ROLE: Record<(typeof ROLES)[number], { sees: string[]; never: string[] }> = {
  owner: only(...ALL),
  admin: only(...ALL),
  marketer: only('/overview', '/insights', '/customers', '/products', '/orders', '/imports', '/admin/jobs'),
  analyst: only('/overview', '/insights', '/customers', '/products', '/orders', '/admin/jobs'),
  agent: only('/overview', '/insights', '/customers', '/products', '/orders'),
  viewer: only('/overview', '/insights', '/customers', '/products', '/orders'),
}

export function authSuite(world: () => World): void {
  describe('sign-in, sign-out, language', () => {
    for (const lang of LANGS) {
      test(`sign-in page (${lang}): a wrong password shows the failure message and no session; axe finds no serious violation`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await page.goto(`${world().url}/customers`)
          await page.waitForURL(/\/sign-in\?next=%2Fcustomers/)
          assert.deepEqual(await seriousA11yViolations(page), [])
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'sign-in', lang)
          await page.locator('input[type=email]').fill(demoEmail('viewer'))
          await page.locator('input[type=password]').fill('wrong-password-123')
          await page.locator('button[type=submit]').click()
          const alert = page.locator('.notice-error')
          await alert.waitFor()
          assert.match(await alert.innerText(), lang === 'en' ? /password is wrong.*locked/ : /密码错误.*锁定/)
          assert.match(page.url(), /\/sign-in/)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    for (const role of ROLES) {
      test(`${role} signs in, lands on the page it asked for, sees only its navigation, and signs out`, async () => {
        const { page, context } = await newPage(world())
        try {
          await signIn(world(), page, role)
          assert.match(page.url(), /\/customers$/)
          const links = await page.locator('nav.sidenav a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
          for (const href of NAV_BY_ROLE[role].sees) assert.ok(links.includes(href), `${role} should see ${href}: ${links.join(', ')}`)
          for (const href of NAV_BY_ROLE[role].never) assert.ok(!links.includes(href), `${role} must not see ${href}`)
          assert.match(await page.locator('.user-menu .badge').innerText(), /\w+/)
          await page.locator('.user-menu button', { hasText: 'Sign out' }).click()
          await page.waitForURL(/\/sign-in/)
          // The session is gone server-side too: the API now answers 401.
          const status = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status)
          assert.equal(status, 401)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('the language chosen is saved to the account: a new browser signs in and shows Chinese', async () => {
      const first = await newPage(world())
      try {
        await signIn(world(), first.page, 'analyst', 'zh-CN')
        assert.equal(await first.page.locator('h1').innerText(), '客户')
      } finally {
        await first.context.close()
      }
      const second = await newPage(world(), { lang: 'en' })
      try {
        await second.page.goto(`${world().url}/sign-in`)
        await second.page.locator('input[type=email]').fill(demoEmail('analyst'))
        await second.page.locator('input[type=password]').fill(world().demoPassword)
        await second.page.locator('button[type=submit]').click()
        // The account's language is applied as sign-in completes, a moment before the page changes: wait for both.
        await second.page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
        await second.page.locator('nav.sidenav').waitFor()
        // Signed in without a page to go back to: the landing page, the Overview.
        await second.page.waitForURL(/\/overview$/)
        assert.equal(await second.page.locator('h1').innerText(), '概览')
        await second.page.locator('.user-menu button[lang="en"]').click()
        await second.page.waitForFunction(() => document.documentElement.lang === 'en')
      } finally {
        await second.context.close()
      }
    })

    test('a person in two workspaces switches between them; each shows its own customers', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'owner')
        await page.locator('table tbody tr').first().waitFor()
        assert.equal(await page.locator('.workspace-switcher select').count(), 0, 'one workspace: no switcher')
        const status = await page.evaluate(async () => {
          const s = (await (await fetch('/api/v1/auth/session')).json()) as { csrf_token: string }
          const r = await fetch('/api/v1/workspaces', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf_token }, body: JSON.stringify({ slug: 'e2e-second', name: 'Second shop' }) })
          return r.status
        })
        assert.equal(status, 201)
        await page.reload()
        const select = page.locator('.workspace-switcher select')
        await select.waitFor()
        await select.selectOption('e2e-second')
        await page.locator('.state-empty').waitFor()
        assert.equal(await page.locator('table tbody tr').count(), 0, 'the new workspace has no customers')
        await page.locator('.workspace-switcher select').selectOption('demo')
        await page.locator('table tbody tr').first().waitFor()
      } finally {
        await context.close()
      }
    })

    test('at 1024 px wide the shell and the customers list fit without a horizontal page scroll; Tab reaches the skip link first', async () => {
      const { page, context } = await newPage(world(), { width: 1024 })
      try {
        await signIn(world(), page, 'marketer')
        await page.locator('table tbody tr').first().waitFor()
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`)
        await page.keyboard.press('Tab')
        assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link')
      } finally {
        await context.close()
      }
    })

    test('an expired session returns to sign-in and, after signing in, to the same page', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en', '/customers?city=%E4%B8%8A%E6%B5%B7')
        await page.waitForURL(/\/customers\?city=/)
        await page.locator('table tbody tr').first().waitFor()
        await context.clearCookies()
        // The next request (sorting asks the server) fails with 401: the app goes to sign-in, remembering the page.
        await page.locator('th button', { hasText: 'Name' }).click()
        await page.waitForURL(/\/sign-in\?next=.*expired=1/)
        assert.match(await page.locator('.notice').innerText(), /session has ended/)
        await page.locator('input[type=email]').fill(demoEmail('marketer'))
        await page.locator('input[type=password]').fill(world().demoPassword)
        await page.locator('button[type=submit]').click()
        await page.waitForURL(/\/customers\?city=%E4%B8%8A%E6%B5%B7/)
        await page.locator('table tbody tr').first().waitFor()
      } finally {
        await context.close()
      }
    })
  })
}
