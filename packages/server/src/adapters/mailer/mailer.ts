/**
 * Sending e-mail: one interface, drivers behind it (SMTP through nodemailer; the built-in catcher is an SMTP
 * server too), one contract suite (mailer.contract.ts) every driver passes against a real server on loopback.
 * A failure says whether trying again can help: the send ledger retries temporary ones with backoff and marks
 * permanent ones failed.
 */
export interface OutgoingMail {
  from: string
  to: string
  subject: string
  html?: string | undefined
  text?: string | undefined
  /** Stable per recipient (the ledger's), so a resend after a crash is recognisable as the same message. */
  messageId: string
  headers?: Record<string, string> | undefined
}

export interface SentMail {
  /** The Message-ID the server accepted. */
  messageId: string
  /** The server's reply, e.g. "250 2.0.0 Ok: queued as …". */
  response: string
}

export interface Mailer {
  /** Checks that a server answers and accepts the credentials. */
  verify(): Promise<void>
  send(mail: OutgoingMail): Promise<SentMail>
  close(): Promise<void>
}

/** Temporary: a 4xx reply, a refused or dropped connection, a timeout. Permanent: a 5xx reply, a bad address. */
export type MailFailureKind = 'temporary' | 'permanent'

export class MailError extends Error {
  constructor(
    message: string,
    readonly kind: MailFailureKind,
    /** The SMTP reply code, when the server gave one. */
    readonly responseCode: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'MailError'
  }
}

const TEMPORARY_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ESOCKET', 'ECONNECTION', 'ETIMEOUT', 'EDNS'])

/** Classifies what nodemailer threw: by the SMTP reply code when there is one, else by the network error code. */
export function classifyMailFailure(err: unknown): MailError {
  if (err instanceof MailError) return err
  const e = err as { responseCode?: unknown; code?: unknown; message?: unknown }
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined
  const message = typeof e.message === 'string' ? e.message : String(err)
  if (reply !== undefined) return new MailError(message, reply >= 500 ? 'permanent' : 'temporary', reply, { cause: err })
  const code = typeof e.code === 'string' ? e.code : ''
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return new MailError(message, 'permanent', undefined, { cause: err })
  if (TEMPORARY_NET.has(code) || code === '') return new MailError(message, 'temporary', undefined, { cause: err })
  return new MailError(message, 'permanent', undefined, { cause: err })
}
