import { fork, type ChildProcess } from 'node:child_process'

/**
 * Runs a bench child script (`node --import tsx` is inherited) and resolves with the first message it sends
 * whose `type` is `type`; rejects when it exits before sending one. The child is left running (a server) or
 * has exited (a task) — `child` lets the caller stop a server.
 */
export function forkFor<T>(script: string, args: string[], type: string): { child: ChildProcess; message: Promise<T> } {
  const child = fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const message = new Promise<T>((resolve, reject) => {
    child.on('message', (msg: { type?: string; error?: string }) => {
      if (msg.type === 'error') reject(new Error(`${script}: ${msg.error}`))
      if (msg.type === type) resolve(msg as T)
    })
    child.on('exit', (code, signal) => reject(new Error(`${script} exited (${code ?? signal}) before sending "${type}"`)))
  })
  return { child, message }
}

/** Runs a child task to its end and returns its `result` message. */
export async function runChild<T>(script: string, args: string[]): Promise<T> {
  const { child, message } = forkFor<T>(script, args, 'result')
  const result = await message
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r))
  return result
}
