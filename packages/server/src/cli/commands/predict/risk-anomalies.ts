import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { InputError, UsageError } from '../../../errors/rapport-error.ts'
import { readTable } from '../../../io/read-table.ts'
import { featureFrame } from '../../../features/labelled-table.ts'
import { anomalyScores } from '../../../services/analytics/risk-anomalies.ts'
import { info, printJson, printTable } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { listOption } from './load-labelled.ts'

/** `rapport risk anomalies`: isolation-forest scores in [0,1] and a flag on the top `contamination` share. */
export function registerRiskAnomalies(group: Command): void {
  withTableOptions(group.command('anomalies').description('flag unusual rows (transactions, accounts) with an isolation forest'))
    .requiredOption('--file <path>', 'table to score')
    .option('--features <columns>', 'comma-separated columns to use (default: all except id-like columns)')
    .option('--contamination <share>', 'share of rows to flag', numberOption('--contamination'), 0.01)
    .option('--trees <n>', 'isolation trees', numberOption('--trees'), 100)
    .option('--seed <n>', 'random seed', numberOption('--seed'), 0)
    .option('--top <n>', 'rows to list', numberOption('--top'), 20)
    .option('--out <path>', 'write a CSV: the input columns plus anomaly_score and anomaly_flag')
    .option('--json', 'print one JSON object on stdout')
    .action(async (opts: Record<string, unknown>) => {
      const contamination = opts.contamination as number
      if (!(contamination > 0 && contamination < 1)) throw new UsageError('--contamination must be in (0, 1)')
      const table = await readTable(opts.file as string, tableOptions(opts))
      if (table.rows.length < 2) throw new InputError(`${opts.file as string}: need at least 2 rows`)
      const frame = featureFrame(table, listOption(opts.features as string | undefined))
      if (frame.columns.length === 0) throw new InputError(`${opts.file as string}: no usable feature columns`)
      const { scores, flagged: isFlagged, flagCount, threshold, order, features } = anomalyScores(frame, { contamination, trees: opts.trees as number, seed: opts.seed as number })
      if (opts.out) {
        const rows = table.rows.map((r, i) => [...table.columns.map((_, j) => r[j] ?? ''), (scores[i] as number).toFixed(6), String(isFlagged[i])])
        try {
          writeFileSync(opts.out as string, stringify([[...table.columns, 'anomaly_score', 'anomaly_flag'], ...rows]))
        } catch (err) {
          throw new InputError(`${opts.out as string}: cannot write: ${(err as Error).message}`)
        }
        info(`wrote ${opts.out as string}`)
      }
      const top = order.slice(0, opts.top as number).map((i) => ({ line: table.lines[i] ?? 0, score: scores[i] as number, flagged: isFlagged[i] === 1 }))
      const result = { file: opts.file, rows: table.rows.length, features, contamination, threshold, flagged: flagCount, top }
      if (opts.json) return printJson(result)
      info(`${flagCount} of ${result.rows} rows flagged (score >= ${threshold.toFixed(4)}); features: ${result.features.join(', ')}`)
      printTable(['line', 'score', 'flagged'], top.map((t) => [t.line, t.score, t.flagged ? 'yes' : '']))
    })
}
