/**
 * Child process of bench/api.ts: serves Rapport (buildApp over openDb) and the bare handler on two random
 * loopback ports, so the load generator does not share their event loop. Messages over the IPC channel:
 * `phases` (per-request phase timings since the last `reset`), `reset`, `exit`.
 * argv: <database url> <workspace id> <api key> <customer id> <city>
 */
import { isDeepStrictEqual } from 'node:util'
import { InProcessQueue } from '../../packages/server/src/adapters/queue/inprocess-queue.ts'
import { buildApp } from '../../packages/server/src/api/build-app.ts'
import type { Db } from '../../packages/server/src/store/db.ts'
import { openDb } from '../../packages/server/src/store/open-db.ts'
import { bareApp, bareDb } from './bare-api.ts'
import { phaseHooks } from './request-phases.ts'

const [url, ws, key, customerId, city] = process.argv.slice(2)
if (!url || !ws || !key || !customerId || !city) throw new Error('usage: api-server <url> <workspace> <key> <customer id> <city>')
const send = (msg: unknown): void => void process.send?.(msg)

/** The first message: the two ports and the same-SQL check (statement texts as the bare handler sent them). */
export interface Ready {
  type: 'ready'
  rapportPort: number
  barePort: number
  check: Array<{ path: string; sameSql: boolean; sameBody: boolean; statements: number; rapportStatus: number; bareStatus: number; sql: string[] }>
}

/** A Db that logs every statement's text (for the same-SQL check only; the measured apps use plain ones). */
function recording(db: Db, log: string[]): Db {
  return {
    kind: db.kind,
    query: (text, params) => (log.push(text), db.query(text, params)),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction((tx) => fn(recording(tx, log))),
    close: () => db.close(),
  }
}

const db = await openDb({ databaseUrl: url })
const queue = new InProcessQueue(db)
const bdb = bareDb(url)

// Same SQL and same answer: one 360 and one list through each app, statements logged (Rapport's
// authentication statements left out), bodies compared.
const paths = [`/api/v1/customers/${customerId}/360`, `/api/v1/customers?city=${encodeURIComponent(city)}&limit=50`]
const rapportLog: string[] = []
const bareLog: string[] = []
const checkRapport = buildApp({ db: recording(db, rapportLog), queue, logger: false })
const checkBare = bareApp(recording(bdb, bareLog), Number(ws))
const check: Ready['check'] = []
for (const path of paths) {
  rapportLog.length = 0
  bareLog.length = 0
  const a = await checkRapport.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${key}` } })
  const b = await checkBare.inject({ method: 'GET', url: path })
  const own = rapportLog.filter((s) => !/\bapi_keys\b|\bsessions\b/.test(s))
  check.push({
    path, sameSql: isDeepStrictEqual(own, bareLog), sameBody: isDeepStrictEqual(a.json(), b.json()), statements: bareLog.length,
    rapportStatus: a.statusCode, bareStatus: b.statusCode, sql: bareLog.map((s) => s.replace(/\s+/g, ' ')),
  })
}
await checkRapport.close()
await checkBare.close()

const rapport = buildApp({ db, queue, logger: false })
const rapportPhases = phaseHooks(rapport)
const bare = bareApp(bdb, Number(ws))
const barePhases = phaseHooks(bare)
await rapport.listen({ host: '127.0.0.1', port: 0 })
await bare.listen({ host: '127.0.0.1', port: 0 })
const portOf = (app: typeof bare): number => {
  const a = app.server.address()
  if (a === null || typeof a === 'string') throw new Error('not listening on a TCP port')
  return a.port
}

process.on('message', (msg: { type: string }) => {
  switch (msg.type) {
    case 'reset':
      rapportPhases.reset()
      barePhases.reset()
      send({ type: 'reset' })
      break
    case 'phases':
      send({ type: 'phases', rapport: rapportPhases.summary(), bare: barePhases.summary() })
      break
    case 'exit':
      void (async () => {
        await rapport.close()
        await bare.close()
        await db.close()
        await bdb.close()
        process.exit(0)
      })()
      break
    default:
      break
  }
})
send({ type: 'ready', rapportPort: portOf(rapport), barePort: portOf(bare), check } satisfies Ready)
