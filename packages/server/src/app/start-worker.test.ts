import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'node:test'
import { freshSchema } from '../../test/queue/queue-backends.ts'
import { waitFor } from '../adapters/queue/queue.contract.ts'
import { RapportError } from '../errors/rapport-error.ts'
import { migrate } from '../store/migrate.ts'
import { openPostgresDb } from '../store/postgres-db.ts'
import { openPgliteDb } from '../store/pglite-db.ts'
import { startServerQueue, startWorker } from './start-worker.ts'
import { jobRegistry } from '../jobs/registry.ts'
import nodemailer from 'nodemailer'
import { systemActor } from '../domain/actor.ts'
import { createWorkspace } from '../services/workspaces/workspaces.ts'

const bin = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url))
const url = process.env.TEST_DATABASE_URL

describe('startWorker', () => {
  it('refuses to start without a postgres:// DATABASE_URL, as a usage error that says why', async () => {
    const isUsage = (why: RegExp) => (e: unknown) => e instanceof RapportError && e.code === 'usage' && why.test(e.message)
    await assert.rejects(startWorker({ env: {}, log: () => undefined }), isUsage(/DATABASE_URL=postgres:\/\/.*rapport serve` runs the jobs itself/))
    await assert.rejects(startWorker({ env: { DATABASE_URL: 'mysql://u:secret@h/db' }, log: () => undefined }), isUsage(/environment variable DATABASE_URL: must be a postgres:\/\/ URL/))
  })

  it('`rapport worker` without DATABASE_URL exits 2 with that message', () => {
    const env = { ...process.env }
    delete env.DATABASE_URL
    const res = spawnSync(process.execPath, [bin, 'worker'], { env, encoding: 'utf8', timeout: 60_000 })
    assert.equal(res.status, 2)
    assert.match(res.stderr, /rapport worker needs DATABASE_URL=postgres:\/\//)
  })

  it('on PostgreSQL works the registered kinds and stops gracefully', { skip: url ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    if (!url) return
    const { schema, drop } = await freshSchema(url)
    const lines: string[] = []
    let worker: Awaited<ReturnType<typeof startWorker>> | undefined
    let stopped = false
    try {
      const w = await startWorker({
        env: { DATABASE_URL: url },
        bossSchema: `${schema}_boss`,
        log: (l) => lines.push(l),
        open: async () => {
          const db = await openPostgresDb(url, { schema })
          await migrate(db)
          return db
        },
      })
      worker = w
      assert.deepEqual(w.kinds, [...jobRegistry.keys()])
      assert.ok(w.kinds.includes('workspace.stats') && w.kinds.includes('import'))
      const id = await w.queue.enqueue('workspace.stats', {}, { workspaceId: 1, actorLabel: 'cli' })
      const done = await waitFor('completion', async () => {
        const j = await w.queue.get(1, id)
        return j?.state === 'completed' ? j : undefined
      })
      assert.equal((done.result as { tables: Record<string, number> }).tables.customers, 0)
      await w.stop()
      stopped = true
      assert.ok(lines.some((l) => l.includes(`job ${id} workspace.stats (workspace 1, attempt 1) completed`)), lines.join('\n'))
      assert.match(lines.at(-1) ?? '', /stopped$/)
    } finally {
      // Also when an assertion failed: a running pg-boss would keep the test process alive.
      if (worker && !stopped) await worker.stop()
      await drop()
    }
  })

  it('on PostgreSQL with a desk SMTP port receives a support e-mail, files it as a conversation and triages it', { skip: url ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    if (!url) return
    const { schema, drop } = await freshSchema(url)
    let worker: Awaited<ReturnType<typeof startWorker>> | undefined
    try {
      worker = await startWorker({
        env: { DATABASE_URL: url, RAPPORT_DESK_MAIL_DOMAIN: 'desk.test' },
        bossSchema: `${schema}_boss`,
        deskSmtpPort: 0,
        log: () => undefined,
        open: async () => {
          const db = await openPostgresDb(url, { schema })
          await migrate(db)
          return db
        },
      })
      const w = worker
      const ws = (await createWorkspace(w.db, systemActor(0, 'cli'), { slug: 'workermail' })).id
      const port = w.deskMail?.port
      assert.ok(port, 'the listener is up')
      await nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
        .sendMail({ from: 'kim@example.com', to: 'workermail@desk.test', subject: 'Where is my order?', text: 'It has not arrived yet.' })
      const c = await waitFor('triage', async () => {
        const [r] = await w.db.query<{ channel: string; triage_state: string; language: string | null }>(
          `SELECT t.channel, c.triage_state, c.language FROM tickets t JOIN conversations c ON c.workspace_id = t.workspace_id AND c.ticket_id = t.id WHERE t.workspace_id = $1`, [ws])
        return r && r.triage_state !== 'pending' ? r : undefined
      })
      assert.deepEqual([c.channel, c.language], ['email', 'en'])
    } finally {
      await worker?.stop()
      await drop()
    }
  })

  it('startServerQueue on PGlite runs the registered kinds in this process', async () => {
    const db = await openPgliteDb('memory://')
    await migrate(db)
    const queue = await startServerQueue(db, { workerConcurrency: 1 }, () => undefined)
    try {
      const id = await queue.enqueue('workspace.stats', {}, { workspaceId: 1, actorLabel: 'cli' })
      const done = await waitFor('completion', async () => {
        const j = await queue.get(1, id)
        return j?.state === 'completed' ? j : undefined
      })
      assert.equal((done.result as { total: number }).total, 0)
    } finally {
      await queue.stop()
      await db.close()
    }
  })

  it('startServerQueue on PostgreSQL only enqueues: the job waits for a worker', { skip: url ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    if (!url) return
    const { schema, drop } = await freshSchema(url)
    const db = await openPostgresDb(url, { schema })
    try {
      await migrate(db)
      const queue = await startServerQueue(db, { databaseUrl: url, workerConcurrency: 1, bossSchema: `${schema}_boss` }, () => undefined)
      const id = await queue.enqueue('workspace.stats', {}, { workspaceId: 1, actorLabel: 'cli' })
      await new Promise((resolve) => setTimeout(resolve, 1500))
      assert.equal((await queue.get(1, id))?.state, 'queued')
      await queue.stop()
    } finally {
      await db.close()
      await drop()
    }
  })
})
