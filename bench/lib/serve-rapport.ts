/**
 * Child of bench/platform.ts: serves Rapport (buildApp over the database named by argv, no job worker) on a
 * random loopback port, so the load generator does not share its event loop. Sends `ready` with the port;
 * stops on an `exit` message.
 * argv: <postgres url | PGlite folder>
 */
import { InProcessQueue } from '../../packages/server/src/adapters/queue/inprocess-queue.ts'
import { buildApp } from '../../packages/server/src/api/build-app.ts'
import { openTarget, tellParent } from './open-target.ts'

/** The first message: the port it listens on. */
export interface ServeReady {
  type: 'ready'
  port: number
}

const [target] = process.argv.slice(2)
if (!target) throw new Error('usage: serve-rapport <target>')
const db = await openTarget(target)
const app = buildApp({ db, queue: new InProcessQueue(db), logger: false })
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port')
process.on('message', (msg: { type: string }) => {
  if (msg.type !== 'exit') return
  void (async () => {
    await app.close()
    await db.close()
    process.exit(0)
  })()
})
await tellParent({ type: 'ready', port: address.port } satisfies ServeReady)
