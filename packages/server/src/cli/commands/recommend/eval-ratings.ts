import type { Command } from 'commander'
import { algorithmFitter, ratingAlgorithms, type FoldResult, type AlgorithmParams } from '@rapport/ml'
import { collectParam, numberOption, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { evaluateRatingModel, type RatingProtocol } from '../../../services/analytics/evaluate-ratings.ts'
import { readInteractionFiles, withColumnOptions, type ColumnFlags } from './load-interactions.ts'

interface Flags extends ColumnFlags {
  file?: string
  train?: string
  test?: string
  algo: string
  folds: number
  seed: number
  param?: AlgorithmParams
  json?: boolean
}

/** `rapport eval ratings`: k-fold CV (one shuffled split for all algorithms) or a fixed train/test pair. */
export function registerEvalRatings(evalGroup: Command): void {
  const cmd = evalGroup
    .command('ratings')
    .description('rating prediction accuracy (RMSE, MAE) and fit/predict time, by k-fold CV or on --train/--test files')
    .option('--file <file>', 'user,item,rating file for k-fold cross-validation (header detected: see --no-header)')
    .option('--train <file>', 'fixed training file (with --test)')
    .option('--test <file>', 'fixed test file (with --train)')
    .option('--algo <name>', `algorithm: ${Object.keys(ratingAlgorithms).join('|')}`, 'svd')
    .option('--folds <k>', 'folds for cross-validation', numberOption('--folds'), 5)
    .option('--seed <n>', 'seed of the fold split and of the algorithm', numberOption('--seed'), 0)
    .option('--param <name=value>', 'hyper-parameter, repeatable (e.g. factors=50, epochs=20, lr=0.01, reg=0.05, k=40)', collectParam)
    .option('--json', 'print one JSON object')
  withColumnOptions(withTableOptions(cmd), true)
  cmd.addHelpText('after', '\nA file whose first row has a number in the rating column is read as header-less (MovieLens u.data).')
  cmd.action(async (flags: Flags & Record<string, unknown>) => {
    const fixed = flags.train !== undefined || flags.test !== undefined
    if (fixed && (flags.train === undefined || flags.test === undefined)) throw new UsageError('--train and --test go together')
    if (fixed === (flags.file !== undefined)) throw new UsageError('give either --file (cross-validation) or --train and --test')
    if (!Number.isInteger(flags.folds) || flags.folds < 2) throw new UsageError(`--folds must be an integer >= 2, got ${flags.folds}`)
    let fit: ReturnType<typeof algorithmFitter>
    try {
      fit = algorithmFitter(ratingAlgorithms, flags.algo, flags.param ?? {})
    } catch (e) {
      throw new UsageError((e as Error).message)
    }
    const progress = (r: FoldResult) => {
      if (process.stderr.isTTY && !fixed) info(`fold ${r.fold + 1}/${flags.folds}: RMSE ${r.rmse.toFixed(4)}, fit ${r.fitSeconds.toFixed(2)} s`)
    }
    const files = fixed ? [flags.train, flags.test] : [flags.file]
    const { parts, ids } = await readInteractionFiles(files.filter((f): f is string => f !== undefined), flags, cmd, true)
    const [first, second] = parts
    if (first === undefined) throw new UsageError('give either --file (cross-validation) or --train and --test')
    const protocol: RatingProtocol = second !== undefined ? { kind: 'fixed', train: first, test: second } : { kind: 'cv', data: first, folds: flags.folds, source: String(flags.file) }
    const r = evaluateRatingModel(fit, protocol, flags.seed, progress)
    const { folds, ratings } = r
    const result = {
      algo: flags.algo,
      protocol: fixed ? 'train/test' : `${flags.folds}-fold`,
      ...(fixed ? { train: flags.train, test: flags.test } : { file: flags.file }),
      seed: flags.seed,
      params: flags.param ?? {},
      ratings,
      users: ids.users.size,
      items: ids.items.size,
      rmse: r.rmse,
      mae: r.mae,
      fitSeconds: r.fitSeconds,
      predictSeconds: r.predictSeconds,
      folds,
    }
    if (flags.json) return printJson(result)
    info(`${flags.algo} on ${ratings} ratings (${result.users} users, ${result.items} items), ${result.protocol}`)
    printTable(
      ['fold', 'RMSE', 'MAE', 'fit s', 'predict s'],
      [...folds.map((f) => [String(f.fold + 1), f.rmse, f.mae, f.fitSeconds, f.predictSeconds]), ['mean', result.rmse, result.mae, result.fitSeconds, result.predictSeconds]],
    )
  })
}
