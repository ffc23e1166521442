/**
 * Child process: the loopback SMTP server every send of the campaigns benchmark goes to (Rapport's own
 * recorder, keeping no messages). It runs apart from the sender so parsing received mail does not share the
 * sender's event loop. It counts what arrives per Message-ID and answers the parent's questions over IPC:
 * `{ type: 'ids', prefix }` → `{ type: 'ids', total, ids }` (every received Message-ID starting with prefix,
 * once each, how many messages carried one, and the CPU seconds this process used since it was last asked),
 * then forgets them.
 */
import { startSmtpRecorder } from '../../packages/server/src/adapters/mailer/smtp-recorder.ts'

/** The sink's answers over IPC. */
export type SinkReply =
  | { type: 'ready'; port: number }
  | { type: 'ids'; total: number; ids: string[]; cpuSeconds: number }

const seen = new Map<string, number>()
let cpuFrom = process.cpuUsage()

const recorder = await startSmtpRecorder({
  keep: false,
  onMessage: (m) => {
    if (m.messageId !== undefined) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1)
  },
})

process.on('message', (msg: { type?: string; prefix?: string }) => {
  if (msg.type === 'ids') {
    const prefix = msg.prefix ?? ''
    const ids: string[] = []
    let total = 0
    for (const [id, n] of seen) {
      if (!id.startsWith(prefix)) continue
      ids.push(id)
      total += n
      seen.delete(id)
    }
    const cpu = process.cpuUsage(cpuFrom)
    cpuFrom = process.cpuUsage()
    process.send?.({ type: 'ids', total, ids, cpuSeconds: (cpu.user + cpu.system) / 1e6 } satisfies SinkReply)
  } else if (msg.type === 'stop') {
    void recorder.close().then(() => process.exit(0))
  }
})
process.on('disconnect', () => process.exit(0))
process.send?.({ type: 'ready', port: recorder.port } satisfies SinkReply)
