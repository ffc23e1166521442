/**
 * The browser tests' world: one `rapport serve` (in-memory PGlite, demo workspace) started as a child process
 * exactly as a user starts it, and Debian's Chromium driven by playwright-core (never a downloaded browser).
 * Helpers sign in as a demo role, switch language, check accessibility with axe-core and save screenshots
 * to packages/web/e2e/.screenshots (not committed).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import assert from 'node:assert/strict'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

const root = join(import.meta.dirname, '../../..')
export const SCREENSHOTS = join(import.meta.dirname, '.screenshots')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ROLES = ['owner', 'admin', 'marketer', 'analyst', 'agent', 'viewer'] as const
export type DemoRole = (typeof ROLES)[number]
export const LANGS = ['en', 'zh-CN'] as const
export type Lang = (typeof LANGS)[number]

export interface World {
  url: string
  /** The demo accounts' shared password, as `rapport serve` printed it. */
  demoPassword: string
  owner: { email: string; password: string }
  browser: Browser
  output: () => string
  stop(): Promise<void>
}

/** Starts the product and the browser; the caller stops both (`after(() => world.stop())`). */
export async function startWorld(): Promise<World> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`)
  if (!existsSync(join(root, 'packages/web/dist/index.html'))) throw new Error('no dashboard build: run node scripts/build-web.mjs')
  const child = spawn(process.execPath, [join(root, 'packages/server/bin/rapport.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, RAPPORT_DATA_DIR: `memory://e2e-${process.pid}`, PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'warn', RAPPORT_DEMO: '1', DATABASE_URL: '',
      // Every test signs in from 127.0.0.1: the per-address limit (30 a minute) would refuse the suite's pace.
      RAPPORT_LOGIN_RATE_PER_MINUTE: '10000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const ready = await waitFor(child, () => output, /Demo workspace "demo": .*password (\S+)/, 180_000)
  const url = /Rapport on (http:\/\/\S+) /.exec(output)?.[1]
  const ownerEmail = /e-mail:\s+(\S+)/.exec(output)?.[1]
  const ownerPassword = /password:\s+(\S+)/.exec(output)?.[1]
  assert.ok(url && ownerEmail && ownerPassword, `could not read the start-up output:\n${output}`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container Chromium needs --no-sandbox; the rest stop it calling home on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return {
    url,
    demoPassword: ready[1] ?? '',
    owner: { email: ownerEmail, password: ownerPassword },
    browser,
    output: () => output,
    async stop() {
      await browser.close().catch(() => undefined)
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
    },
  }
}

function waitFor(child: ChildProcess, text: () => string, re: RegExp, ms: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rapport serve did not start in ${ms / 1000} s:\n${text()}`)), ms)
    const check = () => {
      const m = re.exec(text())
      if (m) {
        clearTimeout(timer)
        resolve(m)
      }
    }
    child.stdout?.on('data', check)
    child.stderr?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`rapport serve exited with ${code}:\n${text()}`))
    })
  })
}

/** A fresh browser context (own cookies and storage) with the UI language preset, viewport 1280×800. */
export async function newPage(world: World, opts: { lang?: Lang; width?: number } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const lang = opts.lang ?? 'en'
  const context = await world.browser.newContext({ viewport: { width: opts.width ?? 1280, height: 800 }, locale: lang, baseURL: world.url })
  await context.addInitScript((l) => localStorage.setItem('rapport.language', l), lang)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  ;(page as Page & { jsErrors?: string[] }).jsErrors = errors
  return { page, context }
}

/** JavaScript errors the page threw so far (a test should end with none). */
export const jsErrors = (page: Page): string[] => (page as Page & { jsErrors?: string[] }).jsErrors ?? []

export const demoEmail = (role: DemoRole): string => `${role}@demo.rapport.local`

/**
 * Signs in through the sign-in page as a demo role and waits for the signed-in shell. The account's saved
 * language is set to `lang` first, because the account's language wins over the browser's after sign-in.
 */
export async function signIn(world: World, page: Page, role: DemoRole, lang: Lang = 'en', next = '/customers'): Promise<void> {
  await page.goto(`${world.url}/sign-in?next=${encodeURIComponent(next)}`)
  await page.locator('input[type=email]').fill(demoEmail(role))
  await page.locator('input[type=password]').fill(world.demoPassword)
  await page.locator('button[type=submit]').click()
  await page.locator('nav.sidenav').waitFor()
  // The account's saved language is applied after sign-in; wait for it, then choose the one wanted.
  const saved = await page.evaluate(async () => ((await (await fetch('/api/v1/auth/session')).json()) as { user: { locale: string } | null }).user?.locale)
  if (saved) await page.waitForFunction((l) => document.documentElement.lang === l, saved)
  await setLanguage(page, lang)
}

/** Chooses the language with the switch in the top bar (which saves it to the account). */
export async function setLanguage(page: Page, lang: Lang): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang)
  if (current === lang) return
  await page.locator(`.user-menu button[lang="${lang}"]`).click()
  await page.waitForFunction((l) => document.documentElement.lang === l, lang)
}

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core on the page (WCAG 2 A/AA) and returns the serious and critical violations, readably. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The CSP forbids inline scripts (as it should): evaluate the library instead.
    await page.evaluate(axeSource)
  })
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
  })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`)
}

/** Saves a full-page screenshot as .screenshots/<name>.<lang>.png. */
export async function screenshot(page: Page, name: string, lang: Lang): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.${lang}.png`), fullPage: true })
}

/**
 * Text nodes visible on the page that contain Latin words and are not data (the app's strings in Chinese
 * must be Chinese). `allow` lists texts that are data or names (customer names, e-mails, ids, "Rapport").
 */
export async function untranslatedTexts(page: Page, allow: RegExp[] = []): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || el.closest('[data-i18n-skip], td, code, pre, option, .brand, [lang="en"]')) continue
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      const t = (n.textContent ?? '').trim()
      if (t) out.push(t)
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) if (el.placeholder) out.push(el.placeholder)
    return out
  })
  return texts.filter((t) => /[A-Za-z]{3,}/.test(t) && !/[\u4e00-\u9fff]/.test(t) && !allow.some((a) => a.test(t)))
}

/**
 * Waits until the demo's first model refresh (queued at start-up) has finished, signing in through the API
 * as the owner; resolves with the refresh job's state. Suites that show model results call it first.
 */
export async function waitForModels(world: World, ms = 300_000): Promise<string> {
  const login = await fetch(`${world.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: world.owner.email, password: world.owner.password }),
  })
  assert.ok(login.ok, `owner sign-in for waitForModels: ${login.status}`)
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ')
  const deadline = Date.now() + ms
  for (;;) {
    const res = await fetch(`${world.url}/api/v1/jobs?kind=models.refresh&limit=5`, { headers: { cookie, 'x-rapport-workspace': 'demo' } })
    assert.ok(res.ok, `jobs list for waitForModels: ${res.status}`)
    const body = (await res.json()) as { data: Array<{ state: string }> }
    const state = body.data[0]?.state
    if (state === 'completed' || state === 'failed' || state === 'cancelled') return state
    if (Date.now() > deadline) throw new Error(`the demo's model refresh did not finish in ${ms / 1000} s (state ${state ?? 'none'})`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}

/** A GET through the signed-in page's own session, so a test compares the page with the API's answer. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' })
    if (!r.ok) throw new Error(`${p}: ${r.status}`)
    return (await r.json()) as unknown
  }, path) as Promise<T>
}

/** A change through the page's session (CSRF token from the session); answers the status and body. */
export async function apiSend<T>(page: Page, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  return page.evaluate(async ([m, p, b, h]) => {
    const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrf_token: string }
    const r = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token, ...(h as Record<string, string>) }, body: JSON.stringify(b) })
    return { status: r.status, body: (await r.json().catch(() => null)) as unknown }
  }, [method, path, body, headers] as const) as Promise<{ status: number; body: T }>
}
