import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface InboundMessage {
  mailFrom: string
  rcptTo: string[]
  raw: Buffer
}

export interface InboundSmtp {
  port: number
  close(): Promise<void>
}

/** A reply code and text for the sending server. */
export class InboundRefusal extends Error {
  constructor(readonly responseCode: number, message: string) {
    super(message)
  }
}

/**
 * An SMTP server on loopback that takes mail for the recipients `accepts` allows (others: 550 at RCPT TO) and
 * hands each message over raw (smtp-server, a library; parsing is the receiver's business, so a message that does
 * not parse is still delivered to it). Larger than `maxBytes`: 552 before any of it is kept.
 */
export async function startInboundSmtp(opts: {
  port: number
  maxBytes: number
  accepts(address: string): Promise<boolean>
  onMessage(m: InboundMessage): Promise<void>
  onError?: (err: Error) => void
}): Promise<InboundSmtp> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: opts.maxBytes,
    onRcptTo(address, _session, callback) {
      opts.accepts(address.address.toLowerCase()).then(
        (ok) => callback(ok ? undefined : new InboundRefusal(550, `no mailbox ${address.address} here`)),
        (err: unknown) => callback(new InboundRefusal(451, `try again later (${(err as Error).message})`)),
      )
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(new InboundRefusal(552, `message larger than ${opts.maxBytes} bytes`))
          return
        }
        const m = { mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', rcptTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw: Buffer.concat(chunks) }
        opts.onMessage(m).then(() => callback(), (err: unknown) => callback(err instanceof InboundRefusal ? err : new InboundRefusal(451, `try again later (${(err as Error).message})`)))
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  // A client's broken connection must not end the process.
  server.on('error', (err: Error) => opts.onError?.(err))
  return { port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
