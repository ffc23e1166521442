/**
 * Predictive models on public data, side by side with the scikit-learn anchors of issue 5:
 * Telco churn (5-fold stratified ROC-AUC), German credit (AUC and mean cost with the 5:1 matrix at the
 * theoretical threshold 1/6), the German credit scorecard's CV AUC, and GBDT fit time on Telco.
 */
import {
  classifierProba,
  costThreshold,
  crossValidateScorecard,
  explainRows,
  fairnessReport,
  fitClassifier,
  fitGbdt,
  fitPipeline,
  meanCost,
  type ClassifierOptions,
  type ModelKind,
} from '@rapport/ml'
import { readLabelled, type Labelled } from '../packages/server/src/features/labelled-table.ts'
import { evaluateClassifier } from '../packages/server/src/services/analytics/evaluate-classifier.ts'
import type { TableOptions } from '../packages/server/src/io/table-options.ts'
import { dataFile, markdownTable, writeResults } from './lib/report.ts'

export type Dataset = Labelled

/** Reads a file exactly as `rapport eval classify` does: the features loader the CLI calls. */
export async function loadDataset(file: string, opts: TableOptions, target: string, positive: string, drop: string[] = []): Promise<Dataset> {
  return readLabelled(file, opts, target, positive, drop)
}

/** 5-fold stratified CV of one model family through the evaluation service behind `rapport eval classify`. */
export function evaluate(d: Dataset, model: ModelKind, folds = 5, seed = 0, extra: ClassifierOptions = {}) {
  const { result, oof } = evaluateClassifier(d, { classifier: { ...extra, model, seed }, folds })
  return { auc: result.auc, prAuc: result.prAuc, logloss: result.logloss, fitSeconds: result.fitSeconds, oof }
}

const pass = (ok: boolean): string => (ok ? 'met' : '**MISSED**')

export async function run(_args: string[]): Promise<void> {
  const sections: string[] = []
  const telcoFile = dataFile('telco-churn', 'WA_Fn-UseC_-Telco-Customer-Churn.csv')
  if (!telcoFile) sections.push('## Telco churn\n\nSkipped: `../shared/data/telco-churn` is absent.')
  else {
    const d = await loadDataset(telcoFile, {}, 'Churn', 'Yes', ['customerID'])
    const rows: Array<Array<string | number>> = []
    let best = 0
    let bestModel = ''
    const anchors: Record<string, string> = { logistic: '0.845 (LogisticRegression)', gbdt: '0.843 (GradientBoosting)' }
    for (const model of ['logistic', 'gbdt', 'tree', 'blend'] as ModelKind[]) {
      process.stderr.write(`telco ${model}\n`)
      const r = evaluate(d, model)
      if (r.auc > best) [best, bestModel] = [r.auc, model]
      rows.push([model, r.auc, r.prAuc, r.logloss, r.fitSeconds, anchors[model] ?? '—'])
    }
    // The blend before GBDT bagging, for comparison only (it does not compete for "best").
    const one = evaluate(d, 'blend', 5, 0, { gbdt: { bags: 1 } })
    rows.push(['blend, 1 gbdt bag (comparison)', one.auc, one.prAuc, one.logloss, one.fitSeconds, '—'])
    // Context, not a second chance: how much the fold split alone moves the best model's AUC.
    const seedAucs = [best]
    const oneBagAucs = [one.auc]
    for (let seed = 1; seed < 5; seed++) {
      process.stderr.write(`telco ${bestModel} seed ${seed}\n`)
      seedAucs.push(evaluate(d, bestModel as ModelKind, 5, seed).auc)
      if (bestModel === 'blend') oneBagAucs.push(evaluate(d, 'blend', 5, seed, { gbdt: { bags: 1 } }).auc)
    }
    const meanOf = (a: number[]): number => a.reduce((x, v) => x + v, 0) / a.length
    const sdOf = (a: number[]): number => Math.sqrt(a.reduce((x, v) => x + (v - meanOf(a)) ** 2, 0) / a.length)
    const spread = (a: number[]): string => `${a.map((v) => v.toFixed(5)).join(', ')}; mean ${meanOf(a).toFixed(5)} ± ${sdOf(a).toFixed(5)}`
    // GBDT speed: 200 trees on all 7,043 rows (the default model), wall and CPU seconds, best of 3.
    const { matrix } = fitPipeline(d.frame, d.y)
    let wall = Infinity
    let cpu = Infinity
    for (let rep = 0; rep < 3; rep++) {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      fitGbdt(matrix, d.y, { nTrees: 200 })
      wall = Math.min(wall, (performance.now() - t0) / 1000)
      cpu = Math.min(cpu, process.cpuUsage(c0).user / 1e6)
    }
    // Fairness of the best model by gender and SeniorCitizen (out-of-fold, threshold 0.5).
    const oof = evaluate(d, bestModel as ModelKind).oof
    const fair = ['gender', 'SeniorCitizen'].map((col) => {
      const ci = d.table.columns.indexOf(col)
      const rep = fairnessReport(d.y, oof, d.table.rows.map((r) => r[ci] ?? ''), 0.5)
      return [col, rep.groups.map((g) => `${g.group}: rate ${g.positiveRate.toFixed(3)}, TPR ${g.tpr.toFixed(3)}, AUC ${g.auc.toFixed(3)}`).join('; '), rep.demographicParityDifference, rep.equalOpportunityDifference]
    })
    // One explained prediction (a model fitted on all rows; the first customer).
    const full = fitClassifier(d.frame, d.y, { schema: d.schema, target: { column: 'Churn', positive: 'Yes' } }, { model: 'logistic' })
    const [e] = explainRows(full, d.frame, [0])
    const p0 = classifierProba(full, d.frame)[0] ?? 0
    sections.push(
      [
        '## Telco churn (7,043 customers, target `Churn` = Yes, `customerID` dropped)',
        '',
        'Stratified 5-fold CV (seed 0), same folds for every model; AUC, PR-AUC and log-loss are means over folds; fit seconds are the mean wall time of one fold fit (pipeline + model) on this shared machine.',
        '',
        markdownTable(['model', 'ROC-AUC', 'PR-AUC', 'log-loss', 'fit s', 'scikit-learn anchor'], rows),
        '',
        `Target: best model ROC-AUC >= 0.850 → best is **${bestModel} ${best.toFixed(5)}**: ${pass(best >= 0.85)}.`,
        '',
        `Split sensitivity of ${bestModel} (same protocol, fold seeds 0–4): ${spread(seedAucs)}.` +
          (oneBagAucs.length === 5 ? ` The same with 1 GBDT bag: ${spread(oneBagAucs)}.` : '') +
          ' The verdict above uses seed 0 only' +
          (Math.abs(best - 0.85) < sdOf(seedAucs) ? `; its distance to the target (${Math.abs(best - 0.85).toFixed(5)}) is smaller than the spread over fold seeds.` : '.'),
        '',
        `GBDT fit, 200 trees, depth 3, all 7,043 rows × ${matrix.cols} features (best of 3): **${wall.toFixed(3)} s wall, ${cpu.toFixed(3)} s CPU** → target < 2 s: ${pass(wall < 2)}.`,
        '',
        `Fairness of ${bestModel} (out-of-fold probabilities, threshold 0.5):`,
        '',
        markdownTable(['attribute', 'groups', 'demographic parity diff', 'equal opportunity diff'], fair as Array<Array<string | number>>),
        '',
        `Example explanation (logistic, customer ${d.table.rows[0]?.[0]}, P(churn) = ${p0.toFixed(3)}): ` +
          (e?.contributions.slice(0, 4).map((c) => `${c.input} = ${c.value}: ${c.probability >= 0 ? '+' : ''}${c.probability.toFixed(3)}`).join('; ') ?? ''),
      ].join('\n'),
    )
  }
  const germanFile = dataFile('german-credit', 'german.data')
  if (!germanFile) sections.push('## German credit\n\nSkipped: `../shared/data/german-credit` is absent.')
  else {
    const d = await loadDataset(germanFile, { sep: 'whitespace', header: false }, 'c21', '2')
    const cost = { fp: 1, fn: 5 }
    const t = costThreshold(cost)
    const rows: Array<Array<string | number>> = []
    const results: Record<string, { auc: number; cost: number }> = {}
    for (const model of ['logistic', 'gbdt', 'tree', 'blend'] as ModelKind[]) {
      process.stderr.write(`german ${model}\n`)
      const r = evaluate(d, model)
      const c = meanCost(d.y, r.oof, t, cost)
      results[model] = { auc: r.auc, cost: c }
      rows.push([model, r.auc, c, r.logloss, r.fitSeconds, model === 'logistic' ? 'AUC 0.790, cost 0.545' : '—'])
    }
    const one = evaluate(d, 'blend', 5, 0, { gbdt: { bags: 1 } })
    rows.push(['blend, 1 gbdt bag (comparison)', one.auc, meanCost(d.y, one.oof, t, cost), one.logloss, one.fitSeconds, '—'])
    const sc = crossValidateScorecard(d.frame, d.y, { folds: 5, seed: 0 })
    const lr = results.logistic as { auc: number; cost: number }
    const bl = results.blend as { auc: number; cost: number }
    sections.push(
      [
        '## German credit (1,000 applicants, `german.data`, no header, target `c21` = 2 = bad)',
        '',
        'Stratified 5-fold CV (seed 0). Cost = mean over all 1,000 out-of-fold decisions of 5 per bad applicant predicted good and 1 per good applicant predicted bad, flagging when P(bad) >= 1/6 (the Bayes threshold of the 5:1 matrix; no threshold is fitted on any fold).',
        '',
        markdownTable(['model', 'ROC-AUC', 'mean cost @ 1/6', 'log-loss', 'fit s', 'scikit-learn anchor'], rows),
        '',
        `Targets: AUC >= 0.79 and cost <= 0.54 — logistic ${lr.auc.toFixed(4)} / ${lr.cost.toFixed(4)}: AUC ${pass(lr.auc >= 0.79)}, cost ${pass(lr.cost <= 0.54)}; blend ${bl.auc.toFixed(4)} / ${bl.cost.toFixed(4)}: AUC ${pass(bl.auc >= 0.79)}, cost ${pass(bl.cost <= 0.54)}.`,
        '',
        `Scorecard (monotone ChiMerge bins, WoE, IV >= 0.02, logistic on WoE; everything refitted per fold): CV AUC **${sc.auc.toFixed(4)}** (folds ${sc.foldAuc.map((a) => a.toFixed(3)).join(', ')}) → target >= 0.78: ${pass(sc.auc >= 0.78)}. Out-of-fold bad rate by band: ${sc.bands.map((b) => `${b.band} ${b.badRate.toFixed(3)} (${b.rows} rows)`).join(', ')}.`,
      ].join('\n'),
    )
  }
  writeResults(
    'predict',
    'Predictive models: Telco churn and German credit',
    [
      'Library defaults only (no per-dataset settings): logistic = L2, C chosen from {0.03, 0.1, 0.3, 1, 3, 10} by inner 3-fold CV log-loss on the training folds only, 4 linear-spline knots per numeric input; gbdt = 200 trees, learning rate 0.05, depth 3, min 20 rows per leaf, λ = 1, row subsample 0.8; tree = CART depth 6, min 20 rows per leaf; blend = mean log-odds of logistic and a gbdt bag (5 ensembles as above, each with its own row subsamples, averaged). Preprocessing (median imputation + missing flags, one-hot with rare levels pooled, standardisation) is fitted inside each training fold.',
      '',
      ...sections,
    ].join('\n\n'),
  )
}
