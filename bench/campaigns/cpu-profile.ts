import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

/**
 * `--profile <file>`: a V8 CPU profile of this process during one step only (the sender), written as a
 * .cpuprofile (open it in Chrome DevTools or speedscope); without a file, the step runs unprofiled.
 */
export async function profiled<T>(file: string | undefined, step: () => Promise<T>): Promise<T> {
  if (!file) return step()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  try {
    return await step()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
    process.stderr.write(`wrote CPU profile ${file}\n`)
  }
}
