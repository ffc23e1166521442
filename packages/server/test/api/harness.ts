import type { FastifyInstance, InjectOptions } from 'fastify'
import { buildApp } from '../../src/api/build-app.ts'
import type { ApiLoggerOptions } from '../../src/api/logging.ts'
import type { Db } from '../../src/store/db.ts'

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

/** A client whose requests all carry the x-rapport-workspace header of `slug`. */
export type Client = (method: InjectOptions['method'], url: string, payload?: unknown) => Promise<Reply>

export function client(app: FastifyInstance, slug: string): Client {
  return async (method, url, payload) => {
    const res = await app.inject({
      method,
      url,
      headers: { 'x-rapport-workspace': slug },
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

/** A fresh workspace, so each suite sees only its own records. */
export async function workspace(db: Db, slug: string): Promise<Client & { id: number }> {
  const [row] = await db.query<{ id: number }>('INSERT INTO workspaces (slug, name) VALUES ($1, $1) RETURNING id', [slug])
  return Object.assign(client(appOf(db), slug), { id: Number(row?.id) })
}

const apps = new WeakMap<Db, FastifyInstance>()
function appOf(db: Db): FastifyInstance {
  const app = apps.get(db)
  if (!app) throw new Error('call startApp(db) first')
  return app
}

export async function startApp(db: Db, logger?: ApiLoggerOptions): Promise<FastifyInstance> {
  const app = buildApp({ db, logger: logger ?? false })
  await app.ready()
  apps.set(db, app)
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
