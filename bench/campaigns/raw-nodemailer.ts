/**
 * The baseline: nodemailer's pooled transport on its own, with the pool Rapport builds (20 connections, 1,000
 * messages each), sending one pre-rendered message (the benchmark template rendered once, with tracking) `n`
 * times with 20 in flight, each with its own recipient and Message-ID. No database, no rendering per message:
 * what the SMTP path alone sustains on this machine against the same server. Measured both with nodemailer's
 * own sockets (stock) and with the sockets Rapport's mailer opens (smtp-mailer.ts `noDelaySocket`: TCP_NODELAY,
 * the writes of one tick coalesced), so the sender is compared with a pool tuned as its own is.
 */
import nodemailer from 'nodemailer'
import { noDelaySocket } from '../../packages/server/src/adapters/mailer/smtp-mailer.ts'
import type { PersonalisedMessage } from '../../packages/server/src/services/campaigns/campaign-delivery.ts'
import type { SmtpSink } from './sink-client.ts'

export type RawSockets = 'stock' | 'nodelay'

export interface RawRun {
  sockets: RawSockets
  messages: number
  seconds: number
  received: number
  receivedDistinct: number
  /** CPU seconds of this process (the sending side) and of the SMTP server process during the run. */
  clientCpuSeconds: number
  serverCpuSeconds: number
}

export async function measureRawNodemailer(sink: SmtpSink, message: PersonalisedMessage, from: string, n: number, inFlight: number, tag: string, sockets: RawSockets): Promise<RawRun> {
  const pool = nodemailer.createTransport({
    pool: true, host: '127.0.0.1', port: sink.port, secure: false, maxConnections: inFlight, maxMessages: 1000,
    ...(sockets === 'nodelay' && { getSocket: noDelaySocket(30_000) }),
  })
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++
      await pool.sendMail({
        from, to: `raw${i}@bench.example`, subject: message.subject ?? '', html: message.html ?? undefined, text: message.text,
        messageId: `<raw.${tag}.${i}@bench.invalid>`, headers: message.headers,
      })
    }
  }
  try {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await Promise.all(Array.from({ length: inFlight }, worker))
    const seconds = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    const got = await sink.take(`<raw.${tag}.`)
    return { sockets, messages: n, seconds, received: got.total, receivedDistinct: got.ids.length, clientCpuSeconds: (cpu.user + cpu.system) / 1e6, serverCpuSeconds: got.serverCpuSeconds }
  } finally {
    pool.close()
  }
}
