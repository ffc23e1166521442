/**
 * The issue-19 part of the recommendation benchmark on its own (`npm run bench -- recommend --only issue19`):
 * the top-N candidates on the by-item split (the protocol of issues 3 and 19: 75/25 within each item, seed 42),
 * the inner-validation selection, the neural model (Mult-VAE) beside EASE and ALS, and EASE at 10,000 items
 * beside numpy. Writes one section, replacing an older copy of it at the end of bench/results/recommend.md,
 * so the slower rating-prediction sections need not be rerun to update it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { algorithmFitter, evaluateTopN, selectTopN, stratifiedSplit, subsetInteractions, topNAlgorithms, type Interactions, type TopNSelection } from '@rapport/ml'
import { machineLine, markdownTable } from './report.ts'
import { easeAtScale, type EaseScaleResult } from './ease-scale.ts'
import { must } from './must.ts'

export const ISSUE19_HEADING = '## Issue 19: stronger top-N, the neural recommender, EASE at 10,000 items'

const verdict = (ok: boolean) => (ok ? 'met' : '**MISSED**')
const log = (s: string) => process.stderr.write(`${s}\n`)

export function selectionMarkdown(sel: TopNSelection): string {
  return `Inner validation on the training split only (training rows split again 75/25 within each item, seed 43), nDCG@10 / P@10 on the held-out quarter: ${sel.scores.map((c) => `${c.name} ${c.ndcg.toFixed(4)} / ${c.precision.toFixed(4)}`).join('; ')}. Chosen: **${sel.chosen}**, refitted on the whole training split.`
}

export function scaleMarkdown(r: EaseScaleResult): string {
  const rows: Array<Array<string | number>> = [[`Rapport \`easeWeights\` (WebAssembly SIMD block sweep, ${r.threads} threads)`, '—', '—', '—', r.rapport.wall, r.rapport.cpu]]
  if (r.numpy) rows.push([`numpy ${r.numpy.numpy} + scipy (OpenBLAS), \`np.linalg.inv\``, r.numpy.gram, r.numpy.inverse, r.numpy.weights, r.numpy.total, r.numpy.cpu])
  return `Synthetic catalogue (bench/lib/ease-scale.ts, seed 19): ${r.users.toLocaleString('en')} users × ${r.nItems.toLocaleString('en')} items, ${r.nnz.toLocaleString('en')} interactions (40 per user, Zipf-like popularity), λ = 500; Gram matrix, inverse and weights, timed together for Rapport. Load average at the start: ${r.load.map((x) => x.toFixed(1)).join(' / ')} on 2 cores.

${markdownTable(['implementation', 'Gram s', 'inverse s', 'weights s', 'total wall s', 'CPU s (all threads)'], rows)}

${r.numpy ? `Ratio Rapport / numpy: ${(r.rapport.wall / r.numpy.total).toFixed(2)} × wall clock, ${(r.rapport.cpu / r.numpy.cpu).toFixed(2)} × CPU. One weight compared between the two: ${r.agree ? 'equal to 1e-9' : '**differs**'}. numpy ran right after Rapport, under the load of the same minutes; on this shared machine both wall times swing with other jobs, the CPU ratio is the steadier figure.` : r.numpyNote ?? ''}`
}

export function scaleTarget(r: EaseScaleResult | undefined): Array<string | number> {
  if (r?.numpy) return [`EASE fit at ${r.nItems.toLocaleString('en')} items ≤ 2 × numpy (wall clock, same run)`, `${(r.rapport.wall / r.numpy.total).toFixed(2)} ×`, verdict(r.rapport.wall <= 2 * r.numpy.total)]
  return ['EASE fit at 10,000 items ≤ 2 × numpy', r ? 'numpy unavailable' : 'not run (--no-scale)', 'not measured']
}

export async function runIssue19(data: Interactions, scale: boolean): Promise<void> {
  const load = loadavg()
  const mask = stratifiedSplit(data.items, 0.75, 42)
  const train = subsetInteractions(data, mask, true)
  const test = subsetInteractions(data, mask, false)
  const rows: Array<Array<string | number>> = []
  const measured: Record<string, { ndcg: number; precision: number }> = {}
  let selection: TopNSelection | undefined
  for (const algo of ['ease', 'als', 'rp3beta', 'vae', 'auto']) {
    log(`top-N (by item): ${algo}`)
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    if (algo === 'auto') selection = selectTopN(train, { seed: 42 })
    const model = selection && algo === 'auto' ? selection.model : algorithmFitter(topNAlgorithms, algo)(train, 42)
    const fit = (performance.now() - t0) / 1000
    const c = process.cpuUsage(c0)
    const r = evaluateTopN(model, train, test, 10)
    measured[algo] = r
    rows.push([algo === 'auto' ? `auto (chosen: ${selection?.chosen})` : algo, r.ndcg, r.precision, r.recall, r.map, r.coverage, fit, (c.user + c.system) / 1e6])
  }
  let scaleResult: EaseScaleResult | undefined
  if (scale) {
    log('EASE at 10,000 items (Rapport, then numpy)')
    scaleResult = easeAtScale()
  }
  const best = must(Object.entries(measured).sort((a, b) => b[1].ndcg - a[1].ndcg)[0], 'a measured model')
  const section = `${ISSUE19_HEADING}

Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}, load average ${load.map((x) => x.toFixed(1)).join(' / ')} at the start. Reproduce this section alone with \`npm run bench -- recommend --only issue19\` (the sections above come from the full run dated at the top).

Split: 75/25 within each item, seed 42 (the "by item" rows above); every rating is a positive; k = 10. Defaults: EASE λ = 500; ALS as above; RP3beta α = 1, β = 0.5, 200 neighbours (rp3beta.ts); Mult-VAE (mult-vae.ts, the neural model: input dropout 0.5, one tanh layer of 200, latent 64, softmax decoder, β annealed to 0.2, Adam 1e-3, batch 100, 50 epochs, typed arrays, gradient checked against finite differences in mult-vae.test.ts); "auto" (select-top-n.ts) chooses among EASE λ ∈ {250, 500, 1000}, RP3beta α = 0.8 β = 0.4, EASE + ALS, EASE + RP3beta and (EASE + ALS) + RP3beta by inner validation on the training split only. The EASE + Mult-VAE candidates (\`--param neural=1\`) were left out of this run: each adds two Mult-VAE fits.

${markdownTable(
    ['target (issue 19)', 'measured', 'verdict'],
    [
      [`top-N nDCG@10 ≥ 0.49 (best: ${best[0]})`, best[1].ndcg, verdict(best[1].ndcg >= 0.49)],
      [`top-N P@10 ≥ 0.43 (${best[0]})`, best[1].precision, verdict(best[1].precision >= 0.43)],
      scaleTarget(scaleResult),
    ],
  )}

${markdownTable(['algorithm (by item)', 'nDCG@10', 'P@10', 'R@10', 'MAP@10', 'coverage', 'fit s (wall)', 'fit CPU s'], rows)}

${selection ? selectionMarkdown(selection) : ''}

### EASE on a large catalogue (10,000 items)

${scaleResult ? scaleMarkdown(scaleResult) : 'Not run (--no-scale).'}
`
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'recommend.md')
  const old = readFileSync(file, 'utf8')
  const at = old.indexOf(ISSUE19_HEADING)
  writeFileSync(file, `${(at >= 0 ? old.slice(0, at) : old).trimEnd()}\n\n${section}`)
  log(`updated ${file}`)
}
