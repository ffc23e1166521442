/**
 * Child of bench/platform.ts: loads `rapport demo --customers N` into the database named by argv through
 * loadDemo (what the CLI's `demo` command calls) in the `default` workspace, makes a marketer API key for the
 * 360° requests, and sends back the timings, row counts, customer ids and the process's peak RSS.
 * argv: <postgres url | PGlite folder> <customers> <seed>
 */
import { systemActor } from '../../packages/server/src/domain/actor.ts'
import { createApiKey } from '../../packages/server/src/services/auth/api-keys.ts'
import { loadDemo } from '../../packages/server/src/services/demo/load-demo.ts'
import { ensureWorkspace } from '../../packages/server/src/services/workspaces/workspaces.ts'
import { childMain, openTarget, tellParent } from './open-target.ts'
import { sampleRss } from './rss-sampler.ts'

export interface LoadResult {
  type: 'result'
  workspaceId: number
  seconds: number
  entities: Array<{ entity: string; rows: number; seconds: number }>
  customerIds: number[]
  apiKey: string
  peakMiB: number
}

childMain(async () => {
  const [target, customers, seed] = process.argv.slice(2)
  if (!target || !customers || !seed) throw new Error('usage: platform-load <target> <customers> <seed>')
  const rss = sampleRss()
  const db = await openTarget(target)
  try {
    const ws = await ensureWorkspace(db, 'default')
    const actor = systemActor(ws, 'cli')
    const t0 = performance.now()
    const summaries = await loadDemo(db, {
      actor, customers: Number(customers), seed: Number(seed),
      onEntity: (s) => process.stderr.write(`  demo ${s.entity}: ${s.read} rows in ${s.seconds.toFixed(1)} s\n`),
    })
    const seconds = (performance.now() - t0) / 1000
    const apiKey = (await createApiKey(db, actor, { name: 'bench', role: 'marketer' })).key
    const ids = await db.query<{ id: number }>('SELECT id FROM customers WHERE workspace_id = $1 ORDER BY id', [ws])
    await tellParent({
      type: 'result', workspaceId: ws, seconds, apiKey,
      entities: summaries.map((s) => ({ entity: s.entity, rows: s.read, seconds: s.seconds })),
      customerIds: ids.map((r) => Number(r.id)),
      peakMiB: rss.processPeak(),
    } satisfies LoadResult)
  } finally {
    rss.stop()
    await db.close()
  }
})
