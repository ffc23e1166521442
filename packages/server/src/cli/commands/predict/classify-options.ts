import { Option, type Command } from 'commander'
import type { ClassifierOptions, ModelKind } from '@rapport/ml'
import { numberOption, withTableOptions } from '../../table-flags.ts'
import { listOption } from './load-labelled.ts'

/** Options shared by `eval classify` and `train classify`. */
export function withClassifyOptions(cmd: Command): Command {
  return withTableOptions(cmd)
    .requiredOption('--file <path>', 'table with one row per customer')
    .requiredOption('--target <column>', 'column to predict (two values)')
    .option('--positive <value>', 'value of the target that counts as positive (default: yes/true/1, else the rarer value)')
    .option('--drop <columns>', 'comma-separated columns not to use as features (e.g. an id)')
    .addOption(new Option('--model <kind>', 'model family; blend averages the log-odds of logistic and gbdt (a bag of 5)').choices(['logistic', 'gbdt', 'tree', 'blend']).default('logistic'))
    .option('--seed <n>', 'random seed', numberOption('--seed'), 0)
    .addOption(new Option('--calibration <how>', 'recalibrate probabilities on inner folds').choices(['none', 'platt', 'isotonic']).default('none'))
    .option('--sensitive <column>', 'report fairness by this column')
    .option('--exclude-sensitive', 'do not train on the --sensitive column (it is still reported on)')
    .option('--trees <n>', 'gbdt: boosting rounds (default 200)', numberOption('--trees'))
    .option('--json', 'print one JSON object on stdout')
}

/** Feature columns to drop (explicit --drop, plus --sensitive when excluded). */
export function dropList(opts: Record<string, unknown>): string[] {
  const drop = listOption(opts.drop as string | undefined)
  if (opts.excludeSensitive && typeof opts.sensitive === 'string') drop.push(opts.sensitive)
  return drop
}

export function classifierOptions(opts: Record<string, unknown>): ClassifierOptions {
  const trees = opts.trees as number | undefined
  return {
    model: opts.model as ModelKind,
    seed: opts.seed as number,
    calibration: opts.calibration as 'none' | 'platt' | 'isotonic',
    ...(trees !== undefined ? { gbdt: { nTrees: trees } } : {}),
  }
}
