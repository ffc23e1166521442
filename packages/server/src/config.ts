import { fileURLToPath } from 'node:url'
import { z } from 'zod'
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
  }
}

function validCron(v: string): boolean {
  try {
    parseCron(v)
    return true
  } catch {
    return false
  }
}
