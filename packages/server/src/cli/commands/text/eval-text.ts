import type { Command } from 'commander'
import { UsageError } from '../../../errors/rapport-error.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { modelKind, progress, withModelOptions } from './options.ts'
import { readTexts } from '../../../features/texts.ts'
import { evaluateTextClassifier } from '../../../services/analytics/evaluate-text.ts'

interface EvalTextOpts extends Record<string, unknown> {
  file?: string
  train?: string
  test?: string
  textCol: string
  labelCol: string
  lang: 'zh' | 'en' | 'auto'
  model?: string
  folds: number
  seed: number
  report?: boolean
  json?: boolean
}

/**
 * `rapport eval text`: stratified k-fold CV on one file, or a fixed --train/--test split. Without --model it
 * evaluates the default as `rapport text train` fits it: the configuration is chosen by inner CV inside each
 * outer fold (nested CV), and the choice of every fold is reported.
 */
export function addEvalTextCommand(parent: Command): void {
  const cmd = parent
    .command('text')
    .description('evaluate a text classifier (sentiment, intent): stratified k-fold on --file, or --train/--test; without --model, a nested estimate of the default (its configuration chosen inside each fold)')
    .option('--file <file>', 'labelled texts for cross-validation')
    .option('--train <file>', 'training file of a fixed split')
    .option('--test <file>', 'test file of a fixed split')
    .requiredOption('--text-col <name>', 'column with the text')
    .requiredOption('--label-col <name>', 'column with the label')
    .option('--folds <k>', 'number of folds', numberOption('--folds'), 5)
    .option('--seed <n>', 'seed of the fold assignment and solvers', numberOption('--seed'), 0)
    .option('--report', 'include the per-class precision/recall/F1 report')
    .option('--json', 'print one JSON object')
  withModelOptions(cmd)
  withTableOptions(cmd).action(async (o: EvalTextOpts) => runEvalText(o))
}

async function runEvalText(o: EvalTextOpts): Promise<void> {
  const fixed = o.train !== undefined || o.test !== undefined
  if (fixed === (o.file !== undefined)) throw new UsageError('give either --file (cross-validation) or both --train and --test')
  if (fixed && (o.train === undefined || o.test === undefined)) throw new UsageError('--train and --test go together')
  if (!Number.isInteger(o.folds) || o.folds < 2) throw new UsageError(`--folds must be an integer >= 2, got ${o.folds}`)
  const topts = tableOptions(o)
  const firstFile = o.file ?? o.train
  if (firstFile === undefined) throw new UsageError('give either --file (cross-validation) or both --train and --test')
  const first = await readTexts(firstFile, o.textCol, o.labelCol, topts)
  const second = fixed && o.test !== undefined ? await readTexts(o.test, o.textCol, o.labelCol, topts) : undefined
  for (const r of [first, second]) if (r && r.emptyTexts > 0) info(`${r.file}: ${r.emptyTexts} row(s) with empty text kept`)
  const { perClass, ...result } = evaluateTextClassifier(first, second, {
    lang: o.lang,
    model: modelKind(o.model),
    folds: o.folds,
    seed: o.seed,
    onFold: (f, k) => progress(`fold ${f + 1}/${k}`),
  })
  if (o.json) return printJson({ ...result, ...(o.report ? { perClass } : {}) })
  const what = 'selection' in result ? (result.protocol === 'fixed split' ? 'default chosen on --train' : 'default, nested (chosen inside each fold)') : result.model
  printLine(`${result.protocol}, ${what}, ${result.classes} classes: accuracy ${result.accuracy.toFixed(4)}, macro-F1 ${result.macroF1.toFixed(4)}, fit ${result.fitSeconds.toFixed(2)} s`)
  if ('selection' in result) for (const s of result.selection) printLine(`  ${result.protocol === 'fixed split' ? 'chosen' : `fold ${s.fold}`}: ${s.chosen}`)
  if (o.report) printTable(['label', 'precision', 'recall', 'f1', 'support'], perClass.map((c) => [c.label, c.precision, c.recall, c.f1, c.support]))
}
