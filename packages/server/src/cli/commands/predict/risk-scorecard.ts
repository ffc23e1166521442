import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { ScorecardOptions } from '@rapport/ml'
import { scorecardAnalysis } from '../../../services/analytics/risk-scorecard.ts'
import { InputError, UsageError } from '../../../errors/rapport-error.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { listOption, loadLabelled } from './load-labelled.ts'

/** `rapport risk scorecard`: binning, WoE/IV, points table, band bad rates and cross-validated AUC. */
export function registerRiskScorecard(group: Command): void {
  withTableOptions(group.command('scorecard').description('build a credit scorecard: monotone bins, WoE/IV, points, risk bands, cross-validated AUC'))
    .requiredOption('--file <path>', 'one row per applicant')
    .requiredOption('--target <column>', 'outcome column')
    .requiredOption('--positive <value>', 'value of the target meaning "bad"')
    .option('--drop <columns>', 'comma-separated columns to leave out')
    .option('--folds <k>', 'folds for the cross-validated AUC', numberOption('--folds'), 5)
    .option('--seed <n>', 'fold seed', numberOption('--seed'), 0)
    .option('--min-iv <x>', 'leave out characteristics with information value below this', numberOption('--min-iv'), 0.02)
    .option('--base-score <x>', 'score at the base odds', numberOption('--base-score'), 600)
    .option('--base-odds <x>', 'good:bad odds at the base score', numberOption('--base-odds'), 50)
    .option('--pdo <x>', 'points to double the odds', numberOption('--pdo'), 20)
    .option('--out <path>', 'save the scorecard as JSON')
    .option('--json', 'print one JSON object on stdout')
    .action(async (opts: Record<string, unknown>) => {
      const folds = opts.folds as number
      if (!Number.isInteger(folds) || folds < 2) throw new UsageError('--folds must be an integer >= 2')
      const data = await loadLabelled(opts.file as string, tableOptions(opts), opts.target as string, opts.positive as string, listOption(opts.drop as string | undefined))
      const options: ScorecardOptions = { minIv: opts.minIv as number, baseScore: opts.baseScore as number, baseOdds: opts.baseOdds as number, pdo: opts.pdo as number }
      const { card, cv, result: card_ } = scorecardAnalysis(data, options, folds, opts.seed as number)
      if (opts.out) {
        try {
          writeFileSync(opts.out as string, JSON.stringify(card))
        } catch (err) {
          throw new InputError(`${opts.out as string}: cannot write: ${(err as Error).message}`)
        }
        info(`wrote ${opts.out as string}`)
      }
      const result = { file: opts.file, ...card_ }
      const variables = result.variables
      if (opts.json) return printJson(result)
      printLine(`scorecard on ${result.rows} rows (${result.badRows} bad = ${data.target} ${data.positive}); ${folds}-fold CV AUC ${cv.auc.toFixed(4)}`)
      for (const v of variables) {
        printLine()
        printLine(`${v.name}  (IV ${v.iv.toFixed(3)})`)
        printTable(['bin', 'good', 'bad', 'WoE', 'points'], v.bins.map((b) => [b.bin, b.good, b.bad, b.woe, b.points]))
      }
      if (card.excluded.length) printLine(`\nleft out (IV < ${options.minIv}): ${card.excluded.map((e) => `${e.name} (${e.iv.toFixed(3)})`).join(', ')}`)
      printLine()
      printLine(`risk bands (score < ${card.bands.high.toFixed(0)} high, < ${card.bands.medium.toFixed(0)} medium, else low); out-of-fold bad rates:`)
      printTable(['band', 'rows', 'bad rate'], cv.bands.map((b) => [b.band, b.rows, b.badRate]))
    })
}
