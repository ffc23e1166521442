// The compute thread: loads the TypeScript task table through tsx and answers one call at a time.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { computeTasks } = await import('./compute-tasks.ts')
parentPort.on('message', ({ id, task, args }) => {
  try {
    parentPort.postMessage({ id, result: computeTasks[task](...args) })
  } catch (err) {
    parentPort.postMessage({ id, error: { message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined } })
  }
})
