import type { Command } from 'commander'
import { UsageError } from '../../../errors/rapport-error.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { numberOption, tableOptions } from '../../table-flags.ts'
import { stringColumn } from '../../../io/read-table.ts'
import { classifierOptions, dropList, withClassifyOptions } from './classify-options.ts'
import { loadLabelled } from './load-labelled.ts'
import { evaluateClassifier } from '../../../services/analytics/evaluate-classifier.ts'

/** `rapport eval classify`: stratified k-fold evaluation of a classifier family on a file. */
export function registerEvalClassify(group: Command): void {
  withClassifyOptions(group.command('classify').description('cross-validate a classifier (stratified k-fold): AUC, PR-AUC, log-loss, F1, cost, lift, fairness'))
    .option('--folds <k>', 'number of folds', numberOption('--folds'), 5)
    .option('--cost-fp <x>', 'cost of a false positive (flagging a negative)', numberOption('--cost-fp'))
    .option('--cost-fn <y>', 'cost of a false negative (missing a positive)', numberOption('--cost-fn'))
    .action(async (opts: Record<string, unknown>) => {
      const folds = opts.folds as number
      if (!Number.isInteger(folds) || folds < 2) throw new UsageError('--folds must be an integer >= 2')
      const hasCost = opts.costFp !== undefined || opts.costFn !== undefined
      if (hasCost && (opts.costFp === undefined || opts.costFn === undefined)) throw new UsageError('--cost-fp and --cost-fn go together')
      const data = await loadLabelled(opts.file as string, tableOptions(opts), opts.target as string, opts.positive as string | undefined, dropList(opts))
      const options = classifierOptions(opts)
      const tty = process.stderr.isTTY
      const cost = hasCost ? { fp: opts.costFp as number, fn: opts.costFn as number } : undefined
      const sensitive = typeof opts.sensitive === 'string' ? { column: opts.sensitive, values: stringColumn(data.table, opts.sensitive) } : undefined
      const { result: evaluation } = evaluateClassifier(data, { classifier: options, folds, cost, sensitive, onFold: (f, k) => tty && info(`fold ${f + 1}/${k} done`) })
      const result = { file: opts.file, ...evaluation }
      const threshold = result.threshold
      const fairness = result.fairness
      if (opts.json) return printJson(result)
      printLine(`${result.model}, ${folds}-fold stratified CV on ${result.rows} rows (${result.positives} positive = ${data.target} ${data.positive})`)
      printTable(['metric', 'value'], [
        ['ROC-AUC (mean ± sd)', `${result.auc.toFixed(4)} ± ${result.aucStd.toFixed(4)}`],
        ['PR-AUC', result.prAuc],
        ['log-loss', result.logloss],
        ['Brier', result.brier],
        [`accuracy @ ${threshold.toFixed(3)}`, result.accuracy],
        ['precision', result.precision],
        ['recall', result.recall],
        ['F1', result.f1],
        ...(result.cost ? [['mean cost', result.cost.meanCost] as [string, number]] : []),
        ['mean fit seconds', result.fitSeconds],
      ])
      printLine()
      printLine('lift by decile (out-of-fold scores):')
      printTable(['decile', 'rows', 'positives', 'rate', 'lift', 'cum. gain'], result.lift.map((r) => [r.bucket, r.rows, r.positives, r.rate, r.lift, r.cumulativeGain]))
      if (fairness) {
        printLine()
        printLine(`fairness by ${fairness.column} at threshold ${threshold.toFixed(3)}:`)
        printTable(['group', 'rows', 'positive rate', 'TPR', 'FPR', 'AUC'], fairness.groups.map((g) => [g.group, g.rows, g.positiveRate, g.tpr, g.fpr, g.auc]))
        printLine(`demographic parity difference ${fairness.demographicParityDifference.toFixed(4)}, equal opportunity difference ${fairness.equalOpportunityDifference.toFixed(4)}`)
      }
    })
}
