import { after, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { startSmtpRecorder, type SmtpRecorder } from '../../src/adapters/mailer/smtp-recorder.ts'
import { campaignWorld, simpleCampaign } from '../../src/services/campaigns/campaign-fixture.ts'
import { createCampaign, startCampaign } from '../../src/services/campaigns/campaigns-service.ts'
import type { Channels } from '../../src/services/campaigns/channels.ts'
import type { Db } from '../../src/store/db.ts'
import { openDb, type DbConfig } from '../../src/store/open-db.ts'

/**
 * The send ledger's promise, through the real CLI: a 10,000-recipient campaign whose sending process is killed
 * with SIGKILL at random points (at least 5 times) and restarted each time. The SMTP server must receive every
 * recipient at most once; in the end planned = sent + uncertain + skipped + failed, and each crash leaves at
 * most the concurrency limit of rows uncertain. On PostgreSQL the rest is then sent by two processes at once.
 * Seeded, so a failure can be replayed.
 */
const bin = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url))
const RECIPIENTS = 10_000
const CONCURRENCY = 20
const KILLS = 6

function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

interface Setup { name: string; config: DbConfig; env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }

async function pgliteSetup(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-crash-'))
  return { name: 'PGlite', config: { dataDir: join(dir, 'data') }, env: { RAPPORT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
}

async function postgresSetup(url: string): Promise<Setup> {
  const name = `rapport_crash_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const u = new URL(url)
  u.pathname = `/${name}`
  return {
    name: 'PostgreSQL', config: { databaseUrl: u.href }, env: { DATABASE_URL: u.href, RAPPORT_SENDER_LEASE_SECONDS: '2' },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

const setups: Array<() => Promise<Setup>> = [pgliteSetup]
if (process.env.TEST_DATABASE_URL) setups.push(() => postgresSetup(process.env.TEST_DATABASE_URL as string))

async function withDb<T>(config: DbConfig, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(config)
  try {
    return await fn(db)
  } finally {
    await db.close()
  }
}

const countStates = (db: Db, ws: number, id: number) => db.query<{ state: string; n: string }>(
  `SELECT state, count(*) AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 GROUP BY state`, [ws, id])
  .then((rows) => Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Record<string, number>)

for (const make of setups) {
  describe('campaign sending killed with SIGKILL and restarted', () => {
    let setup: Setup
    let smtp: SmtpRecorder
    after(async () => {
      await smtp?.close()
      await setup?.cleanup()
    })

    test(`${KILLS} crashes during a ${RECIPIENTS}-recipient campaign: nobody is sent twice, nobody is lost`, { timeout: 600_000 }, async (t) => {
      setup = await make()
      const received = new Map<string, number>()
      smtp = await startSmtpRecorder({ keep: false, onMessage: (m) => { received.set(m.messageId ?? '', (received.get(m.messageId ?? '') ?? 0) + 1) } })
      const dummy: Channels = { email: { mailer: { verify: async () => {}, send: async () => assert.fail('not here'), close: async () => {} }, label: 'x' }, sms: null, publicUrl: 'http://rapport.test' }
      const { ws, id, treated } = await withDb(setup.config, async (db) => {
        const w = await campaignWorld(db, 'crash', RECIPIENTS)
        const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'crash', settings: { concurrency: CONCURRENCY } }))
        const s = await startCampaign(db, null, dummy, w.actor, c.id)
        return { ws: w.ws, id: c.id, treated: s.plan?.treated ?? 0 }
      })
      assert.ok(treated > 8500, `${treated} treated`)
      const env = { ...process.env, ...setup.env, RAPPORT_SMTP_URLS: `smtp://127.0.0.1:${smtp.port}`, RAPPORT_PUBLIC_URL: 'http://rapport.test' }
      const random = rng(20261203)
      const run = (): ChildProcess => spawn(process.execPath, [bin, 'campaigns', 'send', String(id), '--workspace', 'crash', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      for (let k = 0; k < KILLS; k++) {
        const child = run()
        let stderr = ''
        child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
        const start = received.size
        const target = start + 300 + Math.floor(random() * 900)
        const deadline = Date.now() + 120_000
        while (received.size < target && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
        assert.equal(child.exitCode, null, `run ${k + 1} was still sending when killed (exit ${child.exitCode}: ${stderr.slice(-500)})`)
        // Sometimes right away, sometimes a moment later: kills land between claim, send and record alike.
        if (random() < 0.5) await new Promise((r) => setTimeout(r, Math.floor(random() * 40)))
        child.kill('SIGKILL')
        await new Promise((r) => child.once('exit', r))
        const [s, bySender] = await withDb(setup.config, async (db) => [await countStates(db, ws, id), await db.query<{ claimed_by: string; n: string }>(
          `SELECT claimed_by, count(*) AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'sending' GROUP BY claimed_by`, [ws, id])] as const)
        const inFlight = s.sending ?? 0
        // On PostgreSQL an earlier crash's rows may still wait for their sender's lease to run out: each sender is bounded on its own.
        for (const b of bySender) assert.ok(Number(b.n) <= CONCURRENCY, `crash ${k + 1}: sender ${b.claimed_by} left ${b.n} rows in flight (concurrency ${CONCURRENCY})`)
        t.diagnostic(`crash ${k + 1}: ${received.size} received, ${s.sent ?? 0} recorded sent, ${inFlight} in flight, ${s.uncertain ?? 0} uncertain`)
        // Every row left behind (still sending, or already made uncertain by a later sender) came from some crash, each
        // leaving at most the concurrency in flight. Counted together: on PostgreSQL an orphan becomes uncertain only
        // once its sender's lease ran out, so two crashes' rows can turn uncertain between one check and the next.
        assert.ok((s.uncertain ?? 0) + inFlight <= CONCURRENCY * (k + 1), `crash ${k + 1}: ${s.uncertain ?? 0} uncertain + ${inFlight} in flight > ${CONCURRENCY} × ${k + 1}`)
      }
      // The rest is sent to the end; on PostgreSQL by two processes at once (two workers on one campaign).
      const finals = Array.from({ length: setup.name === 'PostgreSQL' ? 2 : 1 }, () => run())
      const outs = await Promise.all(finals.map(async (p) => {
        let out = ''
        p.stdout?.on('data', (d: Buffer) => (out += d.toString()))
        const code = await new Promise<number | null>((r) => p.once('exit', r))
        assert.equal(code, 0, out)
        return JSON.parse(out) as { status: string }
      }))
      assert.deepEqual(outs.map((o) => o.status), finals.map(() => 'done'))

      const dupes = [...received.entries()].filter(([, n]) => n > 1)
      assert.deepEqual(dupes, [], 'no Message-ID arrived twice')
      await withDb(setup.config, async (db) => {
        const s = await countStates(db, ws, id)
        const planned = Object.values(s).reduce((a, b) => a + b, 0)
        assert.equal(planned, RECIPIENTS)
        assert.equal((s.sent ?? 0) + (s.uncertain ?? 0) + (s.skipped ?? 0) + (s.failed ?? 0), planned, JSON.stringify(s))
        assert.equal((s.sent ?? 0) + (s.uncertain ?? 0), treated)
        assert.ok((s.uncertain ?? 0) <= KILLS * CONCURRENCY)
        const sent = await db.query<{ message_id: string }>(`SELECT message_id FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'sent'`, [ws, id])
        assert.ok(sent.every((r) => received.has(r.message_id)), 'every row recorded sent was received')
        const unc = await db.query<{ id: string }>(`SELECT id FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'uncertain'`, [ws, id])
        const known = new Set([...sent.map((r) => r.message_id), ...unc.map((r) => `<rapport.w${ws}.c${id}.r${r.id}@rapport.invalid>`)])
        assert.ok([...received.keys()].every((m) => known.has(m)), 'everything received is sent or uncertain in the ledger')
        t.diagnostic(`${setup.name}: ${s.sent} sent, ${s.uncertain ?? 0} uncertain, ${s.skipped} skipped (holdout), ${received.size} received`)
      })
    })
  })
}
