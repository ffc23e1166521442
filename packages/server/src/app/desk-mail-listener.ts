import type { Queue } from '../adapters/queue/index.ts'
import { InboundRefusal, startInboundSmtp, type InboundSmtp } from '../adapters/mailer/inbound-smtp.ts'
import { receiveMail } from '../services/desk/inbound-mail.ts'
import { workspaceOfAddress } from '../services/desk/support-address.ts'
import type { Db } from '../store/db.ts'

/** Largest inbound message (bytes, attachments included): larger ones are refused with 552. */
export const DESK_MAIL_MAX_BYTES = 10 * 1024 * 1024

/**
 * The desk's inbound e-mail: an SMTP listener on loopback for <workspace slug>@<domain>. Each message is filed
 * (receiveMail) and its conversation queued for triage. A busy port falls back to a free one (said in the log).
 */
export async function startDeskMailListener(db: Db, queue: Queue, opts: { port: number; domain: string; log: (s: string) => void }): Promise<InboundSmtp> {
  const listen = (port: number) => startInboundSmtp({
    port,
    maxBytes: DESK_MAIL_MAX_BYTES,
    accepts: async (address) => (await workspaceOfAddress(db, address, opts.domain)) !== null,
    onMessage: async (m) => {
      for (const rcpt of m.rcptTo) {
        const ws = await workspaceOfAddress(db, rcpt, opts.domain)
        if (!ws) continue
        const outcome = await receiveMail(db, ws.id, { raw: m.raw, mailFrom: m.mailFrom, rcptTo: rcpt })
        if (outcome.status === 'refused') throw new InboundRefusal(552, outcome.reason)
        if (outcome.status === 'kept') opts.log(`desk mail for ${rcpt}: kept raw, not filed: ${outcome.reason}`)
        else if (outcome.status === 'opened' || outcome.status === 'threaded') await queue.enqueue('desk.triage', { ticket_ids: [outcome.ticketId] }, { workspaceId: ws.id, actorLabel: 'system', retryLimit: 1 })
      }
    },
    onError: (err) => opts.log(`desk mail: a client connection failed: ${err.message}`),
  })
  const server = await listen(opts.port).catch(async (e: unknown) => {
    if ((e as { code?: unknown }).code !== 'EADDRINUSE' || opts.port === 0) throw e
    return listen(0)
  })
  opts.log(`desk mail: send to <workspace>@${opts.domain} through smtp://127.0.0.1:${server.port}`)
  return server
}
