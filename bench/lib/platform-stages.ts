/**
 * Child of bench/platform.ts: runStages (run-stages.ts) on a loaded workspace in a process of its own, so
 * that the peak RSS is the stages' alone (plus the opened database: PGlite's WASM heap lives in-process).
 * argv: <postgres url | PGlite folder> <workspace id>
 */
import { childMain, openTarget, tellParent } from './open-target.ts'
import { sampleRss } from './rss-sampler.ts'
import { runStages, type Stages } from './run-stages.ts'

export interface StagesResult extends Stages {
  type: 'result'
  /** Kernel high-water mark of this process (includes opening the database), MiB. */
  processPeakMiB: number
  /** Highest sampled RSS up to the database being open, MiB. */
  openPeakMiB: number
}

childMain(async () => {
  const [target, ws] = process.argv.slice(2)
  if (!target || !ws) throw new Error('usage: platform-stages <target> <workspace id>')
  const rss = sampleRss()
  const db = await openTarget(target)
  try {
    const openPeakMiB = rss.mark()
    const stages = await runStages(db, Number(ws), rss)
    await tellParent({ type: 'result', ...stages, processPeakMiB: rss.processPeak(), openPeakMiB } satisfies StagesResult)
  } finally {
    rss.stop()
    await db.close()
  }
})
