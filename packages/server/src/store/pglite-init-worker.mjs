// Creates a new embedded database folder (PGlite's initdb) on a worker thread, then exits; see
// initPgliteDataDir in pglite-db.ts for why. Plain JavaScript: it needs nothing but PGlite, so it starts
// without registering tsx.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

const { dataDir, startParams } = workerData
const client = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, ...startParams] })
await client.close()
parentPort?.postMessage('done')
