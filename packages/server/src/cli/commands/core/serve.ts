import type { Command } from 'commander'
import { loadDemo } from '../../../services/demo/load-demo.ts'
import type { Db } from '../../../store/db.ts'
import { dbConfigFromEnv, describeDb, openDb } from '../../../store/open-db.ts'
import { info } from '../../output.ts'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the REST API (PORT, default 4000); loads the demo data into an empty database')
    .option('--port <n>', 'port to listen on (default: PORT or 4000)')
    .option('--host <host>', 'interface to listen on (default: HOST or localhost)')
    .option('--no-demo', 'do not load demo data into an empty database')
    .action(async (opts: { port?: string; host?: string; demo: boolean }) => {
      const config = dbConfigFromEnv()
      const t0 = performance.now()
      const db = await openDb(config)
      info(`database: ${describeDb(config)} (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`)
      if (opts.demo && process.env.RAPPORT_DEMO !== '0' && (await isEmpty(db))) {
        info('empty database: loading demo data (rapport demo) ...')
        await loadDemo(db, { workspaceId: 1, onEntity: (s) => info(`  ${s.entity}: ${s.read} rows in ${s.seconds.toFixed(1)} s`) })
      }
      // Loaded here so the other commands don't pay for Fastify at start-up.
      const { buildApp } = await import('../../../api/build-app.ts')
      const app = await buildApp({ db })
      const port = Number(opts.port ?? process.env.PORT ?? 4000)
      const host = opts.host ?? process.env.HOST ?? 'localhost'
      await app.listen({ port, host })
      info(`Rapport API on http://${host}:${port} (docs at /docs) — ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
      await new Promise<void>((resolve) => {
        const stop = () => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      info('shutting down')
      await app.close()
      await db.close()
    })
}

async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM customers LIMIT 1')
  return rows.length === 0
}
