/**
 * Customer intelligence inside the platform, timed (issue 15): `rapport demo --customers N` (default 100,000:
 * ≈ 1M order lines, 2M events) loaded through loadDemo into a fresh PostgreSQL database and a PGlite folder,
 * then features as of the data end and every implemented model kind in MODEL_KINDS order through trainModel,
 * each stage timed, in a child process whose peak RSS is the stages' own; and the 360° view
 * (GET /api/v1/customers/:id/360, random customers) before and after the scores are stored.
 * Targets: features + churn + CLV + recommendations + segments (rfm, clusters) ≤ 120 s on PostgreSQL, ≤ 2 GiB RSS,
 * and the 360° view's issue-7 latency bound. Options: `--customers N`, `--seed S`, `--only pglite|postgres`,
 * `--rate R` (360 requests/s, default 140) and `--requests N` (default 2,000).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRng } from '@rapport/ml'
import { freshPostgres } from './lib/fresh-postgres.ts'
import { forkFor, runChild } from './lib/fork-once.ts'
import { loadPoint, type LoadResult as Latency } from './lib/load-point.ts'
import type { LoadResult } from './lib/platform-load.ts'
import type { StagesResult } from './lib/platform-stages.ts'
import type { ServeReady } from './lib/serve-rapport.ts'
import { markdownTable } from './lib/report.ts'
import { writeResultsSection } from './lib/results-section.ts'
import { kindDetails, stageTable } from './lib/stage-report.ts'

const here = dirname(fileURLToPath(import.meta.url))
const lib = (f: string): string => join(here, 'lib', f)

/** The stages the 120 s target covers ("segments" = rfm + clusters). */
export const TARGET_STAGES = ['features', 'churn', 'clv', 'recommend', 'rfm', 'clusters'] as const
const TARGET_SECONDS = 120
const TARGET_MIB = 2048
/** Issue 7: the 360° view's p99 within 1.5× of the reference at the same rate (bench/results/api.md). */
const LATENCY_RATIO = 1.5

interface Options {
  customers: number
  seed: number
  only: 'pglite' | 'postgres' | undefined
  rate: number
  requests: number
}

interface DatabaseRun {
  database: 'PostgreSQL' | 'PGlite'
  load: LoadResult
  stages: StagesResult
  before: Latency
  after: Latency
}

function parseArgs(args: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const num = (flag: string, dflt: number): number => {
    const v = value(flag)
    const n = v === undefined ? dflt : Number(v)
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} takes a positive number`)
    return n
  }
  const only = value('--only')
  if (only !== undefined && only !== 'pglite' && only !== 'postgres') throw new Error('--only takes pglite or postgres')
  return { customers: num('--customers', 100_000), seed: num('--seed', 1), only, rate: num('--rate', 140), requests: num('--requests', 2000) }
}

/** The 360° view of random customers at a fixed rate (10 connections, 2 s warm-up), served by a child process. */
async function measure360(target: string, load: LoadResult, o: Options, seed: number): Promise<Latency> {
  const { child, message } = forkFor<ServeReady>(lib('serve-rapport.ts'), [target], 'ready')
  try {
    const { port } = await message
    const rng = createRng(seed)
    const spec = {
      url: `http://127.0.0.1:${port}`, connections: 10, rate: o.rate,
      headers: { authorization: `Bearer ${load.apiKey}` },
      path: () => `/api/v1/customers/${load.customerIds[rng.int(load.customerIds.length)]}/360`,
    }
    await loadPoint({ ...spec, seconds: 2 })
    return await loadPoint({ ...spec, seconds: Math.max(1, Math.round(o.requests / o.rate)) })
  } finally {
    const exited = new Promise((r) => child.once('exit', r))
    child.send({ type: 'exit' })
    await exited
  }
}

async function measureDatabase(database: DatabaseRun['database'], target: string, o: Options): Promise<DatabaseRun> {
  process.stderr.write(`${database}: loading the demo (${o.customers} customers)\n`)
  const load = await runChild<LoadResult>(lib('platform-load.ts'), [target, String(o.customers), String(o.seed)])
  process.stderr.write(`${database}: demo loaded in ${load.seconds.toFixed(1)} s; 360° view without scores\n`)
  const before = await measure360(target, load, o, 7)
  process.stderr.write(`  360 without scores: p50 ${before.p50.toFixed(1)} ms, p99 ${before.p99.toFixed(1)} ms\n${database}: stages\n`)
  const stages = await runChild<StagesResult>(lib('platform-stages.ts'), [target, String(load.workspaceId)])
  const after = await measure360(target, load, o, 7)
  process.stderr.write(`  360 with scores: p50 ${after.p50.toFixed(1)} ms, p99 ${after.p99.toFixed(1)} ms\n`)
  return { database, load, stages, before, after }
}

const secondsOf = (r: DatabaseRun, names: readonly string[]): number =>
  r.stages.stages.filter((s) => names.includes(s.stage)).reduce((a, s) => a + s.seconds, 0)

function verdicts(runs: DatabaseRun[], o: Options): string[] {
  const out: string[] = []
  const full = o.customers === 100_000
  for (const r of runs) {
    const present = r.stages.stages.map((s) => s.stage)
    const missing = TARGET_STAGES.filter((s) => !present.includes(s))
    const failed = r.stages.stages.filter((s) => s.stage !== 'features' && (TARGET_STAGES as readonly string[]).includes(s.stage) && s.status !== 'active')
    const e2e = secondsOf(r, TARGET_STAGES)
    const timeNote = missing.length > 0
      ? `cannot be judged yet: ${missing.join(', ')} not implemented when this ran (the stages present took ${e2e.toFixed(1)} s)`
      : `${e2e.toFixed(1)} s against ${TARGET_SECONDS} s (${e2e <= TARGET_SECONDS ? 'met' : 'MISSED'})`
    const failNote = failed.length > 0 ? `; not active: ${failed.map((s) => `${s.stage} (${s.status})`).join(', ')}` : ''
    const judged = r.database === 'PostgreSQL' ? 'target' : 'no target on PGlite, for comparison'
    out.push(`- ${r.database}, features + churn + CLV + recommendations + segments end to end (${judged}): ${timeNote}${failNote}${full ? '' : ` — at ${o.customers.toLocaleString('en')} customers, not the target's 100,000`}.`)
    const peak = r.stages.processPeakMiB
    out.push(`- ${r.database}, peak RSS of the stage process (kernel high-water mark, database opening included): ${peak.toFixed(0)} MiB against ${TARGET_MIB} MiB (${peak <= TARGET_MIB ? 'met' : 'MISSED'}).`)
    const ratio = r.after.p99 / r.before.p99
    // Below the asked rate the server was saturated: latencies are then mostly queueing, not the added reads.
    const saturated = [r.before, r.after].filter((p) => p.reqPerSec < 0.95 * o.rate).map((p) => `${Math.round(p.reqPerSec)} req/s`)
    const note = saturated.length > 0 ? ` — not a fair comparison: the server could not keep up with ${o.rate} req/s (achieved ${saturated.join(' and ')}), so both latencies are mostly queueing` : ''
    out.push(`- ${r.database}, 360° view at ${o.rate} req/s: p99 ${r.after.p99.toFixed(1)} ms with scores stored against ${r.before.p99.toFixed(1)} ms without = ${ratio.toFixed(2)}× (issue-7 bound ≤ ${LATENCY_RATIO}×: ${saturated.length > 0 ? 'not judged' : ratio <= LATENCY_RATIO ? 'met' : 'MISSED'})${note}.`)
  }
  return out
}

function report(runs: DatabaseRun[], o: Options, loadBefore: string, loadAfter: string): string {
  const first = runs[0]
  const counts = first ? first.load.entities.map((e) => `${e.rows.toLocaleString('en')} ${e.entity}`).join(', ') : ''
  const kinds = first ? first.stages.stages.slice(1).map((s) => s.stage).join(', ') : ''
  return [
    `Data: \`rapport demo --customers ${o.customers} --seed ${o.seed}\` loaded with loadDemo (the CLI's path): ${counts}.`,
    `Kinds implemented when this ran (MODEL_KINDS order): ${kinds}. Each is trained with its default options through \`trainModel\`, as`,
    '`rapport models train <kind>` does: train + backtest, then score and write inside the transaction that makes the version active.',
    `Machine load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after.`,
    '',
    '### Loading the demo (not part of the targets)',
    '',
    markdownTable(['database', 'seconds', 'peak RSS MiB', ...(first?.load.entities.map((e) => e.entity) ?? [])],
      runs.map((r) => [r.database, r.load.seconds.toFixed(1), Math.round(r.load.peakMiB), ...r.load.entities.map((e) => e.seconds.toFixed(1))])),
    '',
    ...runs.flatMap((r) => [
      `### ${r.database}: stages (data end ${r.stages.asOf})`,
      '',
      stageTable(r.stages, TARGET_STAGES),
      '',
      `End to end: target stages ${secondsOf(r, TARGET_STAGES).toFixed(1)} s; all stages ${secondsOf(r, r.stages.stages.map((s) => s.stage)).toFixed(1)} s.`,
      `Peak RSS: ${r.stages.processPeakMiB.toFixed(0)} MiB (process high-water mark); ${r.stages.openPeakMiB.toFixed(0)} MiB right after opening the database.`,
      `Customers with a stored score: ${r.stages.scoredCustomers.toLocaleString('en')} of ${r.stages.customers.toLocaleString('en')}.`,
      '',
    ]),
    '### 360° view',
    '',
    `GET /api/v1/customers/:id/360 with a marketer API key, random customers (all ${first?.load.customerIds.length.toLocaleString('en') ?? 0}), autocannon at ${o.rate} req/s over 10 connections`,
    `(2 s warm-up, then ${Math.round(o.requests / o.rate)} s), served by a child process; measured after loading (no scores) and after the stages (scores stored).`,
    '',
    markdownTable(['database', 'scores stored', 'requests', 'achieved req/s', 'p50 ms', 'p99 ms', 'non-2xx + errors'],
      runs.flatMap((r) => [[r.before, 'no'], [r.after, 'yes']].map(([p, label]) => {
        const x = p as Latency
        return [r.database, label as string, x.requests, Math.round(x.reqPerSec), x.p50.toFixed(2), x.p99.toFixed(2), x.non2xx + x.errors]
      }))),
    '',
    'Issue 7 (bench/results/api.md, 100k customers, 1M order lines, no events/reviews/tickets): the 360° view\'s p99 within 1.5× of a bare',
    'handler running the same SQL; measured there at 140 req/s: Rapport 41.9 ms, bare 42.2 ms. Here the reference is the same server on the',
    'same data before any score was stored, so the ratio is what the stored intelligence (two indexed reads) adds.',
    '',
    '### Targets',
    ...verdicts(runs, o),
    '',
    '### What each kind reported (backtest metrics, on the demo)',
    ...runs.flatMap((r) => [`- ${r.database}:`, ...kindDetails(r.stages).map((l) => `  ${l}`)]),
  ].join('\n')
}

export async function run(args: string[]): Promise<void> {
  const o = parseArgs(args)
  const load = (): string => loadavg().map((x) => x.toFixed(2)).join(', ')
  const loadBefore = load()
  const runs: DatabaseRun[] = []
  if (o.only !== 'pglite') {
    const pg = await freshPostgres('rapport_bench_platform')
    if (!pg) process.stderr.write('platform: no PostgreSQL server answered (set BENCH_DATABASE_URL); PostgreSQL not measured\n')
    else {
      try {
        runs.push(await measureDatabase('PostgreSQL', pg.url, o))
      } finally {
        await pg.drop()
      }
    }
  }
  if (o.only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-platform-'))
    try {
      runs.push(await measureDatabase('PGlite', join(dir, 'data'), o))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const flags = [o.customers !== 100_000 && `--customers ${o.customers}`, o.only && `--only ${o.only}`].filter(Boolean).join(' ')
  const body = report(runs, o, loadBefore, load())
  writeResultsSection('platform', 'Platform benchmark (issue 15)', `demo-${o.customers}${o.only ? `-${o.only}` : ''}`, `Demo, ${o.customers.toLocaleString('en')} customers`,
    `npm run bench -- platform${flags ? ` ${flags}` : ''}`, body)
}
