/**
 * Campaigns benchmark (issue 17): a campaign to 100,000 synthetic customers on PostgreSQL, sent to a loopback
 * SMTP server (a separate process): planning (segment, consent, suppressions, frequency cap, holdout, ledger)
 * timed through startCampaign, the sender timed from start to done with default settings, and raw nodemailer
 * pooled sends of a pre-rendered message to the same server in the same run (with nodemailer's own sockets and
 * with the TCP_NODELAY sockets Rapport's mailer uses). Targets: planning ≤ 5 s, ≥ 1,000 messages/s and ≥ 0.8× the
 * raw nodemailer rate. A second run on PGlite (20,000 by default).
 * `npm run bench -- campaigns [--recipients N] [--pglite-recipients N] [--only postgres|pglite]
 * [--analyze] [--raw-runs 1] [--profile FILE]` (--analyze: ANALYZE the ledger between planning and sending, see
 * run-backend.ts; --raw-runs 1: raw nodemailer only before the sender; --profile: a CPU profile of the sender step, written to
 * FILE-postgres.cpuprofile and FILE-pglite.cpuprofile). `--explain-planning` prints where planning's time goes
 * instead (campaigns/explain-planning.ts).
 */
import type { Db } from '../packages/server/src/store/db.ts'
import { openPgliteDb } from '../packages/server/src/store/pglite-db.ts'
import { openPostgresDb } from '../packages/server/src/store/postgres-db.ts'
import { campaignsReport, TARGETS } from './campaigns/campaigns-report.ts'
import { explainPlanning } from './campaigns/explain-planning.ts'
import { runBackend, type BackendRun } from './campaigns/run-backend.ts'
import { startSmtpSink, type SmtpSink } from './campaigns/sink-client.ts'
import { freshPostgres } from './lib/fresh-postgres.ts'
import { writeResultsSection } from './lib/results-section.ts'

const PGLITE_DEFAULT = 20_000

interface Options {
  recipients: number
  pgliteRecipients: number
  only: 'postgres' | 'pglite' | undefined
  /** Where to write a CPU profile of the sender (the file name gets the backend's name). */
  profile: string | undefined
  rawRuns: number
  analyze: boolean
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
  return { recipients: count('--recipients', TARGETS.recipients), pgliteRecipients: count('--pglite-recipients', PGLITE_DEFAULT), only, profile: value('--profile'), rawRuns: value('--raw-runs') === '1' ? 1 : 2, analyze: args.includes('--analyze') }
}

const log = (s: string) => process.stderr.write(`${s}\n`)

async function onPostgres(o: Options, sink: SmtpSink): Promise<BackendRun | undefined> {
  const fresh = await freshPostgres('rapport_bench_campaigns')
  if (!fresh) {
    log('campaigns: no PostgreSQL server answered (set BENCH_DATABASE_URL); PostgreSQL not measured')
    return undefined
  }
  let db: Db | undefined
  try {
    db = await openPostgresDb(fresh.url)
    return await runBackend(db, 'PostgreSQL', o.recipients, sink, log, { ...o, profileFile: o.profile?.replace(/(\.cpuprofile)?$/, '-postgres.cpuprofile') })
  } finally {
    await db?.close()
    await fresh.drop()
  }
}

async function onPglite(o: Options, sink: SmtpSink): Promise<BackendRun> {
  const db = await openPgliteDb('memory://')
  try {
    return await runBackend(db, 'PGlite', o.pgliteRecipients, sink, log, { ...o, profileFile: o.profile?.replace(/(\.cpuprofile)?$/, '-pglite.cpuprofile') })
  } finally {
    await db.close()
  }
}

export async function run(args: string[]): Promise<void> {
  const o = parseArgs(args)
  if (args.includes('--explain-planning')) return explainPlanning(o.recipients, log)
  const t0 = performance.now()
  const sink = await startSmtpSink()
  const runs: BackendRun[] = []
  try {
    const pg = o.only === 'pglite' ? undefined : await onPostgres(o, sink)
    if (pg) runs.push(pg)
    if (o.only !== 'postgres') runs.push(await onPglite(o, sink))
  } finally {
    await sink.stop()
  }
  const body = campaignsReport(runs, { wallSeconds: (performance.now() - t0) / 1000 })
  const flags = [
    o.recipients !== TARGETS.recipients && `--recipients ${o.recipients}`,
    o.pgliteRecipients !== PGLITE_DEFAULT && `--pglite-recipients ${o.pgliteRecipients}`,
    o.only && `--only ${o.only}`,
    o.analyze && '--analyze',
    o.rawRuns === 1 && '--raw-runs 1',
  ].filter(Boolean).join(' ')
  const id = `pg-${o.only === 'pglite' ? 0 : o.recipients}-pglite-${o.only === 'postgres' ? 0 : o.pgliteRecipients}${o.analyze ? '-analyze' : ''}`
  const heading = `${runs.map((r) => `${r.backend} ${r.shop.customers.toLocaleString('en')} customers`).join(', ') || 'nothing measured'}, raw nodemailer stock and with TCP_NODELAY${o.analyze ? ', ledger analysed before sending (--analyze)' : ''}`
  writeResultsSection('campaigns', 'Campaigns benchmark (issue 17)', id, heading, `npm run bench -- campaigns${flags ? ` ${flags}` : ''}`, body)
}
