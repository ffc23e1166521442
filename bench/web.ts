/**
 * Dashboard load budget: Debian's Chromium on loopback against `rapport serve` with the demo workspace,
 * signed in, cold browser cache each run. For the customers page and a customer's 360° view it reports:
 * - first contentful paint (the browser's paint timing);
 * - ready: the page's data is on screen (its first table row / profile), taken in the page by a
 *   MutationObserver, and interactive: the later of ready and the end of the last long task (> 50 ms) before
 *   the page went quiet — the main thread is free to answer input from then on;
 * - JavaScript transferred over the wire until interactive (encoded body bytes: the server sends .br/.gz).
 * It also reports the initial JavaScript of the entry page and the largest route chunk, gzip-compressed,
 * from the build itself. Targets (issue 14): interactive < 1.5 s, initial JS < 500 KB gzip.
 *   npm run bench -- web [--runs N]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { newPage, signIn, startWorld, type World } from '../packages/web/e2e/harness.ts'
import { markdownTable, writeResults } from './lib/report.ts'

const dist = join(import.meta.dirname, '../packages/web/dist')

interface Sample {
  fcp: number
  ready: number
  interactive: number
  jsBytes: number
}

async function measure(world: World, path: string, readySelector: string): Promise<Sample> {
  const { page, context } = await newPage(world)
  try {
    // Signed in through the API (cookie only): the measured load starts with an empty browser cache.
    const res = await page.request.post(`${world.url}/api/v1/auth/login`, { data: { email: 'marketer@demo.rapport.local', password: world.demoPassword } })
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`)
    await context.addInitScript((sel) => {
      const w = window as unknown as { __ready?: number; __longTaskEnd?: number }
      w.__longTaskEnd = 0
      // No named local functions here: tsx would wrap them in a helper (__name) that the page does not have.
      new MutationObserver(() => {
        if (w.__ready === undefined && document.querySelector(sel)) w.__ready = performance.now()
      }).observe(document, { childList: true, subtree: true })
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTaskEnd = Math.max(w.__longTaskEnd ?? 0, e.startTime + e.duration)
        }).observe({ type: 'longtask' as never, buffered: true })
      } catch {
        // no long-task timing in this browser: interactive is then the ready time
      }
    }, readySelector)
    let jsBytes = 0
    page.on('requestfinished', (req) => {
      if (req.resourceType() !== 'script') return
      void req.sizes().then((s) => (jsBytes += s.responseBodySize))
    })
    await page.goto(`${world.url}${path}`)
    await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, undefined, { timeout: 30_000 }).catch(async (err: unknown) => {
      throw new Error(`${path}: the page never showed ${readySelector} (now at ${page.url()}): ${(err as Error).message}`)
    })
    // Quiet: no long task for 500 ms after ready.
    await page.waitForTimeout(600)
    const t = await page.evaluate(() => {
      const w = window as unknown as { __ready: number; __longTaskEnd: number }
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
      return { fcp, ready: w.__ready, interactive: Math.max(w.__ready, w.__longTaskEnd) }
    })
    return { ...t, jsBytes }
  } finally {
    await context.close()
  }
}

/** Initial JS of index.html (entry script and its modulepreloads) and the largest other chunk, gzip bytes. */
function bundleSizes(): { initialGzip: number; initialFiles: string[]; largestChunk: { file: string; gzip: number } } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const initialFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '')
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length
  const initialGzip = initialFiles.reduce((s, f) => s + gz(f), 0)
  let largestChunk = { file: '', gzip: 0 }
  for (const f of readdirSync(join(dist, 'assets'))) {
    const rel = `assets/${f}`
    if (!f.endsWith('.js') || initialFiles.includes(rel) || !statSync(join(dist, rel)).isFile()) continue
    const size = gz(rel)
    if (size > largestChunk.gzip) largestChunk = { file: rel, gzip: size }
  }
  return { initialGzip, initialFiles, largestChunk }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

export async function run(args: string[]): Promise<void> {
  const r = args.indexOf('--runs')
  const runs = r >= 0 ? Number(args[r + 1]) : 5
  const world = await startWorld()
  try {
    // A demo customer with orders, for the 360° view.
    const ctx = await newPage(world)
    await signIn(world, ctx.page, 'marketer')
    const id = await ctx.page.evaluate(async () => {
      const res = await fetch('/api/v1/customers/?has_orders=true&limit=1')
      return ((await res.json()) as { data: Array<{ id: number }> }).data[0]?.id
    })
    await ctx.context.close()
    if (id === undefined) throw new Error('the demo has no customer with orders')
    const pages = [
      { name: 'customers list', path: '/customers', ready: 'table tbody tr' },
      { name: 'customer 360°', path: `/customers/${id}`, ready: '.customer-360 h1 [data-i18n-skip]' },
    ]
    const rows: Array<Array<string | number>> = []
    const verdicts: string[] = []
    for (const p of pages) {
      const samples: Sample[] = []
      await measure(world, p.path, p.ready) // warm-up: the server's first queries and JIT
      for (let i = 0; i < runs; i++) samples.push(await measure(world, p.path, p.ready))
      const tti = median(samples.map((s) => s.interactive))
      rows.push([p.name, runs, `${median(samples.map((s) => s.fcp)).toFixed(0)} ms`, `${median(samples.map((s) => s.ready)).toFixed(0)} ms`, `${tti.toFixed(0)} ms`, `${(median(samples.map((s) => s.jsBytes)) / 1024).toFixed(1)} KiB`])
      verdicts.push(`- ${p.name}: interactive ${tti.toFixed(0)} ms (median of ${runs}) against < 1,500 ms: ${tti < 1500 ? 'met' : 'MISSED'}.`)
      process.stderr.write(`${p.name}: ${JSON.stringify(samples)}\n`)
    }
    const b = bundleSizes()
    verdicts.push(`- initial JavaScript: ${(b.initialGzip / 1024).toFixed(1)} KiB gzip (${b.initialFiles.length} files) against < 500 KB: ${b.initialGzip < 500_000 ? 'met' : 'MISSED'}.`)
    const body = [
      'Chromium (Debian, headless) on loopback against `rapport serve` (in-memory PGlite, demo workspace: 5,000 customers), signed in as the demo marketer, empty browser cache per run, viewport 1280×800, medians after one warm-up run. What the columns mean is in bench/web.ts.',
      '',
      markdownTable(['page', 'runs', 'first contentful paint', 'data on screen', 'interactive', 'JS transferred'], rows),
      '',
      markdownTable(['bundle', 'gzip'], [
        [`initial JS (${b.initialFiles.join(', ')})`, `${(b.initialGzip / 1024).toFixed(1)} KiB`],
        [`largest route chunk (${b.largestChunk.file})`, `${(b.largestChunk.gzip / 1024).toFixed(1)} KiB`],
      ]),
      '',
      '## Targets',
      ...verdicts,
    ].join('\n')
    if (args.includes('--print')) process.stdout.write(`${body}\n`)
    else writeResults('web', 'Web dashboard load budget', body)
  } finally {
    await world.stop()
  }
}
