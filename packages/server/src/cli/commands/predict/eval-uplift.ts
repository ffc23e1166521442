import { Option, type Command } from 'commander'
import { ALL_UPLIFT_SPECS, specName, type UpliftSpec } from '@rapport/ml'
import { UsageError } from '../../../errors/rapport-error.ts'
import { readTable } from '../../../io/read-table.ts'
import { evaluateUplift, upliftDataFromTable } from '../../../services/analytics/evaluate-uplift.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { listOption } from './load-labelled.ts'

const LEARNER_NAMES = ['auto', ...ALL_UPLIFT_SPECS.map(specName)]

/** `rapport eval uplift`: stratified (treatment × outcome) k-fold evaluation of uplift meta-learners on a file. */
export function registerEvalUplift(group: Command): void {
  withTableOptions(group.command('uplift').description('cross-validate an uplift model on an experiment file: Qini AUC and uplift@30% per fold'))
    .requiredOption('--file <path>', 'table with one row per customer of an experiment')
    .requiredOption('--treatment-col <column>', 'column telling which arm each row was in')
    .requiredOption('--treatment <value>', 'value of that column for treated rows')
    .requiredOption('--control <value>', 'value of that column for control rows (rows in neither arm are left out)')
    .requiredOption('--outcome <column>', '0/1 outcome column')
    .option('--drop <columns>', 'comma-separated columns not to use as features (ids, other outcomes)')
    .option('--folds <k>', 'number of folds', numberOption('--folds'), 5)
    .option('--seed <n>', 'random seed', numberOption('--seed'), 0)
    .addOption(new Option('--learner <name>', 'learner/base model; auto: x-learner/gbdt unless inner CV on each training fold finds one a third better').choices(LEARNER_NAMES).default('auto'))
    .option('--trees <n>', 'gbdt: most boosting rounds (default 200)', numberOption('--trees'))
    .option('--json', 'print one JSON object on stdout')
    .action(async (opts: Record<string, unknown>) => {
      const folds = opts.folds as number
      if (!Number.isInteger(folds) || folds < 2) throw new UsageError('--folds must be an integer >= 2')
      const file = opts.file as string
      const table = await readTable(file, tableOptions(opts))
      const data = upliftDataFromTable(table, {
        treatmentColumn: opts.treatmentCol as string,
        treated: opts.treatment as string,
        control: opts.control as string,
        outcome: opts.outcome as string,
        drop: listOption(opts.drop as string | undefined),
      })
      for (const note of data.notes) info(note)
      const name = opts.learner as string
      const learner: UpliftSpec | 'auto' = name === 'auto' ? 'auto' : (ALL_UPLIFT_SPECS.find((s) => specName(s) === name) as UpliftSpec)
      const tty = process.stderr.isTTY
      const { result: evaluation } = evaluateUplift(data, {
        folds,
        seed: opts.seed as number,
        learner,
        ...(opts.trees !== undefined ? { trees: opts.trees as number } : {}),
        onFold: (f, k) => tty && info(`fold ${f + 1}/${k} done`),
      })
      const result = { file, treatment_column: opts.treatmentCol, treatment: opts.treatment, control: opts.control, ...evaluation }
      if (opts.json) return printJson(result)
      printLine(`${result.learner}, ${folds}-fold CV stratified by treatment × outcome on ${result.rows} rows (${result.treated_rows} treated, ${result.control_rows} control; outcome ${result.outcome})`)
      printTable(['fold', 'rows', 'learner', 'qini_auc', 'uplift_at_30'], [
        ...result.per_fold.map((f) => [String(f.fold), f.rows, f.learner, f.qini_auc, f.uplift_at_30]),
        ['mean', result.rows, result.learner, result.mean.qini_auc, result.mean.uplift_at_30],
      ])
      printLine(`qini_auc ${result.mean.qini_auc.toFixed(4)} ± ${result.std.qini_auc.toFixed(4)}; uplift_at_30 ${result.mean.uplift_at_30.toFixed(4)} ± ${result.std.uplift_at_30.toFixed(4)} (by_group ${result.mean.uplift_at_30_by_group.toFixed(4)}); mean fit ${result.fit_seconds.toFixed(1)} s`)
    })
}
