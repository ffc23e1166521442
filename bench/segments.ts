/**
 * Segments benchmark (issue 16): a 5-condition segment (2 behaviour windows, 1 prediction) over generated
 * data — 1,000,000 customers, 10M order lines, 20M events on PostgreSQL, 100,000 customers on PGlite — timed
 * through the compiler (count, preview, member refresh) and against the same segment written by hand.
 * Targets: count ≤ 1 s and refresh ≤ 10 s on PostgreSQL at 1M, compiled ≤ 1.5× hand-written, PGlite count
 * ≤ 1 s at 100k. `npm run bench -- segments [--customers N] [--pglite-customers N] [--only postgres|pglite] [--keep]`
 * (--customers scales PostgreSQL's data, and PGlite's to a tenth unless --pglite-customers says; --keep
 * leaves the database rapport_bench_segments in place for psql).
 */
import { loadavg } from 'node:os'
import type { Db } from '../packages/server/src/store/db.ts'
import { migrate } from '../packages/server/src/store/migrate.ts'
import { openPgliteDb } from '../packages/server/src/store/pglite-db.ts'
import { openPostgresDb } from '../packages/server/src/store/postgres-db.ts'
import { writeResultsSection } from './lib/results-section.ts'
import { generateSegmentsData } from './lib/segments-data.ts'
import { measureCounts, measurePreview, measureRefresh } from './lib/segments-measure.ts'
import { segmentsReport, TARGETS, type PgliteRun, type PostgresRun } from './lib/segments-report.ts'

const DATABASE = 'rapport_bench_segments'

interface Options {
  customers: number
  pgliteCustomers: number
  only: 'postgres' | 'pglite' | undefined
  keep: boolean
}

function parseArgs(args: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const count = (flag: string, dflt: number): number => {
    const v = value(flag)
    const x = v === undefined ? dflt : Number(v)
    if (!Number.isInteger(x) || x < 100) throw new Error(`${flag} takes a whole number of customers ≥ 100`)
    return x
  }
  const only = value('--only')
  if (only !== undefined && only !== 'postgres' && only !== 'pglite') throw new Error('--only takes postgres or pglite')
  const customers = count('--customers', TARGETS.pgCustomers)
  return { customers, pgliteCustomers: count('--pglite-customers', Math.max(100, Math.round(customers / 10))), only, keep: args.includes('--keep') }
}

/** Creates rapport_bench_segments afresh (a kept one from an earlier run is replaced). */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  let admin: Db
  try {
    admin = await openPostgresDb(base)
  } catch {
    return undefined
  }
  try {
    await admin.exec(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
    await admin.exec(`CREATE DATABASE ${DATABASE}`)
  } finally {
    await admin.close()
  }
  return {
    url: base.replace(/\/[^/]*$/, `/${DATABASE}`),
    drop: async () => {
      const a = await openPostgresDb(base)
      try {
        await a.exec(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
      } finally {
        await a.close()
      }
    },
  }
}

async function runPostgres(o: Options): Promise<PostgresRun | undefined> {
  const fresh = await freshDatabase()
  if (!fresh) {
    process.stderr.write('segments: no PostgreSQL server answered (set BENCH_DATABASE_URL); PostgreSQL not measured\n')
    return undefined
  }
  const db = await openPostgresDb(fresh.url)
  try {
    await migrate(db)
    process.stderr.write(`PostgreSQL: generating ${o.customers.toLocaleString('en')} customers\n`)
    const data = await generateSegmentsData(db, o.customers)
    process.stderr.write(`PostgreSQL: generated in ${data.seconds.toFixed(1)} s; counting\n`)
    const counts = await measureCounts(db, true)
    process.stderr.write(`  ${counts.count} members; compiled ${counts.compiled.medianMs.toFixed(0)} ms, hand ${counts.hand.medianMs.toFixed(0)} ms; preview\n`)
    const preview = await measurePreview(db)
    process.stderr.write(`  preview ${'error' in preview ? preview.error : `${preview.medianMs.toFixed(0)} ms`}; refresh\n`)
    const refresh = await measureRefresh(db)
    process.stderr.write(`  refresh ${refresh.first.ms.toFixed(0)} ms, then ${refresh.second.ms.toFixed(0)} ms\n`)
    const [v] = await db.query<{ v: string }>('SELECT version() AS v')
    const settings = await db.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'jit', 'random_page_cost') ORDER BY name`)
    return {
      customers: o.customers, data, counts, preview, refresh,
      server: String(v?.v ?? '').replace(/ on .*/, ''),
      settings: `server defaults: ${settings.map((s) => `${s.name} = ${s.setting}${s.unit ? ` × ${s.unit}` : ''}`).join(', ')}`,
    }
  } finally {
    await db.close()
    if (o.keep) process.stderr.write(`segments: kept database ${DATABASE}\n`)
    else await fresh.drop()
  }
}

async function runPglite(o: Options): Promise<PgliteRun> {
  const db = await openPgliteDb('memory://')
  try {
    await migrate(db)
    process.stderr.write(`PGlite: generating ${o.pgliteCustomers.toLocaleString('en')} customers\n`)
    const data = await generateSegmentsData(db, o.pgliteCustomers, { maintenanceMem: '256MB' })
    process.stderr.write(`PGlite: generated in ${data.seconds.toFixed(1)} s; counting\n`)
    const counts = await measureCounts(db, false)
    process.stderr.write(`  ${counts.count} members; compiled ${counts.compiled.medianMs.toFixed(0)} ms, hand ${counts.hand.medianMs.toFixed(0)} ms\n`)
    const [v] = await db.query<{ v: string }>('SELECT version() AS v')
    return { customers: o.pgliteCustomers, data, counts, server: String(v?.v ?? '').replace(/ on .*/, '') }
  } finally {
    await db.close()
  }
}

export async function run(args: string[]): Promise<void> {
  const o = parseArgs(args)
  const started = performance.now()
  const load = (): string => loadavg().map((x) => x.toFixed(2)).join(', ')
  const loadBefore = load()
  const pg = o.only === 'pglite' ? undefined : await runPostgres(o)
  const lite = o.only === 'postgres' ? undefined : await runPglite(o)
  const body = segmentsReport(pg, lite, { wallSeconds: (performance.now() - started) / 1000, loadBefore, loadAfter: load() })
  const flags = [
    o.customers !== TARGETS.pgCustomers && `--customers ${o.customers}`,
    o.pgliteCustomers !== Math.max(100, Math.round(o.customers / 10)) && `--pglite-customers ${o.pgliteCustomers}`,
    o.only && `--only ${o.only}`,
  ].filter(Boolean).join(' ')
  const id = `pg-${o.only === 'pglite' ? 0 : o.customers}-pglite-${o.only === 'postgres' ? 0 : o.pgliteCustomers}`
  const heading = [o.only !== 'pglite' && `PostgreSQL ${o.customers.toLocaleString('en')} customers`, o.only !== 'postgres' && `PGlite ${o.pgliteCustomers.toLocaleString('en')}`].filter(Boolean).join(', ')
  writeResultsSection('segments', 'Segments benchmark (issue 16)', id, heading, `npm run bench -- segments${flags ? ` ${flags}` : ''}`, body)
}
