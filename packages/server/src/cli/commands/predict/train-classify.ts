import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { fitClassifier, permutationImportance, probaOfMatrix, rocAuc, transform } from '@rapport/ml'
import { InputError } from '../../../errors/rapport-error.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { tableOptions } from '../../table-flags.ts'
import { classifierOptions, dropList, withClassifyOptions } from './classify-options.ts'
import { loadLabelled } from './load-labelled.ts'

/** `rapport train classify`: fit on the whole file, save the model (schema + pipeline + model) as JSON. */
export function registerTrainClassify(group: Command): void {
  withClassifyOptions(group.command('classify').description('fit a classifier on a file and save it as JSON, with permutation importance'))
    .requiredOption('--out <path>', 'where to write model.json')
    .action(async (opts: Record<string, unknown>) => {
      const data = await loadLabelled(opts.file as string, tableOptions(opts), opts.target as string, opts.positive as string | undefined, dropList(opts))
      const options = classifierOptions(opts)
      const t0 = performance.now()
      const model = fitClassifier(data.frame, data.y, { schema: data.schema, target: { column: data.target, positive: data.positive } }, options)
      const fitSeconds = (performance.now() - t0) / 1000
      try {
        writeFileSync(opts.out as string, JSON.stringify(model))
      } catch (err) {
        throw new InputError(`${opts.out as string}: cannot write model: ${(err as Error).message}`)
      }
      info(`wrote ${opts.out as string}`)
      const X = transform(model.pipeline, data.frame)
      // On the training rows: says what the fitted model relies on, not how well it generalises (eval does that).
      const importance = permutationImportance((Z) => probaOfMatrix(model, Z), X, data.y, rocAuc, model.pipeline.featureInput, { repeats: 3, seed: options.seed ?? 0 })
        .map((r) => ({ input: model.pipeline.inputs[r.group]?.name ?? String(r.group), aucDrop: r.drop, std: r.std }))
        .sort((a, b) => b.aucDrop - a.aucDrop)
      const result = {
        out: opts.out,
        model: options.model,
        rows: data.frame.nRows,
        positives: data.y.reduce((a, b) => a + b, 0),
        target: data.target,
        positive: data.positive,
        features: model.pipeline.features.length,
        trainingAuc: rocAuc(data.y, probaOfMatrix(model, X)),
        fitSeconds,
        importance,
        importanceOn: 'training rows',
      }
      if (opts.json) return printJson(result)
      printLine(`${result.model} fitted on ${result.rows} rows in ${fitSeconds.toFixed(2)} s; training AUC ${result.trainingAuc.toFixed(4)}; saved to ${result.out as string}`)
      printLine('permutation importance (AUC drop when the column is shuffled, training rows):')
      printTable(['input', 'AUC drop', 'sd'], importance.map((r) => [r.input, r.aucDrop, r.std]))
    })
}
