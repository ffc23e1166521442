import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { jsErrors, LANGS, newPage, screenshot, seriousA11yViolations, signIn, untranslatedTexts, type World } from '../harness.ts'

const ADMIN_PAGES = ['members', 'keys', 'audit', 'jobs'] as const

/** Uploads a two-row customer CSV the way the dashboard would (session cookie + CSRF token): one import job. */
async function uploadTinyCsv(page: Page): Promise<{ status: number; id: string }> {
  return page.evaluate(async () => {
    const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrf_token: string }
    const res = await fetch('/api/v1/imports/customers?file_name=e2e-admin.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-csrf-token': session.csrf_token },
      body: 'external_id,name,city\ne2e-admin-1,Ann,Oslo\ne2e-admin-2,Bob,上海\n',
    })
    return { status: res.status, id: ((await res.json()) as { id: string }).id }
  })
}

const navLinks = (page: Page) => page.locator('nav.sidenav a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))

export function adminSuite(world: () => World): void {
  describe('administration', () => {
    for (const lang of LANGS) {
      test(`(${lang}) every administration page shows its data; axe clean; every app string in the language`, async () => {
        const { page, context } = await newPage(world(), { lang })
        try {
          await signIn(world(), page, 'owner', lang, '/admin/members')
          const upload = await uploadTinyCsv(page)
          assert.equal(upload.status, 202)
          const groups = await page.locator('nav.sidenav .nav-group-title').allTextContents()
          assert.ok(groups.includes(lang === 'en' ? 'Administration' : '管理'), groups.join(', '))
          for (const name of ADMIN_PAGES) {
            await page.goto(`${world().url}/admin/${name}`)
            if (name === 'keys') {
              // A fresh workspace may have no key yet: the empty state is the content then.
              await page.locator('table tbody tr, .state-empty').first().waitFor()
            } else {
              await page.locator('table tbody tr').first().waitFor()
            }
            if (name === 'members') assert.ok((await page.locator('table tbody tr').count()) >= 6, 'the six demo accounts are listed')
            if (name === 'jobs') assert.ok((await page.locator('table tbody tr', { hasText: 'import' }).count()) >= 1, 'the uploaded import is listed')
            assert.equal(await page.locator('h1').innerText(), await page.locator('nav.sidenav a[aria-current=page]').innerText())
            assert.deepEqual(await seriousA11yViolations(page), [], `axe on /admin/${name}`)
            if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [], `untranslated text on /admin/${name}`)
            await screenshot(page, `admin-${name}`, lang)
          }
          // The dialogs too: add a member, create a key.
          await page.goto(`${world().url}/admin/members`)
          await page.locator('.page-header button').click()
          await page.locator('dialog[open] form').waitFor()
          assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the add-member dialog')
          if (lang === 'zh-CN') assert.deepEqual(await untranslatedTexts(page), [])
          await screenshot(page, 'admin-members-add', lang)
          assert.deepEqual(jsErrors(page), [])
        } finally {
          await context.close()
        }
      })
    }

    test('an owner creates an API key (shown once), the key works, revoking it in the UI refuses it; the audit log shows both', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'owner', 'en', '/admin/keys')
        const name = `e2e key ${Date.now()}`
        await page.getByRole('button', { name: 'Create key' }).click()
        // The client refuses an empty name with the server's own rule, before sending anything.
        await page.locator('dialog[open] button[type=submit]').click()
        await page.locator('dialog[open] .field-error').waitFor()
        await page.locator('dialog[open]').getByLabel('Name').fill(name)
        await page.locator('dialog[open]').getByLabel('Role').selectOption('viewer')
        await page.locator('dialog[open] button[type=submit]').click()
        const secret = page.getByTestId('one-time-secret')
        await secret.waitFor()
        const key = (await secret.innerText()).trim()
        assert.match(key, /^rk_\S{20,}$/)
        assert.match(await page.locator('dialog[open]').innerText(), /will not be shown again/)
        await page.locator('.toast', { hasText: `Key “${name}” created.` }).waitFor()
        await page.getByRole('button', { name: 'I have saved it' }).click()
        const row = page.locator('table tbody tr', { hasText: name })
        await row.waitFor()
        assert.match(await row.innerText(), /Viewer/)
        assert.match(await row.innerText(), /Active/)
        // Shown once: neither the page nor a reload of the list holds the key any more.
        assert.ok(!(await page.locator('body').innerText()).includes(key))
        await page.reload()
        await row.waitFor()
        assert.ok(!(await page.content()).includes(key))
        assert.ok(key.startsWith((await row.locator('code').innerText()).replace('…', '')), 'the list shows the key’s prefix')

        const callApi = async () => (await fetch(`${world().url}/api/v1/customers`, { headers: { authorization: `Bearer ${key}` } })).status
        assert.equal(await callApi(), 200)

        await page.getByRole('button', { name: `Revoke ${name}` }).click()
        await page.locator('dialog[open]', { hasText: 'Revoke this key?' }).waitFor()
        await page.locator('dialog[open] .btn-danger').click()
        await page.locator('.toast', { hasText: `Key “${name}” revoked.` }).waitFor()
        await page.waitForFunction((n) => [...document.querySelectorAll('table tbody tr')].some((tr) => tr.textContent?.includes(n) && tr.textContent.includes('Revoked')), name)
        assert.equal(await page.getByRole('button', { name: `Revoke ${name}` }).count(), 0)
        assert.equal(await callApi(), 401)

        // The audit log: the creation (with the name in its changes) and the revocation of the same key.
        await page.goto(`${world().url}/admin/audit?entity=api_keys&action=key_create`)
        const created = page.locator('table tbody tr').first()
        await created.waitFor()
        assert.match(await created.innerText(), /owner@demo\.rapport\.local/)
        await created.locator('summary').click()
        const changes = await created.locator('pre').innerText()
        assert.ok(changes.includes(name), changes)
        const keyId = await created.locator('td').nth(4).innerText()
        assert.match(keyId, /^\d+$/)
        await page.goto(`${world().url}/admin/audit?entity=api_keys&entity_id=${keyId}`)
        await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2)
        const actions = await page.locator('table tbody tr td:nth-child(3)').allInnerTexts()
        assert.deepEqual(actions, ['key_revoke', 'key_create'])
        // The filter form shows the URL's filters, and clearing them lists everything again.
        assert.equal(await page.getByLabel('Entity id').inputValue(), keyId)
        await page.getByRole('button', { name: 'Clear' }).click()
        await page.waitForURL((u) => u.search === '')
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })

    test('an owner adds a viewer (server field errors shown at the field), changes the role to analyst; an admin cannot grant owner', async () => {
      const { page, context } = await newPage(world())
      const email = `e2e-member-${Date.now()}@example.com`
      try {
        await signIn(world(), page, 'owner', 'en', '/admin/members')
        await page.locator('table tbody tr').first().waitFor()
        await page.getByRole('button', { name: 'Add member' }).click()
        const dialog = page.locator('dialog[open]')
        await dialog.getByLabel('E-mail').fill('not an e-mail')
        await dialog.locator('button[type=submit]').click()
        await dialog.locator('.field-error').first().waitFor()
        assert.equal(await dialog.getByLabel('E-mail').getAttribute('aria-invalid'), 'true')
        await dialog.getByLabel('E-mail').fill(email)
        await dialog.getByLabel('Name').fill('E2E Member')
        await dialog.getByLabel('Role').selectOption('viewer')
        // Too short for the server's password rule (the body schema only says "not empty"): its field error shows at the field.
        await dialog.getByLabel('Initial password').fill('short')
        await dialog.locator('button[type=submit]').click()
        const passwordError = dialog.locator('.field-invalid', { has: page.getByLabel('Initial password') }).locator('.field-error')
        await passwordError.waitFor()
        assert.match(await passwordError.innerText(), /at least 10 characters/)
        // Without a password the server generates one and shows it once.
        await dialog.getByLabel('Initial password').fill('')
        await dialog.locator('button[type=submit]').click()
        const secret = page.getByTestId('one-time-secret')
        await secret.waitFor()
        assert.ok((await secret.innerText()).trim().length >= 10)
        await page.locator('.toast', { hasText: `${email} was added.` }).waitFor()
        await page.getByRole('button', { name: 'I have saved it' }).click()

        const role = page.getByLabel(`Role of ${email}`)
        await role.waitFor()
        assert.equal(await role.inputValue(), 'viewer')
        await role.selectOption('analyst')
        await page.locator('.toast', { hasText: `${email} is now Analyst.` }).waitFor()
        await page.reload()
        await page.getByLabel(`Role of ${email}`).waitFor()
        assert.equal(await page.getByLabel(`Role of ${email}`).inputValue(), 'analyst')
        // A second time with the same e-mail: the server's conflict, readable in the form.
        await page.getByRole('button', { name: 'Add member' }).click()
        await dialog.getByLabel('E-mail').fill(email)
        await dialog.getByLabel('Name').fill('E2E Member')
        await dialog.locator('button[type=submit]').click()
        await dialog.locator('.notice-error', { hasText: 'already a member' }).waitFor()
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
      const admin = await newPage(world())
      try {
        await signIn(world(), admin.page, 'admin', 'en', '/admin/members')
        const role = admin.page.getByLabel(`Role of ${email}`)
        await role.waitFor()
        await role.selectOption('owner')
        const toast = admin.page.locator('.toast-error')
        await toast.waitFor()
        assert.match(await toast.innerText(), /only an owner can grant or remove the owner role/)
        assert.equal(await role.inputValue(), 'analyst', 'the list still shows the role the server kept')
        await admin.page.reload()
        assert.equal(await admin.page.getByLabel(`Role of ${email}`).inputValue(), 'analyst')
      } finally {
        await admin.context.close()
      }
    })

    test('the jobs page lists an uploaded import, follows it to completion, filters by state and kind', async () => {
      const { page, context } = await newPage(world())
      try {
        await signIn(world(), page, 'marketer', 'en', '/admin/jobs')
        const upload = await uploadTinyCsv(page)
        assert.equal(upload.status, 202)
        await page.goto(`${world().url}/admin/jobs`)
        const first = page.locator('table tbody tr').first()
        await first.waitFor()
        assert.match(await first.innerText(), /import/)
        assert.match(await first.innerText(), /marketer@demo\.rapport\.local/)
        // No reload from here: the list refreshes itself until the import has finished.
        await page.waitForFunction(() => /Completed|Failed/.test(document.querySelector('table tbody tr')?.textContent ?? ''), undefined, { timeout: 30_000 })
        assert.match(await first.innerText(), /Completed/)
        assert.equal(await first.locator('progress').evaluate((p) => (p as HTMLProgressElement).value), 1)
        assert.equal(await first.getByRole('button', { name: 'Cancel job' }).count(), 0, 'a finished job cannot be cancelled')

        await page.getByLabel('State').selectOption('completed')
        await page.getByLabel('Kind').fill('import')
        await page.locator('form[role=search] button[type=submit]').click()
        await page.waitForURL(/state=completed/)
        await page.waitForFunction(() => {
          const rows = [...document.querySelectorAll('table tbody tr')]
          return rows.length > 0 && rows.every((tr) => tr.textContent?.includes('Completed') && tr.textContent.includes('import'))
        })
        await page.getByLabel('Kind').fill('no-such-kind')
        await page.locator('form[role=search] button[type=submit]').click()
        await page.locator('.state-empty', { hasText: 'No job matches these filters.' }).waitFor()
        assert.deepEqual(jsErrors(page), [])
      } finally {
        await context.close()
      }
    })

    test('a viewer has no Administration group and is told /admin/keys is not for its role; a marketer sees Jobs only', async () => {
      const viewer = await newPage(world())
      try {
        await signIn(world(), viewer.page, 'viewer')
        const groups = await viewer.page.locator('nav.sidenav .nav-group-title').allTextContents()
        assert.ok(!groups.includes('Administration'), groups.join(', '))
        assert.ok(!(await navLinks(viewer.page)).some((l) => l.startsWith('/admin/')))
        await viewer.page.goto(`${world().url}/admin/keys`)
        await viewer.page.locator('h1', { hasText: 'Not available for your role' }).waitFor()
        assert.match(await viewer.page.locator('[role=alert]').innerText(), /settings:write/)
        assert.equal(await viewer.page.getByRole('button', { name: 'Create key' }).count(), 0)
        assert.deepEqual(jsErrors(viewer.page), [])
      } finally {
        await viewer.context.close()
      }
      const marketer = await newPage(world())
      try {
        await signIn(world(), marketer.page, 'marketer')
        const links = await navLinks(marketer.page)
        assert.ok(links.includes('/admin/jobs'), links.join(', '))
        for (const hidden of ['/admin/members', '/admin/keys', '/admin/audit']) assert.ok(!links.includes(hidden), `a marketer must not see ${hidden}`)
        await marketer.page.goto(`${world().url}/admin/audit`)
        await marketer.page.locator('h1', { hasText: 'Not available for your role' }).waitFor()
      } finally {
        await marketer.context.close()
      }
    })
  })
}
