import type { Command } from 'commander'
import { startServer } from '../../../app/start-server.ts'
import { readConfig } from '../../../config.ts'
import { info } from '../../output.ts'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the REST API (PORT, default 4000); on first start creates the owner account and loads the demo workspace')
    .option('--port <n>', 'port to listen on (default: PORT or 4000)')
    .option('--host <host>', 'interface to listen on (default: HOST or localhost)')
    .option('--no-demo', 'do not load demo data into an empty database')
    .action(async (opts: { port?: string; host?: string; demo: boolean }) => {
      const config = readConfig({ ...process.env, ...(opts.port !== undefined && { PORT: opts.port }), ...(opts.host !== undefined && { HOST: opts.host }) })
      const server = await startServer(config, { demo: opts.demo && config.loadDemo, log: info })
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve)
        process.once('SIGTERM', resolve)
      })
      info('shutting down')
      await server.close()
    })
}
