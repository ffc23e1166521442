import { Option, type Command } from 'commander'
import { fitIntentModel, fitTextClassifier, sentimentPolarity } from '@rapport/ml'
import { UsageError } from '../../../errors/rapport-error.ts'
import { info, printJson, printLine } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { saveTextModel, type TextTask } from './model-file.ts'
import { modelKind, progress, withModelOptions } from './options.ts'
import { readTexts } from './read-texts.ts'

interface TrainTextOpts extends Record<string, unknown> {
  file: string
  textCol: string
  labelCol: string
  out: string
  task?: TextTask
  positive?: string
  lang: 'zh' | 'en' | 'auto'
  model?: string
  seed: number
  wrongCost: number
  json?: boolean
}

/** `rapport text train`: fit a sentiment, intent or plain classifier and save it as JSON. */
export function addTrainTextCommand(parent: Command): void {
  const cmd = parent
    .command('train')
    .description('train a text model (sentiment, intent with hand-off threshold, or plain classifier) and save it as JSON')
    .requiredOption('--file <file>', 'labelled texts')
    .requiredOption('--text-col <name>', 'column with the text')
    .requiredOption('--label-col <name>', 'column with the label')
    .requiredOption('--out <file>', 'where to write the model JSON')
    .addOption(new Option('--task <task>', 'sentiment, intent or classify (default: sentiment for 2 labels, intent for more)').choices(['sentiment', 'intent', 'classify']))
    .option('--positive <label>', 'sentiment: the positive label (default: guessed from names such as 1, pos, positive, 正面)')
    .option('--wrong-cost <x>', 'intent: cost of a wrong routing relative to a right one, for the hand-off threshold', numberOption('--wrong-cost'), 1)
    .option('--seed <n>', 'seed of the validation split and solvers', numberOption('--seed'), 0)
    .option('--json', 'print one JSON object')
  withModelOptions(cmd)
  withTableOptions(cmd).action(async (o: TrainTextOpts) => runTrainText(o))
}

async function runTrainText(o: TrainTextOpts): Promise<void> {
  const data = await readTexts(o.file, o.textCol, o.labelCol, tableOptions(o))
  if (data.emptyTexts > 0) info(`${o.file}: ${data.emptyTexts} row(s) with empty text kept`)
  const distinct = [...new Set(data.labels)].sort()
  if (distinct.length < 2) throw new UsageError(`${o.file}: the label column has fewer than two distinct values`)
  const task: TextTask = o.task ?? (distinct.length === 2 ? 'sentiment' : 'intent')
  const common = { lang: o.lang, model: modelKind(o.model), seed: o.seed }
  progress(`training a ${task} model on ${data.texts.length} rows, ${distinct.length} classes...`)
  const t0 = performance.now()
  const trainedOn = { file: o.file, rows: data.texts.length }
  let summary: Record<string, unknown>
  if (task === 'intent') {
    const m = fitIntentModel(data.texts, data.labels, { ...common, wrongCost: o.wrongCost })
    saveTextModel(o.out, { task, threshold: m.threshold, validation: m.validation, trainedOn }, m.classifier)
    summary = { model: m.classifier.kind, threshold: m.threshold, validation: m.validation }
  } else {
    let polarity: { positive: string; negative: string } | undefined
    if (task === 'sentiment') {
      if (o.positive !== undefined && !distinct.includes(o.positive)) throw new UsageError(`--positive "${o.positive}" is not a label; labels are ${distinct.join(', ')}`)
      polarity = sentimentPolarity(distinct, o.positive)
    }
    const clf = fitTextClassifier(data.texts, data.labels, common)
    saveTextModel(o.out, { task, ...(polarity ? { polarity } : {}), trainedOn }, clf)
    summary = { model: clf.kind, ...(polarity ? { polarity } : {}), temperature: clf.model.temperature }
  }
  const fitSeconds = (performance.now() - t0) / 1000
  const result = { out: o.out, task, rows: data.texts.length, classes: distinct.length, labels: distinct, fitSeconds, ...summary }
  if (o.json) return printJson(result)
  printLine(`trained ${task} model (${String(summary.model)}) on ${data.texts.length} rows, ${distinct.length} classes in ${fitSeconds.toFixed(2)} s → ${o.out}`)
}
