import type { Command } from 'commander'
import { algorithmFitter, topNAlgorithms, type AlgorithmParams } from '@rapport/ml'
import { collectParam, numberOption, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { evaluateTopNModel, topNSplit, type TopNProtocol } from '../../../services/analytics/evaluate-top-n.ts'
import { readInteractionFiles, withColumnOptions, type ColumnFlags } from './load-interactions.ts'

interface Flags extends ColumnFlags {
  file?: string
  train?: string
  test?: string
  algo: string
  k: number
  seed: number
  ratio: number
  stratify: 'user' | 'item'
  param?: AlgorithmParams
  json?: boolean
}

/** `rapport eval topn`: top-k ranking quality under Microsoft Recommenders' stratified split. */
export function registerEvalTopN(evalGroup: Command): void {
  const cmd = evalGroup
    .command('topn')
    .description('top-N recommendation quality (nDCG, precision, recall, MAP at k; coverage) on a stratified split')
    .option('--file <file>', 'user,item[,rating] interactions; split 75/25 within each user (or item), seeded')
    .option('--train <file>', 'fixed training file (with --test) instead of a split')
    .option('--test <file>', 'fixed test file (with --train)')
    .option('--algo <name>', `algorithm: ${Object.keys(topNAlgorithms).join('|')}`, 'ease')
    .option('--k <n>', 'list length', numberOption('--k'), 10)
    .option('--seed <n>', 'seed of the split and of the algorithm', numberOption('--seed'), 42)
    .option('--ratio <r>', 'training share within each group', numberOption('--ratio'), 0.75)
    .option('--stratify <by>', 'split within each item (the protocol in design.md) or each user (Microsoft Recommenders default)', 'item')
    .option('--param <name=value>', 'hyper-parameter, repeatable (e.g. lambda=500, factors=32, alpha=5, reg=10, neighbours=100)', collectParam)
    .option('--json', 'print one JSON object')
  withColumnOptions(withTableOptions(cmd), false)
  cmd.addHelpText('after', '\nEvery interaction counts as one positive (ratings are binarised). A file whose first row has a number\nin the rating column (or, with two columns, the item column) is read as header-less.')
  cmd.action(async (flags: Flags & Record<string, unknown>) => {
    const fixed = flags.train !== undefined || flags.test !== undefined
    if (fixed && (flags.train === undefined || flags.test === undefined)) throw new UsageError('--train and --test go together')
    if (fixed === (flags.file !== undefined)) throw new UsageError('give either --file (stratified split) or --train and --test')
    if (!Number.isInteger(flags.k) || flags.k < 1) throw new UsageError(`--k must be a positive integer, got ${flags.k}`)
    if (!(flags.ratio > 0 && flags.ratio < 1)) throw new UsageError(`--ratio must be in (0, 1), got ${flags.ratio}`)
    if (flags.stratify !== 'user' && flags.stratify !== 'item') throw new UsageError(`--stratify must be user or item, got "${flags.stratify}"`)
    let fit: ReturnType<typeof algorithmFitter>
    try {
      fit = algorithmFitter(topNAlgorithms, flags.algo, flags.param ?? {})
    } catch (e) {
      throw new UsageError((e as Error).message)
    }
    const files = fixed ? [flags.train, flags.test] : [flags.file]
    const { parts } = await readInteractionFiles(files.filter((f): f is string => f !== undefined), flags, cmd, false)
    const [first, second] = parts
    if (first === undefined) throw new UsageError('give either --file (stratified split) or --train and --test')
    const protocol: TopNProtocol = second !== undefined ? { kind: 'fixed', train: first, test: second } : { kind: 'split', data: first, stratify: flags.stratify, ratio: flags.ratio }
    const { train, test } = topNSplit(protocol, flags.seed)
    if (process.stderr.isTTY) info(`fitting ${flags.algo} on ${train.users.length} interactions…`)
    const m = evaluateTopNModel(fit, train, test, flags.k, flags.seed)
    const result = {
      algo: flags.algo,
      protocol: fixed ? 'train/test' : `stratified by ${flags.stratify}, ${flags.ratio} train`,
      ...(fixed ? { train: flags.train, test: flags.test } : { file: flags.file }),
      seed: flags.seed,
      params: flags.param ?? {},
      k: flags.k,
      trainInteractions: m.trainInteractions,
      testInteractions: m.testInteractions,
      users: m.users,
      ndcg: m.ndcg,
      precision: m.precision,
      recall: m.recall,
      map: m.map,
      coverage: m.coverage,
      fitSeconds: m.fitSeconds,
      evalSeconds: m.evalSeconds,
    }
    if (flags.json) return printJson(result)
    info(`${flags.algo}: ${result.protocol}, ${m.users} test users`)
    printTable(
      [`nDCG@${flags.k}`, `P@${flags.k}`, `R@${flags.k}`, `MAP@${flags.k}`, 'coverage', 'fit s'],
      [[m.ndcg, m.precision, m.recall, m.map, m.coverage, result.fitSeconds]],
    )
  })
}
