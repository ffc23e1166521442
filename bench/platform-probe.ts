/**
 * Development probe for issue 15 (not a reported bench): `load <db name> <customers>` loads the demo into a new
 * PostgreSQL database of that name on the local server; `run <db name> <kind,kind,...|features>` times the named
 * stages on it through trainModel, as bench/platform.ts does, without writing any results file.
 * Run with: node --import tsx bench/platform-probe.ts load probe100k 100000
 */
import pg from 'pg'
import { systemActor } from '../packages/server/src/domain/actor.ts'
import { customerFeatures } from '../packages/server/src/features/store/customer-features.ts'
import { loadDemo } from '../packages/server/src/services/demo/load-demo.ts'
import { dataEnd } from '../packages/server/src/services/intelligence/data-end.ts'
import { ensureWorkspace } from '../packages/server/src/services/workspaces/workspaces.ts'
import { openTarget } from './lib/open-target.ts'
import { sampleRss } from './lib/rss-sampler.ts'
import { runKind } from './lib/run-stages.ts'

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const [cmd, name, arg] = process.argv.slice(2)
if (!cmd || !name || !arg || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: platform-probe load|run <db name> <customers|kinds>')
const url = base.replace(/\/[^/]*$/, `/${name}`)

if (cmd === 'load') {
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const db = await openTarget(url)
  const ws = await ensureWorkspace(db, 'default')
  const t0 = performance.now()
  await loadDemo(db, { actor: systemActor(ws, 'cli'), customers: Number(arg), seed: 1 })
  process.stderr.write(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s, workspace ${ws}\n`)
  await db.close()
} else {
  const db = await openTarget(url)
  const ws = await ensureWorkspace(db, 'default')
  const rss = sampleRss()
  for (const kind of arg.split(',')) {
    if (kind === 'features') {
      const t0 = performance.now()
      const f = await customerFeatures(db, ws, { asOf: await dataEnd(db, ws) })
      process.stderr.write(`features: ${f.frame.nRows} rows in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`)
      continue
    }
    const { row, run } = await runKind(db, ws, kind, {}, rss)
    process.stderr.write(`${kind}: ${row.status} wall ${row.seconds.toFixed(2)} train ${row.train?.toFixed(2)} score ${row.score?.toFixed(2)} rows ${row.rows}\n`)
    process.stderr.write(`  metrics ${JSON.stringify(run?.metrics ?? null)}\n  fitted ${JSON.stringify(run?.fitted ?? null)}\n`)
  }
  rss.stop()
  await db.close()
}
process.exit(0)
