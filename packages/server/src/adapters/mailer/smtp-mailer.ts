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
