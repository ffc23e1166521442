import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { SmtpServerConfig } from './adapters/mailer/smtp-mailer.ts'
import { parseCron } from './adapters/queue/cron.ts'
import { RapportError } from './errors/rapport-error.ts'

/**
 * The one reader of environment variables. Each is validated here; a bad value stops start-up with a
 * message naming the variable, instead of surfacing later as a strange failure.
 */
const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  RAPPORT_DATA_DIR: z.string().min(1).default('./.rapport/data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('localhost'),
  RAPPORT_DEMO: z.enum(['0', '1']).default('1'),
  RAPPORT_DEBUG: z.string().optional(),
  RAPPORT_ADMIN_EMAIL: z.email().optional(),
  RAPPORT_ADMIN_PASSWORD: z.string().min(10, 'must have at least 10 characters').max(200).optional(),
  /** Hours a sign-in lasts. */
  RAPPORT_SESSION_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 7),
  /** Failed sign-ins for one e-mail address before it is locked, and for how many minutes. */
  RAPPORT_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  RAPPORT_LOGIN_LOCK_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  /** Sign-in attempts per minute from one client address. */
  RAPPORT_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Set when the API is served behind TLS (or a TLS-terminating proxy): session cookies get `Secure`. */
  RAPPORT_SECURE_COOKIES: z.enum(['0', '1']).optional(),
  RAPPORT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Jobs run at once by an in-process queue or a worker. */
  RAPPORT_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** The built web dashboard served at `/` (default: packages/web/dist of this checkout). */
  RAPPORT_WEB_DIR: z.string().min(1).optional(),
  /** Where the embedded server keeps uploads until their import job ran (default: the system's temp folder). */
  RAPPORT_UPLOAD_DIR: z.string().min(1).optional(),
  /** When every workspace's models are retrained and rescored (cron, UTC), or `off`. */
  RAPPORT_MODELS_CRON: z.string().min(1).default('30 2 * * *').refine((v) => v === 'off' || validCron(v), 'must be a cron expression (5 fields, UTC) or off'),
  /** Train and score the demo workspace's models in the background right after it is loaded. */
  RAPPORT_DEMO_MODELS: z.enum(['0', '1']).default('1'),
  /** SMTP servers for campaigns, comma-separated smtp://[user:pass@]host:port or smtps://… (several: sends take turns). */
  RAPPORT_SMTP_URLS: z.string().min(1).refine((v) => v.split(',').every((u) => smtpUrl(u.trim()) !== null), 'must be smtp://[user:pass@]host:port or smtps://…, comma-separated').optional(),
  /** `rapport serve` runs an SMTP catcher on loopback (its messages in the Outbox page); e-mail goes there when no RAPPORT_SMTP_URLS. */
  RAPPORT_CATCHER: z.enum(['0', '1']).default('1'),
  RAPPORT_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
  /** The SMS gateway messages are POSTed to (JSON { to, text, reference, sender }). */
  RAPPORT_SMS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The gateway's credential as one header, "name: value" (e.g. "authorization: Bearer …"). */
  RAPPORT_SMS_AUTH_HEADER: z.string().regex(/^[A-Za-z0-9-]+:\s*\S.*$/, 'must be "name: value"').optional(),
  RAPPORT_SMS_SENDER: z.string().min(1).max(20).optional(),
  /** Seconds without a heartbeat after which a campaign sender counts as dead and its in-flight rows become uncertain. */
  RAPPORT_SENDER_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  /** The service desk's inbound SMTP listener of `rapport serve`: a port on loopback, or `off`. */
  RAPPORT_DESK_SMTP_PORT: z.string().default('2525').refine((v) => v === 'off' || (/^\d+$/.test(v) && Number(v) <= 65535), 'must be a port number (0-65535) or off'),
  /** Mail to <workspace slug>@this domain opens or continues a conversation in that workspace. */
  RAPPORT_DESK_MAIL_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/i, 'must be a domain name').default('desk.localhost'),
  /** Where recipients reach this server (tracking links, unsubscribe pages); default http://HOST:PORT. */
  RAPPORT_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
})

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url))

export interface Config {
  databaseUrl: string | undefined
  dataDir: string
  port: number
  host: string
  loadDemo: boolean
  debug: boolean
  adminEmail: string | undefined
  adminPassword: string | undefined
  sessionHours: number
  loginMaxFailures: number
  loginLockMinutes: number
  loginAttemptsPerMinute: number
  secureCookies: boolean
  logLevel: z.output<typeof schema>['RAPPORT_LOG_LEVEL']
  workerConcurrency: number
  webDir: string
  uploadDir: string | undefined
  /** undefined = no nightly retraining. */
  modelsCron: string | undefined
  demoModels: boolean
  smtpServers: SmtpServerConfig[]
  catcher: boolean
  catcherPort: number
  /** The desk's inbound SMTP port on loopback; null: no listener. */
  deskSmtpPort: number | null
  deskMailDomain: string
  sms: { url: string; authHeader: { name: string; value: string } | undefined; sender: string | undefined } | undefined
  publicUrl: string
  /** RAPPORT_PUBLIC_URL was given (else publicUrl is derived from HOST and PORT). */
  publicUrlGiven: boolean
  senderLeaseSeconds: number
}

/** Reads and validates the environment (empty strings count as unset). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== undefined && v !== ''))
  const parsed = schema.safeParse(present)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: String(i.path[0]), message: i.message }))
    const first = issues[0]
    throw new RapportError('usage', `environment variable ${first?.path}: ${first?.message}`, { details: issues })
  }
  const e = parsed.data
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RAPPORT_DATA_DIR,
    port: e.PORT,
    host: e.HOST,
    loadDemo: e.RAPPORT_DEMO === '1',
    debug: e.RAPPORT_DEBUG !== undefined && e.RAPPORT_DEBUG !== '0',
    adminEmail: e.RAPPORT_ADMIN_EMAIL,
    adminPassword: e.RAPPORT_ADMIN_PASSWORD,
    sessionHours: e.RAPPORT_SESSION_HOURS,
    loginMaxFailures: e.RAPPORT_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.RAPPORT_LOGIN_LOCK_MINUTES,
    loginAttemptsPerMinute: e.RAPPORT_LOGIN_RATE_PER_MINUTE,
    secureCookies: e.RAPPORT_SECURE_COOKIES === '1',
    logLevel: e.RAPPORT_LOG_LEVEL,
    workerConcurrency: e.RAPPORT_WORKER_CONCURRENCY,
    webDir: e.RAPPORT_WEB_DIR ?? DEFAULT_WEB_DIR,
    uploadDir: e.RAPPORT_UPLOAD_DIR,
    modelsCron: e.RAPPORT_MODELS_CRON === 'off' ? undefined : e.RAPPORT_MODELS_CRON,
    demoModels: e.RAPPORT_DEMO_MODELS === '1',
    smtpServers: (e.RAPPORT_SMTP_URLS ?? '').split(',').map((u) => smtpUrl(u.trim())).filter((s) => s !== null),
    catcher: e.RAPPORT_CATCHER === '1',
    catcherPort: e.RAPPORT_CATCHER_PORT,
    sms: e.RAPPORT_SMS_URL === undefined ? undefined : { url: e.RAPPORT_SMS_URL, authHeader: header(e.RAPPORT_SMS_AUTH_HEADER), sender: e.RAPPORT_SMS_SENDER },
    publicUrl: (e.RAPPORT_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    publicUrlGiven: e.RAPPORT_PUBLIC_URL !== undefined,
    senderLeaseSeconds: e.RAPPORT_SENDER_LEASE_SECONDS,
    deskSmtpPort: e.RAPPORT_DESK_SMTP_PORT === 'off' ? null : Number(e.RAPPORT_DESK_SMTP_PORT),
    deskMailDomain: e.RAPPORT_DESK_MAIL_DOMAIN.toLowerCase(),
  }
}

/** smtp://user:pass@host:port (STARTTLS when offered) or smtps://… (TLS from the first byte); null if not one. */
export function smtpUrl(s: string): SmtpServerConfig | null {
  let u: URL
  try {
    u = new URL(s)
  } catch {
    return null
  }
  if ((u.protocol !== 'smtp:' && u.protocol !== 'smtps:') || u.hostname === '') return null
  const secure = u.protocol === 'smtps:'
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port === '' ? (secure ? 465 : 587) : Number(u.port),
    secure,
    ...(u.username !== '' && { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }),
  }
}

function header(v: string | undefined): { name: string; value: string } | undefined {
  if (v === undefined) return undefined
  const i = v.indexOf(':')
  return { name: v.slice(0, i).trim().toLowerCase(), value: v.slice(i + 1).trim() }
}

function validCron(v: string): boolean {
  try {
    parseCron(v)
    return true
  } catch {
    return false
  }
}
