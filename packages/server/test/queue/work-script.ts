// A worker process for two-workers.test.ts: opens the Db and a pg-boss queue on the schemas it is given,
// works `test.record` (each job writes its id and this process's pid), prints "ready", stops on SIGTERM.
import { PgBossQueue } from '../../src/adapters/queue/pgboss-queue.ts'
import { openPostgresDb } from '../../src/store/postgres-db.ts'

const url = process.env.QUEUE_TEST_URL
const schema = process.env.QUEUE_TEST_SCHEMA
if (!url || !schema) throw new Error('QUEUE_TEST_URL and QUEUE_TEST_SCHEMA are required')

const db = await openPostgresDb(url, { schema })
const queue = new PgBossQueue(db, { connectionString: url, schema: `${schema}_boss`, pollingIntervalSeconds: 0.5, concurrency: 2 })
await queue.work('test.record', async (job, ctx) => {
  await ctx.transaction(async (tx) => {
    await tx.query('INSERT INTO queue_work_log (job_id, pid) VALUES ($1, $2)', [job.id, process.pid])
  })
  // A little work, so one process cannot drain the queue before the other's first poll.
  await new Promise((resolve) => setTimeout(resolve, 10))
  return { pid: process.pid }
})
await queue.start()
process.stdout.write('ready\n')

process.once('SIGTERM', () => {
  void (async () => {
    await queue.stop()
    await db.close()
    process.exit(0)
  })()
})
