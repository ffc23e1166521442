import { connect, type Socket } from 'node:net'
import nodemailer from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import { classifyMailFailure, MailError, type Mailer, type OutgoingMail, type SentMail } from './mailer.ts'

export interface SmtpServerConfig {
  host: string
  port: number
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  secure?: boolean | undefined
  /** Refuse to send without TLS (STARTTLS must succeed). */
  requireTls?: boolean | undefined
  auth?: { user: string; pass: string } | undefined
  /** Accept a self-signed certificate (development servers only). */
  allowSelfSigned?: boolean | undefined
}

export interface SmtpMailerOptions {
  /** Several servers: each send goes to the next in turn; a temporary failure tries the others before failing. */
  servers: SmtpServerConfig[]
  /** Connections kept open per server (default 5). */
  maxConnections?: number | undefined
  /** Messages per connection before it is renewed (default 100). */
  maxMessages?: number | undefined
  /** Socket and greeting timeouts in ms (default 30 s). */
  timeoutMs?: number | undefined
}

/**
 * Opens a pool connection with Nagle's algorithm off and hands nodemailer the connected socket (as it takes a
 * proxy's; STARTTLS still upgrades it when the server offers it). When our own attempt fails, nodemailer is told
 * to connect by itself instead of being given the error: its pool frees a connection's slot only when the
 * connection emits an error, and an error answered here does not, so after `maxConnections` refusals every
 * later send waited forever (smtp-mailer.test.ts reproduces it). Its own attempt then fails or succeeds through
 * its usual path. nodemailer must be answered exactly once: a refusal can be followed by our timer.
 */
export const noDelaySocket = (timeoutMs: number) => (options: { host?: string; port?: number }, callback: (err: Error | null, socketOptions?: { connection?: Socket }) => void): void => {
  const socket = connect({ host: options.host ?? 'localhost', port: options.port ?? 587 })
  socket.setNoDelay(true)
  coalesceWrites(socket)
  let answered = false
  const answer = (connected: boolean) => {
    if (answered) return
    answered = true
    clearTimeout(timer)
    socket.off('error', failed)
    if (connected) return callback(null, { connection: socket })
    socket.destroy()
    callback(null, {})
  }
  const failed = () => answer(false)
  const timer = setTimeout(failed, timeoutMs)
  socket.once('error', failed)
  socket.once('connect', () => answer(true))
}

/**
 * With Nagle off, every write is a syscall and a TCP segment of its own, and nodemailer writes a message's
 * DATA as the MIME parts come (about 11 writes for a campaign message, 14 with the commands). Writes issued in
 * one tick are gathered into one (cork, uncork on the next tick): about 5 per message, nothing waits longer
 * than the current tick. (After STARTTLS the TLS layer writes to the socket's handle directly, past this.)
 */
function coalesceWrites(socket: Socket): void {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean
  let corked = false
  const uncork = () => {
    corked = false
    socket.uncork()
  }
  socket.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true
      socket.cork()
      process.nextTick(uncork)
    }
    return write(...args)
  }) as Socket['write']
}

/**
 * E-mail over SMTP with nodemailer's pooled transport (a library: SMTP, TLS, pooling and MIME are generic;
 * what is Rapport's own is the send ledger around it). One pool per configured server.
 */
export function smtpMailer(opts: SmtpMailerOptions): Mailer {
  if (opts.servers.length === 0) throw new MailError('no SMTP server is configured', 'permanent', undefined)
  const timeout = opts.timeoutMs ?? 30_000
  const pools = opts.servers.map((s) =>
    nodemailer.createTransport({
      pool: true,
      host: s.host,
      port: s.port,
      secure: s.secure ?? false,
      requireTLS: s.requireTls ?? false,
      ...(s.auth && { auth: { user: s.auth.user, pass: s.auth.pass } }),
      maxConnections: opts.maxConnections ?? 5,
      maxMessages: opts.maxMessages ?? 100,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      tls: { rejectUnauthorized: !(s.allowSelfSigned ?? false) },
      // Nagle's algorithm off: with it each message's last small write waits for the server's delayed ACK
      // (≈ 40 ms on Linux), which caps a pooled connection near 25 messages/s (bench/results/campaigns.md).
      // Only for plain/STARTTLS servers: a socket handed over this way is not wrapped in TLS from the first byte.
      ...(!(s.secure ?? false) && { getSocket: noDelaySocket(timeout) }),
    } satisfies SMTPPool.Options),
  )
  let next = 0
  return {
    async verify() {
      for (const [i, p] of pools.entries()) {
        try {
          await p.verify()
        } catch (err) {
          const s = opts.servers[i] as SmtpServerConfig
          const e = classifyMailFailure(err)
          throw new MailError(`SMTP server ${s.host}:${s.port}: ${e.message}`, e.kind, e.responseCode, { cause: err })
        }
      }
    },
    async send(mail: OutgoingMail): Promise<SentMail> {
      const start = next
      next = (next + 1) % pools.length
      let last: MailError | undefined
      for (let k = 0; k < pools.length; k++) {
        const pool = pools[(start + k) % pools.length] as nodemailer.Transporter
        try {
          const info = await pool.sendMail({
            from: mail.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text,
            messageId: mail.messageId, headers: mail.headers,
          })
          return { messageId: String(info.messageId), response: String(info.response) }
        } catch (err) {
          last = classifyMailFailure(err)
          // A permanent refusal (a bad address) would be refused by the other servers too.
          if (last.kind === 'permanent') throw last
        }
      }
      throw last ?? new MailError('no SMTP server answered', 'temporary', undefined)
    },
    async close() {
      for (const p of pools) p.close()
    },
  }
}
