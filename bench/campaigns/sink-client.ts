import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { forkFor } from '../lib/fork-once.ts'
import type { SinkReply } from './smtp-sink.ts'

/** What the sink received under one Message-ID prefix since it was last asked. */
export interface Received {
  /** Messages received (a message sent twice counts twice). */
  total: number
  /** Their distinct Message-IDs. */
  ids: string[]
  /** CPU seconds the SMTP server process used since the previous take. */
  serverCpuSeconds: number
}

/** The loopback SMTP server of the benchmark, in its own process (smtp-sink.ts). */
export interface SmtpSink {
  port: number
  /** Takes (and forgets) what arrived under `prefix`. */
  take(prefix: string): Promise<Received>
  stop(): Promise<void>
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const script = fileURLToPath(new URL('./smtp-sink.ts', import.meta.url))
  const { child, message } = forkFor<Extract<SinkReply, { type: 'ready' }>>(script, [], 'ready')
  const { port } = await message
  return {
    port,
    take: (prefix) => ask(child, prefix),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.send({ type: 'stop' })
      await exited
    },
  }
}

function ask(child: ChildProcess, prefix: string): Promise<Received> {
  return new Promise((resolve) => {
    const onMessage = (msg: SinkReply) => {
      if (msg.type !== 'ids') return
      child.off('message', onMessage)
      resolve({ total: msg.total, ids: msg.ids, serverCpuSeconds: msg.cpuSeconds })
    }
    child.on('message', onMessage)
    child.send({ type: 'ids', prefix })
  })
}
