/**
 * API latency and throughput: on a fresh PostgreSQL database with 100k customers and 1M order lines
 * (generated, imported with `importFile`), GET /api/v1/customers/:id/360 (random ids) and
 * GET /api/v1/customers?city=…&limit=50 (random cities) are loaded with autocannon at fixed rates, against
 * Rapport (`buildApp`, with an API key and with a session cookie) and a bare Fastify + pg handler running the
 * same SQL (same builders), both served by one child process on loopback; then the 360's highest throughput.
 * Per-request phase timings inside the servers give the cost of authentication itself.
 * `--quick` runs a small version (10k customers, 100k lines, short points) and prints instead of writing.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRng } from '@rapport/ml'
import { systemActor } from '../packages/server/src/domain/actor.ts'
import { createApiKey } from '../packages/server/src/services/auth/api-keys.ts'
import { createUser } from '../packages/server/src/services/auth/users.ts'
import { createWorkspace } from '../packages/server/src/services/workspaces/workspaces.ts'
import { openDb } from '../packages/server/src/store/open-db.ts'
import { CITIES, importCrm, writeCrmCsv } from './lib/crm-data.ts'
import { freshPostgres } from './lib/fresh-postgres.ts'
import { loadPoint, type LoadResult } from './lib/load-point.ts'
import type { PhaseSummary } from './lib/request-phases.ts'
import { markdownTable, writeResults } from './lib/report.ts'

const here = dirname(fileURLToPath(import.meta.url))
const VARIANTS = ['Rapport, API key', 'Rapport, session', 'bare Fastify + pg'] as const
type Variant = (typeof VARIANTS)[number]
type RouteName = '360' | 'list'

interface Point extends LoadResult {
  route: RouteName
  variant: Variant
  /** In-server phase timings (p50/p99, ms) of the measured requests. */
  phases: PhaseSummary | undefined
}

interface Ready {
  type: 'ready'
  rapportPort: number
  barePort: number
  check: Array<{ path: string; sameSql: boolean; sameBody: boolean; statements: number; rapportStatus: number; bareStatus: number; sql: string[] }>
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (msg: { type: string }): void => {
      if (msg.type !== type) return
      child.off('message', on)
      resolve(msg as T)
    }
    child.on('message', on)
    child.send({ type })
  })
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(', ')
const ms = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(2))

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick')
  const size = quick ? { customers: 10_000, orderLines: 100_000 } : { customers: 100_000, orderLines: 1_000_000 }
  const seconds = quick ? 3 : 10
  const warmup = quick ? 1 : 2
  const rates = quick ? [200, 500] : [250, 500, 1000]
  const loadBefore = load()
  const target = await freshPostgres('rapport_bench_api')
  if (!target) throw new Error('no PostgreSQL server answered on 127.0.0.1:5432 (set BENCH_DATABASE_URL): the API benchmark needs one')
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-api-'))
  let child: ChildProcess | undefined
  try {
    // Data, workspace, user and key, through the product's services.
    process.stderr.write(`generating ${size.customers} customers and ${size.orderLines} order lines in ${dir}\n`)
    const files = await writeCrmCsv(dir, size)
    const db = await openDb({ databaseUrl: target.url })
    let ids: number[]
    let key: string
    let imported: Array<{ entity: string; rows: number; seconds: number }>
    let counts: Record<string, number>
    const email = 'bench@example.com'
    const password = 'bench-password-1'
    let wsId: number
    try {
      const ws = await createWorkspace(db, systemActor(0, 'cli'), { slug: 'bench', name: 'API benchmark' })
      wsId = ws.id
      imported = await importCrm(db, ws.id, files)
      for (const x of imported) process.stderr.write(`imported ${x.rows} ${x.entity} in ${x.seconds.toFixed(1)} s\n`)
      // Fresh statistics, as autovacuum would have them on a database that has been running for a while.
      await db.exec('ANALYZE')
      await createUser(db, systemActor(ws.id), { email, name: 'Bench', password, role: 'marketer' })
      key = (await createApiKey(db, systemActor(ws.id), { name: 'bench', role: 'marketer' })).key
      ids = (await db.query<{ id: number }>('SELECT id FROM customers WHERE workspace_id = $1 ORDER BY id', [ws.id])).map((r) => Number(r.id))
      counts = {}
      for (const t of ['customers', 'products', 'orders', 'order_items']) {
        const [c] = await db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${t} WHERE workspace_id = $1`, [ws.id])
        counts[t] = Number(c?.n ?? 0)
      }
    } finally {
      await db.close()
    }

    // Both servers in one child process, the load generator here.
    const rng = createRng(7)
    const pickId = (): number => ids[rng.int(ids.length)] as number
    const pickCity = (): string => CITIES[rng.int(CITIES.length)] as string
    child = fork(join(here, 'lib', 'api-server.ts'), [target.url, String(wsId), key, String(pickId()), pickCity()], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    const [ready] = (await once(child, 'message')) as [Ready]
    for (const c of ready.check) {
      process.stderr.write(`same-SQL check ${c.path}: ${c.statements} statements, same SQL ${c.sameSql}, same body ${c.sameBody} (status ${c.rapportStatus}/${c.bareStatus})\n`)
      for (const s of c.sql) process.stderr.write(`  ${s.slice(0, 400)}${s.length > 400 ? '…' : ''}\n`)
      if (c.rapportStatus !== 200 || c.bareStatus !== 200 || !c.sameSql) throw new Error(`the two servers do not answer ${c.path} alike`)
    }
    const rapportUrl = `http://127.0.0.1:${ready.rapportPort}`
    const bareUrl = `http://127.0.0.1:${ready.barePort}`
    const res = await fetch(`${rapportUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('rapport_session='))
    if (res.status !== 200 || cookie === undefined) throw new Error(`login answered ${res.status} without a session cookie`)

    const target360 = (v: Variant): { url: string; headers?: Record<string, string> } =>
      v === 'bare Fastify + pg' ? { url: bareUrl } : { url: rapportUrl, headers: v === 'Rapport, API key' ? { authorization: `Bearer ${key}` } : { cookie } }
    const pathOf = (route: RouteName) => (route === '360' ? () => `/api/v1/customers/${pickId()}/360` : () => `/api/v1/customers?city=${encodeURIComponent(pickCity())}&limit=50`)
    const points: Point[] = []
    const measure = async (route: RouteName, variant: Variant, rate: number | undefined, connections: number): Promise<Point> => {
      const t = target360(variant)
      const spec = { ...t, path: pathOf(route), connections, ...(rate !== undefined && { rate }) }
      await loadPoint({ ...spec, seconds: warmup })
      await ask(child as ChildProcess, 'reset')
      const r = await loadPoint({ ...spec, seconds })
      const ph = await ask<{ rapport: Record<string, PhaseSummary>; bare: Record<string, PhaseSummary> }>(child as ChildProcess, 'phases')
      const side = variant === 'bare Fastify + pg' ? ph.bare : ph.rapport
      const phases = Object.entries(side).find(([label]) => label.startsWith(route === '360' ? '/api/v1/customers/:id/360 ' : '/api/v1/customers '))?.[1]
      const p: Point = { ...r, route, variant, phases }
      process.stderr.write(`${route} ${variant} @ ${rate ?? 'max'}: ${p.reqPerSec.toFixed(0)} req/s, p50 ${ms(p.p50)} ms, p99 ${ms(p.p99)} ms, non-2xx ${p.non2xx}, errors ${p.errors}; auth p50 ${ms(phases?.auth.p50)} ms (load ${load()})\n`)
      return p
    }
    // Variants interleaved at each rate, so a change in the machine's load falls on all three alike.
    for (const route of ['360', 'list'] as const) {
      for (const rate of rates) for (const v of VARIANTS) points.push(await measure(route, v, rate, 10))
    }
    const maxPoints: Point[] = []
    for (const v of VARIANTS) maxPoints.push(await measure('360', v, undefined, 20))
    const loadAfter = load()

    const body = report({ size, counts, imported, points, maxPoints, ready, loadBefore, loadAfter, seconds, warmup })
    if (quick) process.stdout.write(`${body}\n`)
    else writeResults('api', 'API benchmark', body)
  } finally {
    if (child && child.exitCode === null) {
      child.send({ type: 'exit' })
      await once(child, 'exit')
    }
    await target.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}

interface ReportInput {
  size: { customers: number; orderLines: number }
  counts: Record<string, number>
  imported: Array<{ entity: string; rows: number; seconds: number }>
  points: Point[]
  maxPoints: Point[]
  ready: Ready
  loadBefore: string
  loadAfter: string
  seconds: number
  warmup: number
}

function report(x: ReportInput): string {
  const bareOf = (p: Point): Point | undefined => x.points.find((b) => b.route === p.route && b.rate === p.rate && b.variant === 'bare Fastify + pg')
  const ratio = (p: Point): string => {
    const b = bareOf(p)
    return p.variant === 'bare Fastify + pg' || !b ? '' : `${(p.p99 / b.p99).toFixed(2)}×`
  }
  const rows = [...x.points, ...x.maxPoints].map((p) => [
    p.route === '360' ? 'GET /customers/:id/360' : 'GET /customers?city=…&limit=50', p.rate === null ? 'max (20 conn.)' : String(p.rate), p.variant,
    p.requests, Math.round(p.reqPerSec), ms(p.p50), ms(p.p99), ratio(p), p.non2xx + p.errors,
  ])
  const phaseRows = [...x.points, ...x.maxPoints].map((p) => [
    p.route, p.rate === null ? 'max' : String(p.rate), p.variant,
    ms(p.phases?.auth.p50), ms(p.phases?.validate.p50), ms(p.phases?.handler.p50), ms(p.phases?.serialize.p50), ms(p.phases?.total.p50), ms(p.phases?.total.p99),
  ])
  const p99Verdicts = x.points.filter((p) => p.variant !== 'bare Fastify + pg').map((p) => {
    const b = bareOf(p)
    const r = b ? p.p99 / b.p99 : Number.NaN
    return `  - ${p.route} @ ${p.rate} req/s, ${p.variant}: p99 ${ms(p.p99)} ms vs bare ${ms(b?.p99)} ms = ${r.toFixed(2)}× (${r <= 1.5 ? 'met' : 'MISSED'})`
  })
  const max = (v: Variant): Point | undefined => x.maxPoints.find((p) => p.variant === v)
  const maxVerdicts = VARIANTS.map((v) => {
    const p = max(v)
    return `  - ${v}: ${Math.round(p?.reqPerSec ?? 0).toLocaleString('en')} req/s${v === 'bare Fastify + pg' ? ' (reference)' : ` (${(p?.reqPerSec ?? 0) >= 1000 ? 'met' : 'MISSED'})`}`
  })
  const authVerdicts = [...x.points, ...x.maxPoints].filter((p) => p.variant !== 'bare Fastify + pg').map((p) => {
    const bare = [...x.points, ...x.maxPoints].find((b) => b.route === p.route && b.rate === p.rate && b.variant === 'bare Fastify + pg')
    const extra = (p.phases?.auth.p50 ?? Number.NaN) - (bare?.phases?.auth.p50 ?? 0)
    return `  - ${p.route} @ ${p.rate ?? 'max'}, ${p.variant}: authentication step p50 ${ms(p.phases?.auth.p50)} ms (bare's same step ${ms(bare?.phases?.auth.p50)} ms), end-to-end p50 ${ms(p.p50)} vs bare ${ms(bare?.p50)} ms (${extra <= 1 ? 'met' : 'MISSED'})`
  })
  const checks = x.ready.check.map((c) => `- \`${c.path.replace(/\/\d+\//, '/<id>/').replace(/city=[^&]*/, 'city=<city>')}\`: ${c.statements} statement(s), the same text from both servers: ${c.sameSql ? 'yes' : 'NO'}; the same JSON body: ${c.sameBody ? 'yes' : 'no'}. Statements:\n${c.sql.map((s) => `  - \`${s}\``).join('\n')}`)
  return [
    `Data: ${x.counts.customers?.toLocaleString('en')} customers (in ${CITIES.length} cities), ${x.counts.products?.toLocaleString('en')} products, ${x.counts.orders?.toLocaleString('en')} orders, ${x.counts.order_items?.toLocaleString('en')} order lines, generated and imported with \`importFile\``,
    `(${x.imported.map((i) => `${i.entity} ${i.seconds.toFixed(1)} s`).join(', ')}) into a fresh PostgreSQL database, then \`ANALYZE\`. Users: one \`marketer\` API key and one \`marketer\` user signed in with \`POST /api/v1/auth/login\` (marketers have pii:read, so no masking).`,
    `Load: autocannon 8 in the parent process against one child process serving both apps on 127.0.0.1; per point ${x.warmup} s warm-up, then ${x.seconds} s measured, 10 connections at a fixed \`overallRate\` (20 without a rate for the maximum). Random customer ids and cities per request.`,
    `Machine load average (1, 5, 15 min): ${x.loadBefore} before, ${x.loadAfter} after.`,
    '',
    markdownTable(['route', 'rate req/s', 'server', 'requests', 'achieved req/s', 'p50 ms', 'p99 ms', 'p99 / bare', 'non-2xx + errors'], rows),
    '',
    'Time inside the server (p50 ms per phase, from Fastify hooks; see Notes):',
    '',
    markdownTable(['route', 'rate', 'server', 'auth', 'parse + validate', 'handler', 'serialise', 'total p50', 'total p99'], phaseRows),
    '',
    '## Targets',
    '- p99 ≤ 1.5× the bare handler\'s at the same rate:',
    ...p99Verdicts,
    '- ≥ 1,000 req/s for the 360 view (20 connections, no rate limit):',
    ...maxVerdicts,
    '- Authentication adds ≤ 1 ms at p50 (the authentication step measured inside the server, minus the same step of the bare handler):',
    ...authVerdicts,
    '',
    '## Same SQL',
    ...checks,
  ].join('\n')
}
