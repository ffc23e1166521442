import { Option, type Command } from 'commander'
import { info, printJson, printLine } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { saveTextModel, type TextTask } from '../../../services/models/text-model-file.ts'
import { trainTextModel } from '../../../services/analytics/train-text.ts'
import { modelKind, progress, withModelOptions } from './options.ts'
import { readTexts } from '../../../features/texts.ts'

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
  const model = modelKind(o.model)
  progress(`training a ${o.task ?? 'text'} model on ${data.texts.length} rows...`)
  const trained = trainTextModel(o.file, data.texts, data.labels, { task: o.task, positive: o.positive, lang: o.lang, model, seed: o.seed, wrongCost: o.wrongCost })
  saveTextModel(o.out, trained.settings, trained.classifier, {
    trainedOn: { file: o.file, rows: data.texts.length },
    params: { lang: o.lang, seed: o.seed, ...(trained.settings.task === 'intent' ? { wrongCost: o.wrongCost } : {}) },
  })
  const { task, fitSeconds } = trained.result
  const result = { out: o.out, ...trained.result }
  if (o.json) return printJson(result)
  printLine(`trained ${task} model (${String(result.model)}) on ${result.rows} rows, ${result.classes} classes in ${fitSeconds.toFixed(2)} s → ${o.out}`)
}
