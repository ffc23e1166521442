import type { Command } from 'commander'
import {
  createAnalyzer,
  defaultAnalyzerConfig,
  defaultTextModel,
  encodeLabels,
  fitOnAnalyzed,
  multiclassReport,
  predictAnalyzed,
  stratifiedKFold,
} from '@rapport/ml'
import { UsageError } from '../../../errors/rapport-error.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { modelKind, progress, withModelOptions } from './options.ts'
import { readTexts } from './read-texts.ts'

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

/** `rapport eval text`: stratified k-fold CV on one file, or a fixed --train/--test split. */
export function addEvalTextCommand(parent: Command): void {
  const cmd = parent
    .command('text')
    .description('evaluate a text classifier (sentiment, intent): stratified k-fold on --file, or --train/--test')
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
  const first = await readTexts((o.file ?? o.train)!, o.textCol, o.labelCol, topts)
  const second = fixed ? await readTexts(o.test!, o.textCol, o.labelCol, topts) : undefined
  for (const r of [first, second]) if (r && r.emptyTexts > 0) info(`${r.file}: ${r.emptyTexts} row(s) with empty text kept`)
  const allLabels = [...first.labels, ...(second?.labels ?? [])]
  const { names, y } = encodeLabels(allLabels)
  if (names.length < 2) throw new UsageError(`${first.file}: the label column has fewer than two distinct values`)
  const kind = modelKind(o.model) ?? defaultTextModel(names.length)
  const analyzer = createAnalyzer(defaultAnalyzerConfig(o.lang))
  const t0 = performance.now()
  const docs = [...first.texts, ...(second?.texts ?? [])].map((t) => analyzer.analyze(t))
  const analyzeSeconds = (performance.now() - t0) / 1000
  const pred = new Int32Array(docs.length)
  const foldAccuracy: number[] = []
  let fitSeconds = 0
  let evalIdx: number[]
  const runSplit = (train: number[], test: number[]): void => {
    const t1 = performance.now()
    const { space, model } = fitOnAnalyzed(train.map((i) => docs[i]!), Int32Array.from(train, (i) => y[i]!), names.length, kind, { seed: o.seed })
    fitSeconds += (performance.now() - t1) / 1000
    const p = predictAnalyzed(space, model, test.map((i) => docs[i]!))
    let ok = 0
    test.forEach((i, r) => {
      pred[i] = p[r]!
      if (p[r] === y[i]) ok++
    })
    foldAccuracy.push(test.length ? ok / test.length : 0)
  }
  if (second) {
    const n1 = first.texts.length
    evalIdx = Array.from({ length: second.texts.length }, (_, r) => n1 + r)
    runSplit(Array.from({ length: n1 }, (_, i) => i), evalIdx)
  } else {
    if (docs.length < o.folds) throw new UsageError(`${first.file}: ${docs.length} rows cannot fill ${o.folds} folds`)
    const folds = stratifiedKFold(y, o.folds, o.seed)
    evalIdx = Array.from({ length: docs.length }, (_, i) => i)
    for (let f = 0; f < o.folds; f++) {
      progress(`fold ${f + 1}/${o.folds}`)
      const tr: number[] = []
      const te: number[] = []
      for (let i = 0; i < docs.length; i++) (folds[i] === f ? te : tr).push(i)
      runSplit(tr, te)
    }
  }
  const rep = multiclassReport(Int32Array.from(evalIdx, (i) => y[i]!), Int32Array.from(evalIdx, (i) => pred[i]!), names)
  const result = {
    protocol: second ? 'fixed split' : `stratified ${o.folds}-fold`,
    files: second ? { train: first.file, test: second.file } : { file: first.file },
    rows: second ? { train: first.texts.length, test: second.texts.length } : first.texts.length,
    classes: names.length,
    model: kind,
    lang: o.lang,
    seed: o.seed,
    accuracy: rep.accuracy,
    macroF1: rep.macroF1,
    foldAccuracy,
    fitSeconds,
    analyzeSeconds,
    ...(o.report ? { perClass: rep.perClass } : {}),
  }
  if (o.json) return printJson(result)
  printLine(`${result.protocol}, ${kind}, ${names.length} classes: accuracy ${rep.accuracy.toFixed(4)}, macro-F1 ${rep.macroF1.toFixed(4)}, fit ${fitSeconds.toFixed(2)} s`)
  if (o.report) printTable(['label', 'precision', 'recall', 'f1', 'support'], rep.perClass.map((c) => [c.label, c.precision, c.recall, c.f1, c.support]))
}
