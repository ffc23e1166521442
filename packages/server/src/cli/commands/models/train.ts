import type { Command } from 'commander'
import { UsageError } from '../../../errors/rapport-error.ts'
import { implementedKinds } from '../../../services/intelligence/model-kinds.ts'
import { trainModel, type TrainRunResult } from '../../../services/intelligence/run-model.ts'
import { cliActor } from '../admin/cli-actor.ts'
import { formatNumber, info, printJson, printTable } from '../../output.ts'
import { progressBar } from '../../progress.ts'
import { collectParam, numberOption } from '../../table-flags.ts'
import { withDb } from '../../with-db.ts'

interface TrainFlags {
  workspace: string
  asOf?: string
  horizonDays?: number
  calibrationEnd?: string
  timeUnit?: string
  set?: Record<string, number | string>
  json?: boolean
}

/**
 * `rapport models train <kind>`: the same run as POST /api/v1/models/:kind/train, in this process: trains,
 * backtests, registers the version, and scores with it when it becomes active. Kind options come as flags
 * (the common ones) or `--set name=value`; they are checked by the kind, so a wrong one names itself.
 */
export function registerModelsTrain(models: Command): void {
  models
    .command('train <kind>')
    .description(`train a new version of a model kind (${implementedKinds().join(', ')}) on the workspace's stored data`)
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--as-of <date>', 'end of the data the run may see (default: just after the last order or event)')
    .option('--horizon-days <n>', 'churn / next-category horizon in days', numberOption('--horizon-days'))
    .option('--calibration-end <date>', 'CLV: end of the calibration period (YYYY-MM-DD); the rest is the holdout')
    .option('--time-unit <unit>', 'CLV: day or week')
    .option('--set <name=value>', 'any other training option of the kind (repeatable)', collectParam)
    .option('--json', 'print the run (status, metrics, fitted parameters, activation) as JSON on stdout')
    .action(async (kind: string, flags: TrainFlags) => {
      const asOf = flags.asOf === undefined ? undefined : new Date(flags.asOf)
      if (asOf && Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of: "${flags.asOf}" is not a date`)
      const options: Record<string, unknown> = { ...flags.set }
      if (flags.horizonDays !== undefined) options.horizon_days = flags.horizonDays
      if (flags.calibrationEnd !== undefined) options.calibration_end = flags.calibrationEnd
      if (flags.timeUnit !== undefined) options.time_unit = flags.timeUnit
      const bar = progressBar(`training ${kind}`)
      // Off a terminal there is no bar: each new stage is one line on stderr, so logs show where a run is.
      let stage = ''
      const report = (f: number, m: string) => {
        bar.update(f, m)
        if (!process.stderr.isTTY && m !== stage) info(`${kind}: ${Math.round(f * 100)}% ${(stage = m)}`)
      }
      const result = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        try {
          return await trainModel({ db, actor, ...(asOf && { asOf }), progress: async (f, m) => report(f, m) }, kind, options)
        } finally {
          bar.stop()
        }
      })
      if (flags.json) printJson(result)
      else printRun(result)
    })
}

function printRun(r: TrainRunResult): void {
  info(`${r.kind} version ${r.version} (id ${r.versionId}): ${r.status.replace('_', ' ')}${r.reason ? ` — ${r.reason}` : ''}`)
  const metrics = Object.entries(r.metrics).filter(([, v]) => v !== null)
  if (metrics.length > 0) printTable(['metric', 'value'], metrics.map(([k, v]) => [k, formatNumber(v as number)]))
  if (r.fitted) printTable(['fitted', 'value'], Object.entries(r.fitted).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : JSON.stringify(v)]))
  if (r.scored) info(`scored ${r.scored.rows} rows in ${r.seconds.score.toFixed(1)} s (training ${r.seconds.train.toFixed(1)} s)`)
}
