import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'

export interface RecordedMail {
  from: string
  to: string[]
  messageId: string | undefined
  subject: string | undefined
  text: string | undefined
  html: string | undefined
  headers: Record<string, string>
  receivedAt: Date
}

export interface SmtpRecorder {
  host: string
  port: number
  /** Every message accepted, in order. */
  messages: RecordedMail[]
  /** The last (up to 100) connection errors of clients, e.g. a reset by a client that was killed. */
  connectionErrors: string[]
  /**
   * Makes the next `count` RCPT TO commands answer with `code` (4xx temporary, 5xx permanent), e.g. to
   * simulate a server that defers or refuses; 0 restores normal service.
   */
  refuseNext(count: number, code: number, message?: string): void
  close(): Promise<void>
}

/**
 * An SMTP server on loopback that accepts and records every message (smtp-server + mailparser, both
 * libraries). The mailer's contract tests send to it; the built-in catcher of `rapport serve` is this server
 * with the messages stored for the Outbox page.
 */
export async function startSmtpRecorder(opts: {
  port?: number
  auth?: { user: string; pass: string }
  onMessage?: (m: RecordedMail) => void | Promise<void>
  /** Keep every message in `messages` (default true; the catcher stores them elsewhere and keeps none). */
  keep?: boolean
} = {}): Promise<SmtpRecorder> {
  const messages: RecordedMail[] = []
  const connectionErrors: string[] = []
  let refusals = 0
  let refusal = { code: 451, message: 'try again later' }
  const serverOptions: SMTPServerOptions = {
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    logger: false,
    size: 20 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) callback(null, { user: auth.username })
      else callback(Object.assign(new Error('invalid username or password'), { responseCode: 535 }))
    },
    onRcptTo(_address, _session, callback) {
      if (refusals > 0) {
        refusals--
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(async (parsed) => {
        const headers: Record<string, string> = {}
        for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim()
        const mail: RecordedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: parsed.messageId,
          subject: parsed.subject,
          text: parsed.text,
          html: typeof parsed.html === 'string' ? parsed.html : undefined,
          headers,
          receivedAt: new Date(),
        }
        if (opts.keep !== false) messages.push(mail)
        await opts.onMessage?.(mail)
        callback()
      }, (err: unknown) => callback(err as Error))
    },
  }
  const server = new SMTPServer(serverOptions)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  // After start-up, errors are a client's connection failing (a sender killed mid-message resets its socket):
  // the server goes on; unhandled, such an 'error' event would end the whole process.
  server.on('error', (err: Error) => {
    connectionErrors.push(err.message)
    if (connectionErrors.length > 100) connectionErrors.shift()
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    connectionErrors,
    host: '127.0.0.1',
    port,
    messages,
    refuseNext(count, code, message) {
      refusals = count
      refusal = { code, message: message ?? (code >= 500 ? 'mailbox unavailable' : 'try again later') }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
