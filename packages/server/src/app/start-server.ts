import { resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.ts'
import { systemActor } from '../domain/actor.ts'
import { ensureDemoUsers, ensureFirstOwner } from '../services/auth/bootstrap.ts'
import { loadDemo } from '../services/demo/load-demo.ts'
import { setUploadSpoolRoot } from '../services/jobs/upload-spool-blobs.ts'
import { ensureModelSchedules, queueFirstTraining } from '../services/intelligence/model-schedules.ts'
import { ensureWorkspace } from '../services/workspaces/workspaces.ts'
import type { Db } from '../store/db.ts'
import { describeDb, openDb } from '../store/open-db.ts'
import { startServerQueue } from './start-worker.ts'
import { startDeskMailListener } from './desk-mail-listener.ts'
import type { InboundSmtp } from '../adapters/mailer/inbound-smtp.ts'
import { startSmtpRecorder, type RecordedMail, type SmtpRecorder } from '../adapters/mailer/smtp-recorder.ts'
import { channelsFromConfig, configureChannels, currentChannels } from '../services/campaigns/channels.ts'
import { recordCaughtMail } from '../services/campaigns/outbox.ts'
import { setUpDemoCampaigns } from '../services/demo/demo-campaigns.ts'

export const DEMO_WORKSPACE = 'demo'

export interface RunningServer {
  app: FastifyInstance
  db: Db
  url: string
  close(): Promise<void>
}

export interface StartOptions {
  /** Load the demo workspace into an empty database (default: config.loadDemo). */
  demo?: boolean
  log?: (line: string) => void
}

/**
 * Start-up of `rapport serve`: open and migrate the database, create the owner account on first start
 * (printing how to sign in), load the demo workspace into an empty database, then listen.
 */
export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`))
  const t0 = performance.now()
  const dbConfig = { databaseUrl: config.databaseUrl, dataDir: config.dataDir }
  // Before the queue sweeps abandoned uploads (PGlite keeps their bytes there).
  if (config.uploadDir !== undefined) setUploadSpoolRoot(resolve(config.uploadDir))
  const db = await openDb(dbConfig)
  let catcher: SmtpRecorder | null = null
  let deskMail: InboundSmtp | null = null
  log(`database: ${describeDb(dbConfig)} (ready in ${seconds(t0)} s)`)
  try {
    const wantDemo = opts.demo ?? config.loadDemo
    let demoUsers: { emails: string[]; password: string } | undefined
    let demoWs: number | undefined
    if (wantDemo && (await isEmpty(db))) {
      log(`empty database: loading the demo workspace "${DEMO_WORKSPACE}" (rapport demo) ...`)
      const ws = await ensureWorkspace(db, DEMO_WORKSPACE)
      demoWs = ws
      await loadDemo(db, { actor: systemActor(ws), onEntity: (s) => log(`  ${s.entity}: ${s.read} rows in ${s.seconds.toFixed(1)} s`) })
      await setUpDemoCampaigns(db, systemActor(ws))
      await (await import('../services/demo/demo-campaign-history.ts')).loadDemoCampaignHistory(db, systemActor(ws))
    }
    // The owner first (it is created only while no account exists), then the demo's accounts per role.
    const owner = await ensureFirstOwner(db, { email: config.adminEmail, password: config.adminPassword, landIn: demoWs })
    if (demoWs !== undefined) demoUsers = await ensureDemoUsers(db, demoWs)
    // Loaded here so the other commands don't pay for Fastify at start-up.
    // Channels before the queue: a send job left from the last run may start at once.
    catcher = config.catcher ? await startCatcher(db, config.catcherPort, log) : null
    configureChannels(channelsFromConfig(config, catcher ?? undefined))
    const queue = await startServerQueue(db, config, log)
    deskMail = config.deskSmtpPort === null ? null : await startDeskMailListener(db, queue, { port: config.deskSmtpPort, domain: config.deskMailDomain, log })
    await ensureModelSchedules(db, queue, config.modelsCron)
    const { buildApp } = await import('../api/build-app.ts')
    const app = buildApp({
      db,
      queue,
      logger: { level: config.logLevel },
      webDir: config.webDir,
      auth: { sessionHours: config.sessionHours, maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes, attemptsPerMinute: config.loginAttemptsPerMinute, secureCookies: config.secureCookies },
    })
    await app.listen({ port: config.port, host: config.host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const url = `http://${config.host}:${port}`
    // Tracking links name the address the server really listens on (PORT=0 picks one) unless RAPPORT_PUBLIC_URL says otherwise.
    if (!config.publicUrlGiven) configureChannels({ ...currentChannels(), publicUrl: url })
    const email = currentChannels().email
    log(email ? `campaign e-mail goes to ${email.label}${catcher && config.smtpServers.length > 0 ? `; the catcher on smtp://127.0.0.1:${catcher.port} takes test sends` : ''}` : 'campaign e-mail: no SMTP server (set RAPPORT_SMTP_URLS, or RAPPORT_CATCHER=1)')
    const { webAppAvailable } = await import('../api/plugins/web-app.ts')
    if (webAppAvailable(config.webDir)) log(`Rapport on ${url} (dashboard at ${url}/, API docs at ${url}/docs) — ready in ${seconds(t0)} s`)
    else log(`Rapport on ${url} (API only, docs at ${url}/docs; no dashboard build in ${config.webDir}: npm run build) — ready in ${seconds(t0)} s`)
    if (owner) {
      log('')
      log('First start: an owner account was created. Sign in with')
      log(`  e-mail:   ${owner.email}`)
      log(`  password: ${owner.generatedPassword ?? '(RAPPORT_ADMIN_PASSWORD)'}`)
      log(`  curl -c cookies.txt -H 'content-type: application/json' -d '{"email":"${owner.email}","password":"…"}' ${url}/api/v1/auth/login`)
      if (owner.generatedPassword) log('This password is shown once: change it (POST /api/v1/auth/password) or set a new one with "rapport users reset-password".')
    }
    // Queued once the server listens: on PGlite the job shares the one connection, and start-up should not wait for it.
    if (demoWs !== undefined && config.demoModels) {
      await queueFirstTraining(queue, demoWs)
      log(`demo workspace: training its models in the background (progress on the Models page and at /api/v1/jobs)`)
    }
    if (demoUsers) log(`Demo workspace "${DEMO_WORKSPACE}": one account per role (${demoUsers.emails.join(', ')}), password ${demoUsers.password}`)
    return {
      app, db, url,
      async close() {
        await deskMail?.close()
        await app.close()
        await queue.stop()
        await currentChannels().email?.mailer.close()
        configureChannels(null)
        await catcher?.close()
        await db.close()
      },
    }
  } catch (err) {
    await deskMail?.close()
    await catcher?.close()
    await db.close()
    throw err
  }
}

/**
 * The built-in SMTP catcher (development and the demo): on loopback, port 1025 like Mailpit's, or any free port
 * when that is taken; what it catches is filed for the Outbox page.
 */
async function startCatcher(db: Db, port: number, log: (s: string) => void): Promise<SmtpRecorder> {
  const onMessage = async (m: RecordedMail) => {
    await recordCaughtMail(db, m).catch((e: unknown) => log(`catcher: a message could not be stored: ${(e as Error).message}`))
  }
  const c = await startSmtpRecorder({ port, onMessage, keep: false }).catch(async (e: unknown) => {
    if ((e as { code?: unknown }).code !== 'EADDRINUSE' || port === 0) throw e
    return startSmtpRecorder({ port: 0, onMessage, keep: false })
  })
  log(`SMTP catcher on smtp://127.0.0.1:${c.port} (caught mail in the dashboard's Outbox)`)
  return c
}

async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM customers LIMIT 1')
  return rows.length === 0
}

const seconds = (t0: number): string => ((performance.now() - t0) / 1000).toFixed(1)
