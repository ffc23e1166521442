/**
 * Uplift modelling on Hillstrom (women's e-mail vs no e-mail, outcome `visit`), issue 17 item 8: every
 * learner (the meta-learners T, S, class transformation, X × base model, and the uplift forest) and the
 * default (`--learner auto`) of `rapport eval uplift`, through the same loader and evaluation service, against
 * the scikit-learn figures of ../shared/data/hillstrom/SOURCE.md.
 */
import {
  ALL_UPLIFT_SPECS, DEFAULT_INCUMBENT, fitChoice, foldRows, predictChoice, selectRows, specName, upliftKFold, upliftScores,
  type UpliftChoice, type UpliftSpec,
} from '@rapport/ml'
import { readTable } from '../packages/server/src/io/read-table.ts'
import { evaluateUplift, upliftDataFromTable, type UpliftTable } from '../packages/server/src/services/analytics/evaluate-uplift.ts'
import { dataFile, markdownTable, writeResults } from './lib/report.ts'

const TARGET = { qini: 0.068, upliftAt30: 0.08 }
const FOLDS = 5
const SEED = 0

/** scikit-learn 1.2.1 figures measured by the data's curator (SOURCE.md), same protocol. */
const ANCHORS: Record<string, string> = {
  't-learner/logistic': '0.0622 / 0.0690',
  'class-transformation/logistic': '0.0613 / 0.0772',
  's-learner/gbdt': '0.0579 / 0.0754 (histogram GBDT)',
  't-learner/gbdt': '0.0536 / 0.0715 (histogram GBDT)',
  'class-transformation/gbdt': '0.0333 / 0.0637 (histogram GBDT)',
  's-learner/logistic': '0.0170 / 0.0566',
}

/**
 * What was tried while choosing the default, measured on development splits only: the same protocol with
 * seeds 1 and 2 (mean of the two 5-fold runs), never seed 0. Written down here, not rerun by the benchmark.
 */
const DEVELOPMENT: Array<[string, string, string]> = [
  ['x-learner/gbdt (the best single learner: the incumbent)', '0.0635 / 0.0708', ''],
  ['t-learner/logistic · class-transformation/logistic · s-learner/gbdt', '0.0615 / 0.0705 · 0.0597 / 0.0735 · 0.0585 / 0.0692', 'the other learners as they were'],
  ['uplift-forest/tree (new; defaults: 100 honest trees, depth ≤ 4, leaves ≥ 20 % of each arm)', '0.0623 / 0.0685', 'a second random stream of the same settings: 0.0634 / 0.0717'],
  ['uplift forest, other leaf sizes and depths', '0.0565 – 0.0640 / 0.068 – 0.074', 'best with few large leaves; smaller leaves, 4-feature splits or dishonest leaves were worse; not monotone in leaf size: noise'],
  ['x-learner/gbdt bagged ×5; depth 3, 100-row leaves, learning rate 0.02, 500 trees; depth 2, 200-row leaves', '0.0632 / 0.0712; 0.0632 / 0.0733; 0.0585 / 0.0662', 'no gain over the defaults'],
  ["Lo's logistic S-learner with treatment × feature columns scaled by c (stronger L2 on the interactions), c = 1, 0.3, 0.1", '0.0620 / 0.0684, 0.0627 / 0.0716, 0.0616 / 0.0666', 'not kept'],
  ['R-learner (residualised transformed outcome): ridge with α = 10⁴; boosting with depth 2 and 1,000-row leaves, early stopping', '0.0606 / 0.0642; 0.0592 / 0.0715', 'seed 1 only; not kept'],
  ['averages: of all nine learners (raw / rank); of t-learner/logistic, class-transformation/logistic, x-learner/gbdt (raw / rank)', '0.0577 / 0.0688, 0.0577 / 0.0695; 0.0625 / 0.0729, 0.0618 / 0.0730', 'rank averaging no better than averaging the uplift itself; not kept'],
  ['selection: best inner Qini over 8 learners + 28 pairs (the previous default)', '0.0584 / 0.0661', ''],
  ['selection: the same over 9 learners + 36 pairs; singles only; mean of the 2 best', '0.0577 / 0.0647; 0.0571 / 0.0638; 0.0595 / 0.0674', ''],
  ['selection: keep x-learner/gbdt unless a choice wins every inner fold; unless one is 10 % better', '0.0574 / 0.0651; 0.0618 / 0.0684', ''],
  ['selection: keep x-learner/gbdt unless a choice is a third better (the new default)', '0.0635 / 0.0708', 'on these splits it never switched'],
  ['reference: the column `womens` alone', '0.0640 / 0.0715', 'within each `womens` group the eight learners rank like chance: Qini of the group alone −0.016 … +0.003, where an arbitrary order (row order) gave −0.010'],
]

export const COMMAND = 'rapport eval uplift --file hillstrom.csv --treatment-col segment --treatment "Womens E-Mail" --control "No E-Mail" --outcome visit --drop conversion,spend --folds 5 --seed 0'

/** Reads Hillstrom exactly as the CLI command above does. */
export async function loadHillstrom(file: string): Promise<UpliftTable> {
  const table = await readTable(file)
  return upliftDataFromTable(table, { treatmentColumn: 'segment', treated: 'Womens E-Mail', control: 'No E-Mail', outcome: 'visit', drop: ['conversion', 'spend'] })
}

const pass = (ok: boolean): string => (ok ? 'met' : '**missed**')
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
const parseChoice = (name: string): UpliftChoice => {
  const specs = name.split(' + ').map((s) => ({ learner: s.split('/')[0], base: s.split('/')[1] }) as UpliftSpec)
  return specs.length === 1 ? (specs[0] as UpliftSpec) : specs
}

/** Training and test rows of fold f, on the same folds as the service. */
function foldData(data: UpliftTable, f: number) {
  const { train, test } = foldRows(upliftKFold(data.y, data.treatment, FOLDS, SEED), f)
  const part = (rows: Int32Array) => ({ frame: selectRows(data.frame, rows), y: Float64Array.from(rows, (i) => data.y[i] as number), treatment: Float64Array.from(rows, (i) => data.treatment[i] as number), schema: data.schema })
  return { train: part(train), test: part(test), testRows: test }
}

/** Out-of-fold scores of a given choice per fold (fitted on that fold's training rows). */
function scoreChoices(data: UpliftTable, choices: UpliftChoice[]) {
  return choices.map((choice, f) => {
    const { train, test } = foldData(data, f)
    return upliftScores(test.y, test.treatment, predictChoice(fitChoice(train, choice, { seed: SEED }), test.frame))
  })
}

/** Out-of-fold scores of ranking by one numeric column (no model). */
function scoreColumn(data: UpliftTable, values: ArrayLike<number>) {
  return Array.from({ length: FOLDS }, (_, f) => {
    const { test, testRows } = foldData(data, f)
    return upliftScores(test.y, test.treatment, Float64Array.from(testRows, (i) => values[i] as number))
  })
}

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
    const { result } = evaluateUplift(data, { folds: FOLDS, seed: SEED, learner })
    const seconds = (performance.now() - t0) / 1000
    rows.push([name, `${result.mean.qini_auc.toFixed(4)} ± ${result.std.qini_auc.toFixed(4)}`, result.mean.uplift_at_30, result.mean.uplift_at_30_by_group, seconds, ANCHORS[name] ?? '—'])
    return result
  }
  for (const spec of ALL_UPLIFT_SPECS) measure(specName(spec), spec)
  const auto = measure('auto (default)', 'auto')
  const chosen = auto.per_fold.map((f) => `fold ${f.fold}: ${f.learner}`).join('; ')

  // The previous rule (the best inner Qini, no incumbent) read off the same inner scores, refitted where it differs.
  const argmax = auto.per_fold.map((f) => Object.entries(f.inner_qini_auc ?? {}).sort((a, b) => b[1] - a[1])[0]?.[0] as string)
  const previous = scoreChoices(data, argmax.map(parseChoice))
  const womens = data.frame.columns.find((c) => c.name === 'womens')
  const reference = womens && womens.kind !== 'categorical' ? scoreColumn(data, womens.values) : undefined
  const extra = (name: string, s: typeof previous, note: string) => rows.push([name, `${mean(s.map((x) => x.qiniAuc)).toFixed(4)}`, mean(s.map((x) => x.upliftAt30)), mean(s.map((x) => x.upliftAt30ByGroup)), '—', note])
  extra('previous auto rule (best inner Qini), same inner CV', previous, `chose ${argmax.join('; ')}`)
  if (reference) extra('reference: the column `womens` alone (no model)', reference, 'picked by reading the whole file: not a fair competitor')

  const nSingles = ALL_UPLIFT_SPECS.length
  const nPairs = (nSingles * (nSingles - 1)) / 2
  const body = [
    `Command (the CLI; this benchmark calls the same loader and service): \`${COMMAND}\`.`,
    '',
    `${data.frame.nRows} customers (${data.treated} women's e-mail, ${data.controls} no e-mail), ${data.frame.columns.length} feature columns; ${FOLDS}-fold stratified by treatment × outcome, seed ${SEED}; figures are means over the folds of out-of-fold scores.`,
    'qini_auc is scikit-uplift\'s normalised `qini_auc_score(negative_effect=True)`; uplift@30 % is `uplift_at_k(k=0.3)` with strategy `overall` (the first ⌊0.3·N⌋ rows of the ranking; the reading this code takes of "average=\'first\'", which is not a scikit-uplift parameter), and `by_group` beside it for comparison. Ties are ranked later row first, as scikit-uplift\'s reversed stable sort does.',
    '',
    markdownTable(['learner', 'qini_auc (mean ± sd)', 'uplift@30 % (overall)', 'uplift@30 % (by_group)', 'seconds (5 folds)', 'scikit-learn qini / uplift@30 (SOURCE.md), or note'], rows),
    '',
    `Default (\`--learner auto\`): per outer fold, an inner 3-fold CV of that fold's training rows alone (the test fold never takes part) scores the ${nSingles} learners above and the ${nPairs} equal-weight averages of two of them by mean Qini AUC; the incumbent, ${specName(DEFAULT_INCUMBENT)}, is kept unless the best of them beats its inner Qini by more than a third of it. Chosen: ${chosen}. Its time includes the inner CV (${nSingles} learners × 3 inner folds × ${FOLDS} outer folds = ${nSingles * 3 * FOLDS} inner fits).`,
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
    '## How the default was chosen',
    '',
    'Every idea was measured on development splits only: the same protocol with seeds 1 and 2 (other fold assignments of the same rows), never on seed 0, and every choice inside an evaluation (the learner per outer fold, logistic C, GBDT early stopping) is made on that fold\'s training rows. The finding that decided it: on these data almost all the measurable effect is one split, `womens` (uplift ≈ 0.073 for customers who bought women\'s merchandise, ≈ 0.011 for the others; seen by tabulating the whole file, seed-0 test rows included, which is why its row above is only a reference: it suggested trying coarse uplift trees, whose settings were then set on the development splits); ranked within either group, no learner did better than chance on the development splits, so the learners differ by less than the noise of a Qini AUC on ~10,000 inner test rows. Picking the best of 36 noisy inner scores then mostly picks a lucky choice: on the development splits the previous default scored 0.0584 / 0.0661, below the incumbent it was choosing from, x-learner/gbdt (0.0635 / 0.0708, the best single learner there). Keeping that incumbent unless a choice is a third better on the inner CV (a bar above the ±20 % that lucky choices reached on those inner folds, below the gaps a real difference makes: the tests\' planted experiment) never switched on the development splits. The uplift forest was added as a candidate because it models the effect directly with large honest leaves, the inductive bias these data reward; it matched the other learners there, not better.',
    '',
    `Caveats: the development seeds re-split the same 42,693 rows, so seed 0 is not an independent test of choices made on them; and x-learner/gbdt's seed-0 figures (0.0652 / 0.0747) were already in this file when it was made the incumbent. The row "previous auto rule" was computed after the choice, on seed 0, and did not change it: ${mean(previous.map((x) => x.qiniAuc)).toFixed(4)} / ${mean(previous.map((x) => x.upliftAt30)).toFixed(4)} there against the default's ${auto.mean.qini_auc.toFixed(4)} / ${auto.mean.uplift_at_30.toFixed(4)}, where the development splits had the default ahead on both (0.0635 / 0.0708 against 0.0584 / 0.0661); with a fold-to-fold sd near 0.02, neither split tells the two rules apart with confidence. The targets are missed; nothing was tuned on seed 0.`,
    '',
    '## What was tried (development splits: seeds 1 and 2, mean qini_auc / uplift@30 %)',
    '',
    markdownTable(['idea', 'qini_auc / uplift@30 %', 'note'], DEVELOPMENT),
    '',
    'Seconds are wall time on a 2-core machine shared with other work; each fit runs on one core.',
  ].join('\n')
  writeResults('uplift', 'Uplift modelling (issue 17, item 8)', body)
}
