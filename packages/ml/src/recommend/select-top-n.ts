import type { Interactions, Recommender } from './types.ts'
import { subsetInteractions } from './interactions.ts'
import { stratifiedSplit } from '../eval/recommend-split.ts'
import { evaluateTopN } from '../eval/recommend-evaluate.ts'
import { fitEase } from './ease.ts'
import { fitImplicitAls } from './implicit-als.ts'
import { fitRp3Beta } from './rp3beta.ts'
import { HybridModel } from './hybrid.ts'
import { fitMultVae } from './mult-vae.ts'

/** One way to build a top-N model from training interactions, named for the selection report. */
export interface TopNCandidate {
  name: string
  fit: (train: Interactions, seed: number) => Recommender
}

export interface TopNSelection {
  model: Recommender
  chosen: string
  /** Inner-validation nDCG@k of every candidate, in the order tried. */
  scores: Array<{ name: string; ndcg: number; precision: number }>
}

export interface SelectTopNOptions {
  seed?: number
  /** Share of each item's training rows kept for inner training (default 0.75, the outer protocol's ratio). */
  ratio?: number
  k?: number
  /** Candidates (default: `defaultTopNCandidates()`). */
  candidates?: TopNCandidate[]
  /** Add the Mult-VAE candidates to the defaults (minutes rather than seconds on 100k interactions). */
  neural?: boolean
}

/**
 * Chooses a top-N model by inner validation on the training data only: the training rows are split again
 * 75/25 within each item (the outer protocol, another seed), every candidate is fitted on the inner part and
 * scored by nDCG@k on the held-out part, and the best is refitted on all the training rows. The test split
 * is never seen. Cost: one fit per candidate on 75% of the data plus one full fit.
 */
export function selectTopN(train: Interactions, opts: SelectTopNOptions = {}): TopNSelection {
  const seed = opts.seed ?? 42
  const k = opts.k ?? 10
  const candidates = opts.candidates ?? [...defaultTopNCandidates(), ...(opts.neural ? neuralTopNCandidates() : [])]
  if (candidates.length === 0) throw new Error('selectTopN: no candidates')
  const mask = stratifiedSplit(train.items, opts.ratio ?? 0.75, seed + 1)
  const inner = subsetInteractions(train, mask, true)
  const held = subsetInteractions(train, mask, false)
  const scores: TopNSelection['scores'] = []
  let best = 0
  for (let c = 0; c < candidates.length; c++) {
    const r = evaluateTopN(candidates[c]!.fit(inner, seed), inner, held, k)
    scores.push({ name: candidates[c]!.name, ndcg: r.ndcg, precision: r.precision })
    if (r.ndcg > scores[best]!.ndcg) best = c
  }
  const chosen = candidates[best]!
  return { model: chosen.fit(train, seed), chosen: chosen.name, scores }
}

/**
 * The default candidates: EASE at three λ spanning Steck's range, RP3beta, and score blends of EASE with
 * implicit ALS and RP3beta (each model's scores scaled by their per-user maximum, as HybridModel does).
 */
export function defaultTopNCandidates(): TopNCandidate[] {
  const ease = (lambda: number) => (d: Interactions) => fitEase(d, { lambda })
  const als = (d: Interactions, seed: number) => fitImplicitAls(d, { seed })
  const rp3 = (d: Interactions) => fitRp3Beta(d, { alpha: 0.8, beta: 0.4 })
  return [
    { name: 'ease λ=250', fit: ease(250) },
    { name: 'ease λ=500', fit: ease(500) },
    { name: 'ease λ=1000', fit: ease(1000) },
    { name: 'rp3beta α=0.8 β=0.4', fit: rp3 },
    { name: 'ease λ=500 ×0.75 + als', fit: (d, s) => new HybridModel(fitEase(d, { lambda: 500 }), als(d, s), 0.75) },
    { name: 'ease λ=500 ×0.7 + rp3beta', fit: (d) => new HybridModel(fitEase(d, { lambda: 500 }), rp3(d), 0.7) },
    {
      name: '(ease λ=500 ×0.75 + als) ×0.75 + rp3beta',
      fit: (d, s) => new HybridModel(new HybridModel(fitEase(d, { lambda: 500 }), als(d, s), 0.75), rp3(d), 0.75),
    },
  ]
}

/** Mult-VAE alone and blended with EASE (Liang et al. 2018; the blend is the "EASE + neural"). */
export function neuralTopNCandidates(): TopNCandidate[] {
  return [
    { name: 'mult-vae', fit: (d, seed) => fitMultVae(d, { seed }) },
    { name: 'ease λ=500 ×0.6 + mult-vae', fit: (d, seed) => new HybridModel(fitEase(d, { lambda: 500 }), fitMultVae(d, { seed }), 0.6) },
  ]
}
