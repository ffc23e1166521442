import type { Interactions, Recommender } from './types.ts'
import { fitBaseline } from './baseline.ts'
import { fitKnnBaseline } from './knn-baseline.ts'
import { fitSvd } from './svd.ts'
import { fitSvdpp } from './svdpp.ts'
import { fitBlend } from './blend.ts'
import { fitGlobalMean } from './global-mean.ts'
import { fitPopularity } from './popularity.ts'
import { fitItemKnn } from './item-knn.ts'
import { fitImplicitAls } from './implicit-als.ts'
import { fitEase } from './ease.ts'
import { fitRp3Beta } from './rp3beta.ts'
import { fitMultVae } from './mult-vae.ts'
import { selectTopN } from './select-top-n.ts'

/** Hyper-parameters by name, as given on a command line (`--param factors=50`). */
export type AlgorithmParams = Record<string, number | string>

type Fitter = (data: Interactions, params: AlgorithmParams, seed: number) => Recommender

interface AlgorithmSpec {
  fit: Fitter
  /** Accepted parameter names (anything else is a usage error). */
  params: string[]
  description: string
}

const n = (p: AlgorithmParams, key: string): number | undefined => {
  const v = p[key]
  if (v === undefined) return undefined
  if (typeof v !== 'number') throw new Error(`--param ${key} expects a number, got "${v}"`)
  return v
}

/** Rating-prediction algorithms by CLI name. */
export const ratingAlgorithms: Record<string, AlgorithmSpec> = {
  mean: { description: 'global mean', params: [], fit: (d) => fitGlobalMean(d) },
  baseline: {
    description: 'user + item biases by ALS (Koren 2010)',
    params: ['epochs', 'regUser', 'regItem'],
    fit: (d, p) => fitBaseline(d, { epochs: n(p, 'epochs'), regUser: n(p, 'regUser'), regItem: n(p, 'regItem') }),
  },
  itemknn: {
    description: 'item kNN on baseline residuals, shrunk Pearson-baseline similarity',
    params: ['k', 'minK', 'shrinkage'],
    fit: (d, p) => fitKnnBaseline(d, { k: n(p, 'k'), minK: n(p, 'minK'), shrinkage: n(p, 'shrinkage') }),
  },
  svd: {
    description: 'biased matrix factorisation by SGD',
    params: ['factors', 'epochs', 'lr', 'reg', 'regBias', 'decay', 'initStd'],
    fit: (d, p, seed) => fitSvd(d, { ...mfParams(p), seed }),
  },
  svdpp: {
    description: 'SVD++ (implicit feedback term) by SGD',
    params: ['factors', 'epochs', 'lr', 'reg', 'regBias', 'decay', 'initStd'],
    fit: (d, p, seed) => fitSvdpp(d, { ...mfParams(p), seed }),
  },
  blend: {
    description: 'ridge blend of svdpp, svd, itemknn and baseline learned on a 10% holdout',
    params: ['holdout', 'ridge'],
    fit: (d, p, seed) =>
      fitBlend(d, [(t) => fitSvdpp(t, { seed }), (t) => fitSvd(t, { seed }), (t) => fitKnnBaseline(t), (t) => fitBaseline(t)], {
        holdout: n(p, 'holdout'),
        ridge: n(p, 'ridge'),
        seed,
      }),
  },
}

/** Top-N (implicit feedback) algorithms by CLI name. */
export const topNAlgorithms: Record<string, AlgorithmSpec> = {
  pop: { description: 'most interacted items', params: [], fit: (d) => fitPopularity(d) },
  itemknn: {
    description: 'item cosine kNN on binarised interactions',
    params: ['neighbours'],
    fit: (d, p) => fitItemKnn(d, { neighbours: n(p, 'neighbours') }),
  },
  als: {
    description: 'implicit ALS with conjugate gradient (Hu et al. 2008)',
    params: ['factors', 'iterations', 'reg', 'alpha', 'cgSteps'],
    fit: (d, p, seed) =>
      fitImplicitAls(d, { factors: n(p, 'factors'), iterations: n(p, 'iterations'), reg: n(p, 'reg'), alpha: n(p, 'alpha'), cgSteps: n(p, 'cgSteps'), seed }),
  },
  ease: {
    description: 'EASE^R closed-form item weights (Steck 2019); dropout > 0 gives EDLAE (Steck 2020)',
    params: ['lambda', 'dropout', 'threads'],
    fit: (d, p) => fitEase(d, { lambda: n(p, 'lambda'), dropout: n(p, 'dropout'), threads: n(p, 'threads') }),
  },
  rp3beta: {
    description: 'RP3beta random-walk item similarities (Paudel et al. 2017)',
    params: ['alpha', 'beta', 'neighbours'],
    fit: (d, p) => fitRp3Beta(d, { alpha: n(p, 'alpha'), beta: n(p, 'beta'), neighbours: n(p, 'neighbours') }),
  },
  vae: {
    description: 'Mult-VAE neural autoencoder (Liang et al. 2018), Adam on typed arrays',
    params: ['hidden', 'latent', 'epochs', 'batchSize', 'learningRate', 'betaMax', 'dropout'],
    fit: (d, p, seed) =>
      fitMultVae(d, {
        hidden: n(p, 'hidden'),
        latent: n(p, 'latent'),
        epochs: n(p, 'epochs'),
        batchSize: n(p, 'batchSize'),
        learningRate: n(p, 'learningRate'),
        betaMax: n(p, 'betaMax'),
        dropout: n(p, 'dropout'),
        seed,
      }),
  },
  auto: {
    description: 'chosen by inner validation on the training rows: EASE λ grid, RP3beta, EASE + ALS / RP3beta blends (neural=1 adds Mult-VAE and EASE + Mult-VAE)',
    params: ['neural'],
    fit: (d, p, seed) => selectTopN(d, { seed, neural: n(p, 'neural') === 1 }).model,
  },
}

function mfParams(p: AlgorithmParams) {
  return { factors: n(p, 'factors'), epochs: n(p, 'epochs'), lr: n(p, 'lr'), reg: n(p, 'reg'), regBias: n(p, 'regBias'), decay: n(p, 'decay'), initStd: n(p, 'initStd') }
}

/** Looks an algorithm up and checks its parameter names; throws a message naming the valid choices. */
export function algorithmFitter(table: Record<string, AlgorithmSpec>, name: string, params: AlgorithmParams = {}): (d: Interactions, seed: number) => Recommender {
  const spec = table[name]
  if (!spec) throw new Error(`unknown algorithm "${name}"; choose one of: ${Object.keys(table).join(', ')}`)
  for (const key of Object.keys(params)) {
    if (!spec.params.includes(key)) throw new Error(`--param ${key} is not a parameter of ${name}; it takes: ${spec.params.join(', ') || 'none'}`)
  }
  return (d, seed) => spec.fit(d, params, seed)
}
