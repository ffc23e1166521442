import type { FastifyInstance, InjectOptions } from 'fastify'
import { buildApp } from '../../src/api/build-app.ts'
import type { ApiLoggerOptions } from '../../src/api/logging.ts'
import type { Db } from '../../src/store/db.ts'
import { InProcessQueue } from '../../src/adapters/queue/inprocess-queue.ts'
import { jobRegistry } from '../../src/jobs/registry.ts'
import { systemActor } from '../../src/domain/actor.ts'
import { createApiKey } from '../../src/services/auth/api-keys.ts'
import { createWorkspace } from '../../src/services/workspaces/workspaces.ts'

/** What every API suite gets: the app over one backend's database, and a client per workspace. */
export interface ApiContext {
  db: Db
  app: FastifyInstance
  backend: string
}

// The body is whatever JSON the route returned; tests read it freely and assert on its fields.
export interface Reply<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
  status: number
  body: T
  text: string
}

/** A client whose requests all carry an owner API key of workspace `slug` (and its x-rapport-workspace header). */
export type Client = (method: InjectOptions['method'], url: string, payload?: unknown, headers?: Record<string, string>) => Promise<Reply>

/** Owner keys of the workspaces made by `workspace()`, per database. */
const keys = new WeakMap<Db, Map<string, string>>()
const dbOfApp = new WeakMap<FastifyInstance, Db>()

/** The headers of an owner of workspace `slug` (made by `workspace()`). */
export function authHeaders(app: FastifyInstance, slug: string): Record<string, string> {
  const db = dbOfApp.get(app)
  const key = db ? keys.get(db)?.get(slug) : undefined
  if (!key) throw new Error(`no key for workspace ${slug}: create it with workspace(db, slug) after startApp(db)`)
  return { authorization: `Bearer ${key}`, 'x-rapport-workspace': slug }
}

/** Lets `client`/`authHeaders` use the keys of `db` with another app built over it. */
export function attachApp(app: FastifyInstance, db: Db): void {
  dbOfApp.set(app, db)
}

export function client(app: FastifyInstance, slug: string): Client {
  return async (method, url, payload, headers) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...authHeaders(app, slug), ...headers },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    })
    let body: unknown
    try {
      body = res.body === '' ? undefined : JSON.parse(res.body)
    } catch {
      body = undefined
    }
    return { status: res.statusCode, body, text: res.body }
  }
}

/** A fresh workspace with an owner API key, so each suite sees only its own records. */
export async function workspace(db: Db, slug: string): Promise<Client & { id: number }> {
  const ws = await createWorkspace(db, systemActor(0, 'cli'), { slug })
  const { key } = await createApiKey(db, systemActor(ws.id, 'cli'), { name: 'test', role: 'owner' })
  const map = keys.get(db) ?? new Map<string, string>()
  map.set(slug, key)
  keys.set(db, map)
  return Object.assign(client(appOf(db), slug), { id: ws.id })
}

const apps = new WeakMap<Db, FastifyInstance>()
function appOf(db: Db): FastifyInstance {
  const app = apps.get(db)
  if (!app) throw new Error('call startApp(db) first')
  return app
}

const queues = new WeakMap<Db, InProcessQueue>()

/** The job queue of the test app over `db` (in-process on both backends: one test process owns it). */
export function queueOf(db: Db): InProcessQueue {
  const q = queues.get(db)
  if (!q) throw new Error('call startApp(db) first')
  return q
}

export async function startApp(db: Db, logger?: ApiLoggerOptions): Promise<FastifyInstance> {
  const queue = new InProcessQueue(db, { concurrency: 1, pollMs: 50 })
  for (const [kind, handler] of jobRegistry) await queue.work(kind, handler)
  await queue.start()
  queues.set(db, queue)
  const app = buildApp({ db, queue, logger: logger ?? false })
  app.addHook('onClose', async () => queue.stop())
  await app.ready()
  apps.set(db, app)
  dbOfApp.set(app, db)
  return app
}

/** Asserts the one error shape and returns it. */
export function errorOf(r: Reply): { code: string; message: string; details?: Array<{ path: string; message: string }> } {
  const e = (r.body as { error?: unknown } | undefined)?.error
  if (!e || typeof e !== 'object') throw new Error(`expected an error body, got ${r.status} ${r.text.slice(0, 300)}`)
  const keys = Object.keys(r.body as object)
  if (keys.length !== 1) throw new Error(`error body has extra keys: ${keys.join(', ')}`)
  return e as ReturnType<typeof errorOf>
}
