import type { Command } from 'commander'
import { startWorker } from '../../../app/start-worker.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { info } from '../../output.ts'

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take background jobs from the queue on PostgreSQL (DATABASE_URL); run any number of these. On PGlite, `rapport serve` runs jobs itself')
    .option('--concurrency <n>', 'jobs of each kind to run at the same time (default: RAPPORT_WORKER_CONCURRENCY or 2)')
    .option('--desk-smtp-port <port>', "also receive the service desk's e-mail on this loopback port (run `rapport serve` with RAPPORT_DESK_SMTP_PORT=off then); 0 picks a free one")
    .action(async (opts: { concurrency?: string; deskSmtpPort?: string }) => {
      const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency)
      if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) throw new UsageError('--concurrency must be an integer from 1 to 64')
      const deskSmtpPort = opts.deskSmtpPort === undefined ? undefined : Number(opts.deskSmtpPort)
      if (deskSmtpPort !== undefined && !(/^\d+$/.test(opts.deskSmtpPort ?? '') && deskSmtpPort <= 65535)) throw new UsageError('--desk-smtp-port must be a port number from 0 to 65535')
      const worker = await startWorker({ concurrency, deskSmtpPort, log: info })
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve())
        process.once('SIGTERM', () => resolve())
      })
      await worker.stop()
    })
}
