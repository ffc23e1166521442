/**
 * Uplift modelling on Hillstrom (women's e-mail vs no e-mail, outcome `visit`), issue 17 item 8: every
 * meta-learner (T, S, class transformation, X) × base model and the default (`--learner auto`) of `rapport eval uplift`, through the same
 * loader and evaluation service, against the scikit-learn figures of ../shared/data/hillstrom/SOURCE.md.
 */
import { ALL_UPLIFT_SPECS, specName, type UpliftSpec } from '@rapport/ml'
import { readTable } from '../packages/server/src/io/read-table.ts'
import { evaluateUplift, upliftDataFromTable, type UpliftTable } from '../packages/server/src/services/analytics/evaluate-uplift.ts'
import { dataFile, markdownTable, writeResults } from './lib/report.ts'

const TARGET = { qini: 0.068, upliftAt30: 0.08 }

/** scikit-learn 1.2.1 figures measured by the data's curator (SOURCE.md), same protocol. */
const ANCHORS: Record<string, string> = {
  't-learner/logistic': '0.0622 / 0.0690',
  'class-transformation/logistic': '0.0613 / 0.0772',
  's-learner/gbdt': '0.0579 / 0.0754 (histogram GBDT)',
  't-learner/gbdt': '0.0536 / 0.0715 (histogram GBDT)',
  'class-transformation/gbdt': '0.0333 / 0.0637 (histogram GBDT)',
  's-learner/logistic': '0.0170 / 0.0566',
}

export const COMMAND = 'rapport eval uplift --file hillstrom.csv --treatment-col segment --treatment "Womens E-Mail" --control "No E-Mail" --outcome visit --drop conversion,spend --folds 5 --seed 0'

/** Reads Hillstrom exactly as the CLI command above does. */
export async function loadHillstrom(file: string): Promise<UpliftTable> {
  const table = await readTable(file)
  return upliftDataFromTable(table, { treatmentColumn: 'segment', treated: 'Womens E-Mail', control: 'No E-Mail', outcome: 'visit', drop: ['conversion', 'spend'] })
}

const pass = (ok: boolean): string => (ok ? 'met' : '**missed**')

export async function run(_args: string[]): Promise<void> {
  const file = dataFile('hillstrom', 'hillstrom.csv')
  if (!file) {
    writeResults('uplift', 'Uplift modelling (issue 17, item 8)', 'Skipped: `../shared/data/hillstrom` is absent.')
    return
  }
  const data = await loadHillstrom(file)
  const rows: Array<Array<string | number>> = []
  const measure = (name: string, learner: UpliftSpec | 'auto') => {
    process.stderr.write(`uplift ${name}\n`)
    const t0 = performance.now()
    const { result } = evaluateUplift(data, { folds: 5, seed: 0, learner })
    const seconds = (performance.now() - t0) / 1000
    rows.push([name, `${result.mean.qini_auc.toFixed(4)} ± ${result.std.qini_auc.toFixed(4)}`, result.mean.uplift_at_30, result.mean.uplift_at_30_by_group, seconds, ANCHORS[name] ?? '—'])
    return result
  }
  for (const spec of ALL_UPLIFT_SPECS) measure(specName(spec), spec)
  const auto = measure('auto (default)', 'auto')
  const chosen = auto.per_fold.map((f) => `fold ${f.fold}: ${f.learner}`).join('; ')
  const body = [
    `Command (the CLI; this benchmark calls the same loader and service): \`${COMMAND}\`.`,
    '',
    `${data.frame.nRows} customers (${data.treated} women's e-mail, ${data.controls} no e-mail), ${data.frame.columns.length} feature columns; 5-fold stratified by treatment × outcome, seed 0; figures are means over the folds of out-of-fold scores.`,
    'qini_auc is scikit-uplift\'s normalised `qini_auc_score(negative_effect=True)`; uplift@30 % is `uplift_at_k(k=0.3)` with strategy `overall` (the first ⌊0.3·N⌋ rows of the ranking; the reading this code takes of "average=\'first\'", which is not a scikit-uplift parameter), and `by_group` beside it for comparison. Ties are ranked later row first, as scikit-uplift\'s reversed stable sort does.',
    '',
    markdownTable(['learner', 'qini_auc (mean ± sd)', 'uplift@30 % (overall)', 'uplift@30 % (by_group)', 'seconds (5 folds)', 'scikit-learn qini / uplift@30 (SOURCE.md)'], rows),
    '',
    `Default (\`--learner auto\`): per outer fold, the best mean Qini AUC over an inner 3-fold CV of that fold's training rows (the test fold never takes part) among the eight learners above and the 28 equal-weight averages of two of them. Chosen: ${chosen}. Its time includes the inner CV (8 learners × 3 inner folds × 5 outer folds = 120 inner fits).`,
    '',
    '## Targets (the default learner)',
    '',
    markdownTable(['metric', 'target', 'measured', 'result'], [
      ['qini_auc', `≥ ${TARGET.qini}`, auto.mean.qini_auc, pass(auto.mean.qini_auc >= TARGET.qini)],
      ['uplift@30 %', `≥ ${TARGET.upliftAt30}`, auto.mean.uplift_at_30, pass(auto.mean.uplift_at_30 >= TARGET.upliftAt30)],
      ['qini_auc vs best scikit-learn (0.0622)', '> 0.0622', auto.mean.qini_auc, auto.mean.qini_auc > 0.0622 ? 'above' : '**not above**'],
      ['uplift@30 % vs best scikit-learn (0.0772)', '> 0.0772', auto.mean.uplift_at_30, auto.mean.uplift_at_30 > 0.0772 ? 'above' : '**not above**'],
    ]),
    '',
    'Seconds are wall time on a 2-core machine shared with other work; each fit runs on one core.',
  ].join('\n')
  writeResults('uplift', 'Uplift modelling (issue 17, item 8)', body)
}
