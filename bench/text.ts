/**
 * Text intelligence on public data beside the anchors of issue 6: ChnSentiCorp (Chinese hotel reviews,
 * stratified 5-fold CV) and Banking77 (77 intents, train.csv → test.csv), with fit and per-text predict times,
 * the intent hand-off threshold, BM25 suggested replies, the lexicon (cold-start) sentiment and keywords.
 */
import {
  buildAnswerIndex,
  classifyIntent,
  createAnalyzer,
  defaultAnalyzerConfig,
  defaultTextModel,
  distinctiveKeywords,
  encodeLabels,
  fitIntentModel,
  fitOnAnalyzed,
  fitTextClassifier,
  jiebaEngine,
  lexiconSentiment,
  multiclassReport,
  nestedCrossValidateText,
  PLAIN_CHAR_SVM,
  predictAnalyzed,
  predictText,
  stratifiedKFold,
  suggestAnswers,
  textCandidates,
  textClassifierToJson,
  tfidfKeywords,
  fitDefaultTextClassifier,
  argmaxRows,
  fitBlendOnRows,
  textEnsembleLearners,
  type AnalyzedText,
  type BlendChoice,
  type CellKind,
  type ScoreLearner,
  type TextModelKind,
} from '@rapport/ml'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadavg } from 'node:os'
import { readTexts } from '../packages/server/src/features/texts.ts'
import { dataFile, machineLine, markdownTable, timed, writeResults } from './lib/report.ts'
import { must } from './lib/must.ts'

export interface LabelledTexts {
  texts: string[]
  labels: string[]
}

/** Reads a text and a label column with the loader `rapport eval text` uses (quoted newlines, empty fields). */
export async function loadTexts(file: string, textCol: string, labelCol: string): Promise<LabelledTexts> {
  const { texts, labels } = await readTexts(file, textCol, labelCol)
  return { texts, labels }
}

export interface EvalResult {
  accuracy: number
  macroF1: number
  fitSeconds: number
  foldAccuracy: number[]
}

/** Stratified k-fold CV of one model family (analysis once; vocabulary and model fitted per fold). */
export function crossValidateText(d: LabelledTexts, kind: TextModelKind | undefined, folds = 5, seed = 0, onlyFolds = folds): EvalResult {
  const analyzer = createAnalyzer(defaultAnalyzerConfig('auto'))
  const docs = d.texts.map((t) => analyzer.analyze(t))
  const { names, y } = encodeLabels(d.labels)
  const k = kind ?? defaultTextModel(names.length)
  const assign = stratifiedKFold(y, folds, seed)
  const truth: number[] = []
  const pred: number[] = []
  const foldAccuracy: number[] = []
  let fitSeconds = 0
  for (let f = 0; f < onlyFolds; f++) {
    const tr: number[] = []
    const te: number[] = []
    for (let i = 0; i < y.length; i++) (assign[i] === f ? te : tr).push(i)
    const t0 = performance.now()
    const { space, model } = fitOnAnalyzed(tr.map((i) => must(docs[i], 'a document')), Int32Array.from(tr, (i) => y[i] ?? 0), names.length, k, { seed })
    fitSeconds += (performance.now() - t0) / 1000
    const p = predictAnalyzed(space, model, te.map((i) => must(docs[i], 'a document')))
    let ok = 0
    te.forEach((i, r) => {
      truth.push(y[i] ?? 0)
      pred.push(p[r] ?? 0)
      if (p[r] === y[i]) ok++
    })
    foldAccuracy.push(ok / te.length)
  }
  const rep = multiclassReport(truth, pred, names)
  return { accuracy: rep.accuracy, macroF1: rep.macroF1, fitSeconds, foldAccuracy }
}

/** Fixed train → test split of one model family. */
export function fixedSplitText(train: LabelledTexts, test: LabelledTexts, kind: TextModelKind | undefined, seed = 0, candidate?: typeof PLAIN_CHAR_SVM): EvalResult {
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig('auto'), ...candidate?.analyzer })
  const { names, y } = encodeLabels([...train.labels, ...test.labels])
  const n = train.texts.length
  const k = kind ?? defaultTextModel(names.length)
  const t0 = performance.now()
  const { space, model } = fitOnAnalyzed(train.texts.map((t) => analyzer.analyze(t)), y.subarray(0, n), names.length, k, { seed, ...(candidate?.C !== undefined ? { C: candidate.C } : {}) })
  const fitSeconds = (performance.now() - t0) / 1000
  const p = predictAnalyzed(space, model, test.texts.map((t) => analyzer.analyze(t)))
  const rep = multiclassReport(y.subarray(n), p, names)
  return { accuracy: rep.accuracy, macroF1: rep.macroF1, fitSeconds, foldAccuracy: [rep.accuracy] }
}

const f4 = (x: number): string => x.toFixed(4)

const SELECTION_HEADING = '## Default chosen by inner cross-validation (issue 19)'

const cpuNow = (): number => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1e6
}
const points = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(2)}`
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)

/**
 * Issue 19, item 2: the default picks its configuration by inner CV on the training rows only
 * (select-text-model.ts); its nested estimate is set beside the plain char 1–3 TF-IDF + linear SVM built from
 * the same library pieces, on the same outer folds (ChnSentiCorp) or split (Banking77), in the same run.
 */
async function selectionSection(): Promise<string> {
  const rows: Array<Array<string | number>> = []
  const notes: string[] = []
  const speed: string[] = []
  const loadStart = loadavg()
  const chn = dataFile('chnsenticorp', 'ChnSentiCorp_htl_all.csv')
  if (chn) {
    const d = await loadTexts(chn, 'review', 'label')
    process.stderr.write('ChnSentiCorp nested 5-fold (selection inside each outer fold)\n')
    const { value: r, seconds } = await timed(() =>
      nestedCrossValidateText(d.texts, d.labels, { outerFolds: 5, seed: 0, baseline: true, cpuSeconds: cpuNow, onFold: (f, k) => process.stderr.write(`  outer fold ${f + 1}/${k}\n`) }),
    )
    const b = must(r.baseline, 'the baseline result')
    const diff = r.accuracy - b.accuracy
    const fitS = sum(r.foldSeconds)
    const cpu = must(r.foldCpuSeconds, 'the CPU seconds')
    const cpuS = sum(cpu)
    rows.push(['ChnSentiCorp (5-fold nested, seed 0)', f4(r.accuracy), f4(b.accuracy), points(diff), diff >= -0.002 ? 'met' : '**missed**', `${fitS.toFixed(1)} wall / ${cpuS.toFixed(1)} CPU (CPU per fold ${cpu.map((x) => x.toFixed(1)).join(' + ')})`, sum(b.foldSeconds).toFixed(1)])
    notes.push(`ChnSentiCorp: chosen per outer fold — ${r.chosen.map((c, f) => `${f + 1}: ${c}`).join('; ')}. Fold accuracies: default ${r.foldAccuracy.map(f4).join(' ')}; plain char-SVM ${b.foldAccuracy.map(f4).join(' ')}. Inner 3-fold accuracies in outer fold 1: ${must(r.innerScores[0], 'fold 1 scores').map((s) => `${s.name} ${f4(s.accuracy)}`).join('; ')}.`)
    speed.push(`ChnSentiCorp, 5 outer folds: selection (${textCandidates(2).length} candidates × 3 inner folds) + refit of the winner = **${fitS.toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU** in all (target < 60 s: **${fitS < 60 ? 'met' : 'missed'}** on wall time${fitS < 60 === cpuS < 60 ? '' : `, **${cpuS < 60 ? 'met' : 'missed'}** on CPU time — the wall time was inflated by other processes at normal priority while this ran at nice 10`}), plus ${r.prepareSeconds.toFixed(1)} s once for the analysis (jieba, n-grams) and integer encoding of the 7,766 reviews for both analyzer settings; ${seconds.toFixed(1)} s wall for the whole nested run including the baseline fits.`)
    // What the product pays: \`rapport text train\` on one ChnSentiCorp training fold (6,213 reviews), from raw
    // texts: analysis, selection, refit and the held-out temperature.
    const { y } = encodeLabels(d.labels)
    const assign = stratifiedKFold(y, 5, 0)
    const tr = d.texts.map((_, i) => i).filter((i) => assign[i] !== 0)
    const c0 = cpuNow()
    const { value: one, seconds: oneS } = await timed(() => fitDefaultTextClassifier(tr.map((i) => must(d.texts[i], 'a text')), tr.map((i) => must(d.labels[i], 'a label')), { seed: 0 }))
    const oneCpu = cpuNow() - c0
    const c1 = cpuNow()
    const { seconds: fixedS } = await timed(() => fitTextClassifier(tr.map((i) => must(d.texts[i], 'a text')), tr.map((i) => must(d.labels[i], 'a label')), { model: 'logistic', seed: 0 }))
    speed.push(`One default fit as \`rapport text train\` runs it, on ChnSentiCorp's outer training fold 1 (6,213 reviews, from raw text: analysis, selection, refit, temperature): **${oneS.toFixed(1)} s wall, ${oneCpu.toFixed(1)} s CPU** (chose ${one.selection.chosen.name}); the previous fixed default (logistic C = 10, fitTextClassifier) on the same rows in the same run: ${fixedS.toFixed(1)} s wall, ${(cpuNow() - c1).toFixed(1)} s CPU.`)
  }
  const bTrain = dataFile('banking77', 'train.csv')
  const bTest = dataFile('banking77', 'test.csv')
  if (bTrain && bTest) {
    const train = await loadTexts(bTrain, 'text', 'category')
    const test = await loadTexts(bTest, 'text', 'category')
    process.stderr.write('Banking77 default chosen on train.csv, scored on test.csv\n')
    const c2 = cpuNow()
    const { value: fit, seconds } = await timed(() => fitDefaultTextClassifier(train.texts, train.labels, { seed: 0 }))
    const fitCpu = cpuNow() - c2
    let ok = 0
    test.texts.forEach((t, i) => {
      if (predictText(fit.classifier, t).label === test.labels[i]) ok++
    })
    const base = fixedSplitText(train, test, PLAIN_CHAR_SVM.model, 0, PLAIN_CHAR_SVM)
    const acc = ok / test.texts.length
    const diff = acc - base.accuracy
    rows.push(['Banking77 (train → test)', f4(acc), f4(base.accuracy), points(diff), diff >= -0.002 ? 'met' : '**missed**', `${seconds.toFixed(1)} wall / ${fitCpu.toFixed(1)} CPU (incl. analysis, temperature)`, base.fitSeconds.toFixed(1)])
    notes.push(`Banking77: inner holdout accuracies on train.csv (a stratified third validates) — ${fit.selection.scores.map((s) => `${s.name} ${f4(s.accuracy)}`).join('; ')}; chosen **${fit.selection.chosen.name}**.`)
  }
  const loadEnd = loadavg()
  const two = textCandidates(2).map((c) => c.name).join('; ')
  const many = textCandidates(77).map((c) => c.name).join('; ')
  return `${SELECTION_HEADING}

Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; load average ${loadStart.map((x) => x.toFixed(1)).join(' / ')} at the start, ${loadEnd.map((x) => x.toFixed(1)).join(' / ')} at the end (other sessions' tests and benchmarks shared the 2 cores, so the seconds are upper bounds of a quiet run); \`flock /tmp/rapport-bench.lock nice -n 10 npm run bench -- text --only selection\` (the sections above are from the full run dated at the top, with the previous fixed default).

The default (\`rapport text train\` and \`rapport eval text\` without \`--model\`; select-text-model.ts) chooses among a small candidate set by inner cross-validation on the training rows only — stratified 3-fold for two classes; for more, one stratified holdout of a third (a one-vs-rest fit costs K binary solves: 77-intent fits are about 7 s each here) — then refits the winner on all of them. Two classes: ${two}. More classes: ${many}. "words 1–2 + chars" is the analyzer default (word 1–2-grams + Han 1–3 / char_wb 2–5); "char 1–3" is character 1–3-grams only; "balanced" weights each class's C by n / (2 · n_class). Logistic regression (C = 10, the previous two-class default) is no longer a candidate: one L-BFGS fit on a ChnSentiCorp training fold costs 8–20 s here against about 1 s for the SVM, and the SVM at C = 0.3 matched it (0.9050 both, 5-fold). Each inner fold fits its own vocabulary, idf and weights on its inner training rows; the texts are analysed and integer-encoded once per analyzer setting (label-free), so a fold's TF-IDF matrix is counted in O(nnz) (indexed-tfidf.ts, tested equal to the string-map path). \`rapport eval text\` reports this nested estimate and the candidate each fold chose.

Baseline: ${PLAIN_CHAR_SVM.name}, built from the same analyzer, TF-IDF and SVM code, on the same outer folds / split. Target: the default never more than 0.2 points below it. The nested figure is not comparable one-to-one with the fixed-family rows of the ChnSentiCorp table above: those families and C were picked on this corpus (issue 19), so their plain 5-fold numbers are optimistic for it, while here the choice is re-made inside every outer fold and its mistakes are counted.

${markdownTable(['corpus', 'default (selected) accuracy', 'plain char-SVM accuracy', 'difference (points)', 'within 0.2 points', 'default fit s (selection + refit)', 'baseline fit s'], rows)}

${notes.join('\n\n')}

Speed: ${speed.join(' ')}

Corpora: only ChnSentiCorp and Banking77 are labelled text corpora in ../shared/data. The issue's food-delivery review corpus (and any other public labelled corpus) was not assembled: this machine has no access to download it, and nothing was copied into the repository, so "every corpus you assemble" is covered only by these two.`
}

/** Replaces the section that starts at `heading` (up to the next `## ` heading) in bench/results/text.md, or appends it. */
function replaceSection(heading: string, section: string): void {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'text.md')
  const old = readFileSync(file, 'utf8')
  const at = old.indexOf(heading)
  const next = at >= 0 ? old.indexOf('\n## ', at + heading.length) : -1
  const before = (at >= 0 ? old.slice(0, at) : old).trimEnd()
  const after = next >= 0 ? `\n${old.slice(next).trim()}\n` : ''
  writeFileSync(file, `${before}\n\n${section.trim()}\n${after}`)
  process.stderr.write(`updated ${file}\n`)
}

/** The `## Recurrent classifier (…)` sections of the current bench/results/text.md, verbatim. */
function keptRecurrentSections(): string[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'results', 'text.md')
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  return text
    .split(/\n(?=## )/)
    .filter((s) => s.startsWith('## Recurrent classifier ('))
    .map((s) => s.trim())
}

interface RnnBenchOptions {
  cell: CellKind
  bidirectional: boolean
  /** Outer ChnSentiCorp folds run (of the 5-fold split), from the first. */
  folds: number
  epochs: number
  data: 'both' | 'chn' | 'banking'
}

function rnnOptions(args: string[]): RnnBenchOptions {
  const val = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)
  const cell = val('--cell') ?? 'gru'
  if (cell !== 'gru' && cell !== 'lstm') throw new Error(`--cell takes gru or lstm, not ${cell}`)
  const data = val('--data') ?? 'both'
  if (data !== 'both' && data !== 'chn' && data !== 'banking') throw new Error(`--data takes both, chn or banking, not ${data}`)
  return { cell, bidirectional: args.includes('--bi'), folds: Number(val('--folds') ?? 5), epochs: Number(val('--epochs') ?? 8), data }
}

const rnnName = (o: RnnBenchOptions): string => `${o.bidirectional ? 'bi' : ''}${o.cell.toUpperCase()}`
const rnnHeading = (o: RnnBenchOptions): string => `## Recurrent classifier (${rnnName(o)}) and the averaged ensemble (issue 19 item 3)`

interface EnsembleFoldResult {
  linear: number
  recurrent: number
  ensemble: number
  choice: BlendChoice
  /** The recurrent model refitted on all training rows (the one evaluated): wall and CPU seconds, epochs. */
  refit: { wall: number; cpu: number; bestEpoch: number; epochsRun: number }
  /** Whole ensemble fit: 3 inner folds × (linear + recurrent), linear and recurrent refits. */
  totalWall: number
  totalCpu: number
}

/**
 * One outer split: the ensemble of text-ensemble.ts fitted on the training rows only (inner 3-fold CV for
 * the weight, the recurrent model refitted on all training rows), then the linear default, the recurrent
 * model and the ensemble scored on the test rows.
 */
function ensembleFold(docs: AnalyzedText[], tokens: string[][], y: Int32Array, K: number, tr: number[], te: number[], o: RnnBenchOptions): EnsembleFoldResult {
  const fits: Array<{ rows: number; wall: number; cpu: number; bestEpoch: number; epochsRun: number }> = []
  let c0 = process.cpuUsage()
  let t0 = performance.now()
  const base = textEnsembleLearners(docs, tokens, y, K, {
    seed: 0,
    recurrent: { cell: o.cell, bidirectional: o.bidirectional, emb: 32, hidden: 32, epochs: o.epochs, patience: 2 },
    onRecurrentFit: (m, rows) => {
      const c = process.cpuUsage(c0)
      fits.push({ rows, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, bestEpoch: m.bestEpoch, epochsRun: m.epochsRun })
    },
  })
  const recurrent: ScoreLearner = {
    fit: (rows) => {
      c0 = process.cpuUsage()
      t0 = performance.now()
      return base.recurrent.fit(rows)
    },
  }
  const cAll = process.cpuUsage()
  const tAll = performance.now()
  const blend = fitBlendOnRows(tr, y, K, { linear: base.linear, recurrent }, { folds: 3, seed: 0, recurrentFinal: 'refit' })
  const totalWall = (performance.now() - tAll) / 1000
  const cTotal = process.cpuUsage(cAll)
  const acc = (p: Float64Array): number => {
    const pred = argmaxRows(p, K)
    let ok = 0
    te.forEach((i, r) => {
      if (pred[r] === y[i]) ok++
    })
    return ok / te.length
  }
  return {
    linear: acc(blend.linearProbabilities(te)),
    recurrent: acc(blend.recurrentProbabilities(te)),
    ensemble: acc(blend.probabilities(te)),
    choice: blend.choice,
    refit: must(fits.at(-1), 'the recurrent refit'),
    totalWall,
    totalCpu: (cTotal.user + cTotal.system) / 1e6,
  }
}

/**
 * Issue 19 item 3: the recurrent classifier (GRU or LSTM, optionally bidirectional) beside the linear default,
 * and their averaged ensemble, chosen by inner cross-validation on each training split — ChnSentiCorp on the
 * 5-fold split of the linear table (seed 0; `--folds` runs the first few only), Banking77 train → test.
 */
async function rnnSection(o: RnnBenchOptions): Promise<string> {
  const rows: Array<Array<string | number>> = []
  const verdicts: string[] = []
  const loadStart = loadavg()
  const analyzer = createAnalyzer(defaultAnalyzerConfig('auto'))
  const row = (label: string, r: EnsembleFoldResult): Array<string | number> => [
    label,
    f4(r.linear),
    f4(r.recurrent),
    f4(r.ensemble),
    r.choice.used ? `blend, w = ${r.choice.weight.toFixed(1)}` : 'linear alone',
    `${f4(r.choice.linearAccuracy)} / ${f4(r.choice.recurrentAccuracy)} / ${f4(r.choice.bestAccuracy)} (w ${r.choice.bestWeight.toFixed(1)})`,
    `${r.refit.wall.toFixed(0)} / ${r.refit.cpu.toFixed(0)}`,
    `${r.refit.bestEpoch} / ${r.refit.epochsRun}`,
    `${r.totalWall.toFixed(0)} / ${r.totalCpu.toFixed(0)}`,
  ]
  const chn = o.data === 'banking' ? undefined : dataFile('chnsenticorp', 'ChnSentiCorp_htl_all.csv')
  if (chn) {
    const d = await loadTexts(chn, 'review', 'label')
    const { names, y } = encodeLabels(d.labels)
    const docs = d.texts.map((t) => analyzer.analyze(t))
    const tokens = d.texts.map((t) => analyzer.tokens(t))
    const assign = stratifiedKFold(y, 5, 0)
    const sums = { linear: 0, recurrent: 0, ensemble: 0, n: 0 }
    for (let f = 0; f < Math.min(5, o.folds); f++) {
      const tr: number[] = []
      const te: number[] = []
      for (let i = 0; i < y.length; i++) (assign[i] === f ? te : tr).push(i)
      process.stderr.write(`${rnnName(o)} ensemble on ChnSentiCorp fold ${f + 1} of 5\n`)
      const r = ensembleFold(docs, tokens, y, names.length, tr, te, o)
      rows.push(row(`ChnSentiCorp fold ${f + 1} of 5`, r))
      process.stderr.write(`  ${rows.at(-1)?.join(' | ') ?? ''}\n`)
      sums.linear += r.linear * te.length
      sums.recurrent += r.recurrent * te.length
      sums.ensemble += r.ensemble * te.length
      sums.n += te.length
    }
    const k = Math.min(5, o.folds)
    const acc = sums.ensemble / sums.n
    rows.push([`**ChnSentiCorp, ${k === 5 ? 'all 5 folds' : `folds 1–${k} of 5`} pooled**`, f4(sums.linear / sums.n), f4(sums.recurrent / sums.n), `**${f4(acc)}**`, '', '', '', '', ''])
    verdicts.push(`ChnSentiCorp (target ≥ 0.91, ${k === 5 ? '5-fold' : `only ${k} of the 5 folds run`}): the ensemble reaches ${f4(acc)} — **${acc >= 0.91 ? 'met' : 'missed'}**${acc >= 0.91 ? '' : ` by ${f4(0.91 - acc)}`}; the linear default alone ${f4(sums.linear / sums.n)}, the ${rnnName(o)} alone ${f4(sums.recurrent / sums.n)}.`)
  }
  const bTrain = o.data === 'chn' ? undefined : dataFile('banking77', 'train.csv')
  const bTest = dataFile('banking77', 'test.csv')
  if (bTrain && bTest) {
    const train = await loadTexts(bTrain, 'text', 'category')
    const test = await loadTexts(bTest, 'text', 'category')
    const all = [...train.texts, ...test.texts]
    const { names, y } = encodeLabels([...train.labels, ...test.labels])
    const n = train.texts.length
    process.stderr.write(`${rnnName(o)} ensemble on Banking77\n`)
    const r = ensembleFold(
      all.map((t) => analyzer.analyze(t)),
      all.map((t) => analyzer.tokens(t)),
      y,
      names.length,
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: all.length - n }, (_, i) => n + i),
      o,
    )
    rows.push(row('Banking77 train → test', r))
    verdicts.push(`Banking77 (target ≥ 0.93): the ensemble reaches ${f4(r.ensemble)} — **${r.ensemble >= 0.93 ? 'met' : 'missed'}**${r.ensemble >= 0.93 ? '' : ` by ${f4(0.93 - r.ensemble)}`}; the linear default alone ${f4(r.linear)}, the ${rnnName(o)} alone ${f4(r.recurrent)}.`)
  }
  const cmd = `flock /tmp/rapport-bench.lock npm run bench -- text --only rnn --cell ${o.cell}${o.bidirectional ? ' --bi' : ''} --folds ${o.folds} --epochs ${o.epochs}${o.data === 'both' ? '' : ` --data ${o.data}`}`
  return `${rnnHeading(o)}

Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; load average ${loadStart.map((x) => x.toFixed(1)).join(' / ')} at the start, ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end; \`${cmd}\`.

${rnnName(o)}: rnn/recurrent-classifier.ts with the ${o.cell === 'gru' ? 'GRU cell (rnn/gru-net.ts)' : 'LSTM cell (rnn/lstm-net.ts)'}${o.bidirectional ? ', both directions (mean-pooled states concatenated)' : ', one direction'}; word tokens (the analyzer's), vocabulary from the training share (min count 2, first 120 tokens), embedding 32, hidden 32, mean pooling, softmax; BPTT and Adam (3e-3, batch 32) on Float64Arrays; early stopping on a stratified 10 % validation share of the training rows (patience 2, at most ${o.epochs} epochs). Ensemble (text-ensemble.ts): on each training split only, inner stratified 3-fold CV gives out-of-fold scores of the linear default and of the recurrent model; both are temperature-calibrated on them, the average (1 − w)·p_linear + w·p_recurrent is scored for w = 0.1 … 1, and the best w is used only when it beats the linear model alone by more than 0.1 point; otherwise the linear model is kept. The linear default is the fixed default of the first tables (logistic C = 10 for two classes, SVM C = 1 for 77), refitted on the whole training split; the recurrent model is refitted on it too. Test rows are read only to score.

Columns: test accuracy of the linear default, of the ${rnnName(o)}, of the ensemble; the ensemble's decision; inner out-of-fold accuracy of linear / recurrent / best blend (its weight); the recurrent refit's wall / CPU seconds and its best / last epoch; the whole ensemble fit's wall / CPU seconds (3 inner folds × both models + both refits).

${markdownTable(['data', 'linear default', rnnName(o), 'ensemble', 'decision', 'inner CV: linear / recurrent / best blend', `${rnnName(o)} fit s (wall / CPU)`, 'best / last epoch', 'ensemble fit s (wall / CPU)'], rows)}

${verdicts.join('\n\n')}`
}

export async function run(args: string[]): Promise<void> {
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined
  if (only === 'rnn' || only === 'gru') {
    const o = rnnOptions(args)
    replaceSection(rnnHeading(o), await rnnSection(o))
    return
  }
  if (only === 'selection') {
    replaceSection(SELECTION_HEADING, await selectionSection())
    return
  }
  const parts: string[] = []
  const chn = dataFile('chnsenticorp', 'ChnSentiCorp_htl_all.csv')
  const bTrain = dataFile('banking77', 'train.csv')
  const bTest = dataFile('banking77', 'test.csv')
  parts.push(`Chinese segmentation: jieba (${jiebaEngine()}). Features (one default for every task): word 1–2-grams + character n-grams (Han 1–3, other words char_wb 2–5), TF-IDF with sublinear tf, each block L2-normalised, min df 2 from 1,000 documents. The first tables cross-validate fixed families: logistic regression (L-BFGS, C = 10; the fixed default for two classes before issue 19) and the one-vs-rest squared-hinge linear SVM (dual coordinate descent, C = 1; the fixed default for more); the product default now chooses its configuration per training set (see the issue 19 section below). scikit-learn is not installed on this machine, so the scikit-learn numbers are the published anchors of issue 6, not re-measured on our folds.`)

  if (chn) {
    const d = await loadTexts(chn, 'review', 'label')
    const rows: Array<Array<string | number>> = []
    const results = new Map<string, EvalResult>()
    for (const kind of [undefined, 'svm', 'nbsvm', 'nb', 'cnb'] as const) {
      process.stderr.write(`ChnSentiCorp 5-fold ${kind ?? 'default'}\n`)
      const r = crossValidateText(d, kind, 5, 0)
      results.set(kind ?? 'default', r)
      rows.push([kind === undefined ? '**logistic (previous fixed default)**' : kind, f4(r.accuracy), f4(r.macroF1), r.foldAccuracy.map(f4).join(' '), r.fitSeconds.toFixed(1)])
    }
    const def = must(results.get('default'), 'the default result')
    const lex = d.texts.map((t) => lexiconSentiment(t))
    let lexOk = 0
    let neutral = 0
    lex.forEach((s, i) => {
      if (s.label === 'neutral') neutral++
      else if ((s.label === 'positive') === (d.labels[i] === '1')) lexOk++
    })
    parts.push(`## ChnSentiCorp (\`chnsenticorp/ChnSentiCorp_htl_all.csv\`, ${d.texts.length} reviews, stratified 5-fold, seed 0)

${markdownTable(['model', 'accuracy', 'macro-F1', 'fold accuracies', 'fit s (5 folds)'], rows)}

Anchors: scikit-learn TF-IDF + linear SVM 5-fold **0.902**; BERT-class models ~0.95 (different split). Target >= 0.91.
**${def.accuracy >= 0.91 ? 'Met' : 'Missed'}**: the previous fixed default reaches ${f4(def.accuracy)}${def.accuracy >= 0.91 ? '' : ` — below the 0.91 target by ${f4(0.91 - def.accuracy)}, though above the scikit-learn anchor of 0.902`}.

Lexicon fallback (cold start, no training; the weaker mode): ${f4(lexOk / d.texts.length)} accuracy over all ${d.texts.length} reviews (neutral counted as wrong; ${neutral} neutral), ${f4(lexOk / Math.max(1, d.texts.length - neutral))} on the ${d.texts.length - neutral} it commits on. A trained model is far better as soon as labels exist.`)
    const an = createAnalyzer({ ...defaultAnalyzerConfig('zh'), negation: false, clauseMarks: true })
    const tokens = d.texts.map((t) => an.tokens(t))
    const sides = d.labels.map((l) => (l === '1' ? 'positive' : 'negative'))
    const terms = (kw: Map<string, Array<{ term: string }>>, g: string): string => must(kw.get(g), `keywords of ${g}`).map((k) => k.term).join(', ')
    const dk = distinctiveKeywords(tokens, sides, { top: 10 })
    const tk = tfidfKeywords(tokens, sides, 10)
    parts.push(`Keywords per label, distinctive (smoothed log odds ratio against the other label, the CLI default with \`--group-col\`): positive — ${terms(dk, 'positive')}; negative — ${terms(dk, 'negative')}. TF-IDF group mean, for comparison (words every review uses rank high in both lists): positive — ${terms(tk, 'positive')}; negative — ${terms(tk, 'negative')}.`)
  } else parts.push('## ChnSentiCorp\n\nSkipped: shared data absent.')

  if (bTrain && bTest) {
    const train = await loadTexts(bTrain, 'text', 'category')
    const test = await loadTexts(bTest, 'text', 'category')
    const rows: Array<Array<string | number>> = []
    let def: EvalResult | undefined
    for (const kind of [undefined, 'nbsvm', 'nb', 'cnb'] as const) {
      process.stderr.write(`Banking77 ${kind ?? 'default'}\n`)
      const r = fixedSplitText(train, test, kind)
      def ??= r
      rows.push([kind === undefined ? '**svm (previous fixed default)**' : kind, f4(r.accuracy), f4(r.macroF1), r.fitSeconds.toFixed(2)])
    }
    // Timings of the whole pipeline the CLI runs (`rapport text train`): analysis + intent model with
    // validation split, temperature, threshold and refit; then single-text predictions.
    process.stderr.write('Banking77 intent model\n')
    const { value: intent, seconds: intentSeconds } = await timed(() => fitIntentModel(train.texts, train.labels))
    const { value: plain, seconds: plainSeconds } = await timed(() => fitTextClassifier(train.texts, train.labels, { calibration: 0 }))
    for (let i = 0; i < 50; i++) predictText(plain, test.texts[i] ?? '')
    const lat: number[] = []
    let answered = 0
    let answeredOk = 0
    let ok = 0
    test.texts.forEach((t, i) => {
      const t0 = performance.now()
      const r = classifyIntent(intent, t)
      lat.push(performance.now() - t0)
      if (r.label === test.labels[i]) ok++
      if (!r.abstain) {
        answered++
        if (r.label === test.labels[i]) answeredOk++
      }
    })
    lat.sort((a, b) => a - b)
    const q = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? Number.NaN
    const jsonMb = JSON.stringify(textClassifierToJson(plain)).length / 1e6
    // Suggested replies: the training questions are the knowledge base (answer = its intent); a reply is
    // right when the best-matching question has the test question's intent.
    const kb = buildAnswerIndex(train.texts.map((q, i) => ({ question: q, answer: train.labels[i] ?? '' })))
    let p1 = 0
    let p3 = 0
    const { seconds: retrievalSeconds } = await timed(() => {
      test.texts.forEach((t, i) => {
        const s = suggestAnswers(kb, t, 3)
        if (s[0]?.answer === test.labels[i]) p1++
        if (s.some((x) => x.answer === test.labels[i])) p3++
      })
    })
    const acc = must(def, 'the default result').accuracy
    parts.push(`## Banking77 (\`banking77/train.csv\` ${train.texts.length} → \`test.csv\` ${test.texts.length}, 77 intents)

${markdownTable(['model', 'accuracy', 'macro-F1', 'fit s'], rows)}

Anchors: scikit-learn char n-gram + linear SVM **0.906**; TF-IDF + logistic regression **0.895**; full-data sentence encoders ~0.93. Target >= 0.91.
**${acc >= 0.91 ? 'Met' : 'Missed'}**: the previous fixed default reaches ${f4(acc)}.

Speed (targets: train < 30 s on 2 cores, predict one text < 2 ms):

${markdownTable(
  ['measure', 'value', 'target', 'status'],
  [
    ['plain classifier fit (analysis + TF-IDF + SVM), s', plainSeconds.toFixed(2), '< 30', plainSeconds < 30 ? 'met' : 'missed'],
    ['intent model fit (+ 20 % validation, temperature, threshold, refit), s', intentSeconds.toFixed(2), '< 30', intentSeconds < 30 ? 'met' : 'missed'],
    ['predict one text, median ms', q(0.5).toFixed(3), '< 2', q(0.5) < 2 ? 'met' : 'missed'],
    ['predict one text, p99 ms (tail, GC and load included)', q(0.99).toFixed(3), '< 2', q(0.99) < 2 ? 'met' : 'missed'],
  ],
)}

Model JSON (vocabulary + weights rounded to float32 at fit time, base64; 18.3 MB with the float64 weights of version 1): ${jsonMb.toFixed(1)} MB.

Intent hand-off: threshold ${f4(intent.threshold)} tuned on a 20 % validation split (wrong cost 1); on the test set the model answers ${f4(answered / test.texts.length)} of questions with accuracy ${f4(answeredOk / Math.max(1, answered))} and hands off the rest (accuracy without hand-off ${f4(ok / test.texts.length)}). Temperature ${intent.classifier.model.temperature.toFixed(3)}.

Suggested replies (BM25 over the ${train.texts.length} training questions as the knowledge base): the top reply has the right intent for ${f4(p1 / test.texts.length)} of test questions, one of the top 3 for ${f4(p3 / test.texts.length)} (${((retrievalSeconds * 1000) / test.texts.length).toFixed(2)} ms per question). No published anchor; retrieval is a reply suggester, not the intent classifier.`)
  } else parts.push('## Banking77\n\nSkipped: shared data absent.')

  parts.push(`Timings were taken on a shared 2-core machine while other benchmarks and tests ran, so they are upper bounds of a quiet run.`)
  parts.push(await selectionSection())
  // The recurrent sections take tens of minutes each (`--only rnn`); a full run keeps the last measured ones.
  parts.push(...keptRecurrentSections())
  writeResults('text', 'Text intelligence: sentiment, intent, replies, keywords', parts.join('\n\n'))
}
