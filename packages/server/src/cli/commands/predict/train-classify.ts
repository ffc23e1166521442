import type { Command } from 'commander'
import { printJson, printLine, printTable, info } from '../../output.ts'
import { tableOptions } from '../../table-flags.ts'
import { saveClassifier } from '../../../services/models/classifier-file.ts'
import { trainClassifier } from '../../../services/analytics/train-classifier.ts'
import { classifierOptions, dropList, withClassifyOptions } from './classify-options.ts'
import { loadLabelled } from './load-labelled.ts'

/** `rapport train classify`: fit on the whole file, save the model (schema + pipeline + model) in the model envelope. */
export function registerTrainClassify(group: Command): void {
  withClassifyOptions(group.command('classify').description('fit a classifier on a file and save it as JSON, with permutation importance'))
    .requiredOption('--out <path>', 'where to write model.json')
    .action(async (opts: Record<string, unknown>) => {
      const file = opts.file as string
      const drop = dropList(opts)
      const data = await loadLabelled(file, tableOptions(opts), opts.target as string, opts.positive as string | undefined, drop)
      const options = classifierOptions(opts)
      const { model, result: trained } = trainClassifier(data, options)
      saveClassifier(opts.out as string, model, {
        trainedOn: { file, rows: trained.rows, target: trained.target, positive: trained.positive },
        params: { ...options, drop },
        metrics: { trainingAuc: trained.trainingAuc, fitSeconds: trained.fitSeconds, importance: trained.importance, importanceOn: trained.importanceOn },
      })
      info(`wrote ${opts.out as string}`)
      const result = { out: opts.out, ...trained }
      if (opts.json) return printJson(result)
      printLine(`${result.model} fitted on ${result.rows} rows in ${result.fitSeconds.toFixed(2)} s; training AUC ${result.trainingAuc.toFixed(4)}; saved to ${result.out as string}`)
      printLine('permutation importance (AUC drop when the column is shuffled, training rows):')
      printTable(['input', 'AUC drop', 'sd'], result.importance.map((r) => [r.input, r.aucDrop, r.std]))
    })
}
