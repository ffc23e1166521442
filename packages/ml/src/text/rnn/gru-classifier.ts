import { createRng, shuffleInPlace } from '../../random.ts'
import { stratifiedKFold } from '../../eval/stratified-kfold.ts'
import { gruLayout, gruLogits, gruLossAndGradient, type GruLayout } from './gru-net.ts'

export interface GruClassifierOptions {
  emb?: number
  hidden?: number
  /** Most epochs; training stops earlier when validation accuracy has not improved for `patience` epochs. */
  epochs?: number
  patience?: number
  batchSize?: number
  learningRate?: number
  /** Tokens kept per text (the first ones; default 120). */
  maxLength?: number
  /** Tokens seen fewer times are mapped to the unknown token (default 2). */
  minCount?: number
  /** Share of the training texts held out for early stopping (default 0.1, stratified). */
  validation?: number
  seed?: number
}

/** A fitted recurrent classifier: vocabulary (id 0 = unknown), network layout and parameters. */
export interface GruClassifier {
  vocab: Map<string, number>
  layout: GruLayout
  params: Float64Array
  maxLength: number
  /** Epochs trained before the best validation accuracy, and that accuracy. */
  bestEpoch: number
  validationAccuracy: number
}

/** Token ids of one text (unknown tokens → 0), cut to maxLength. */
export function encodeTokens(vocab: Map<string, number>, tokens: readonly string[], maxLength: number): Int32Array {
  const out = new Int32Array(Math.min(tokens.length, maxLength))
  for (let t = 0; t < out.length; t++) out[t] = vocab.get(tokens[t]!) ?? 0
  return out
}

/**
 * Trains the GRU classifier of gru-net.ts on tokenised texts with Adam (Kingma & Ba 2015), mini-batches,
 * and early stopping on a stratified validation share; the parameters of the best validation epoch are kept.
 * Deterministic given the seed. Cost per epoch: Σ tokens · 9·hidden·(emb + hidden) multiply-adds.
 */
export function fitGruClassifier(tokens: readonly (readonly string[])[], labels: Int32Array, nClasses: number, opts: GruClassifierOptions = {}): GruClassifier {
  const maxLength = opts.maxLength ?? 120
  const minCount = opts.minCount ?? 2
  const rng = createRng(opts.seed ?? 0)
  const folds = stratifiedKFold(labels, Math.max(2, Math.round(1 / (opts.validation ?? 0.1))), opts.seed ?? 0)
  const trainIdx: number[] = []
  const valIdx: number[] = []
  for (let i = 0; i < labels.length; i++) (folds[i] === 0 ? valIdx : trainIdx).push(i)
  // Vocabulary from the training share only, ids in order of first appearance (deterministic).
  const counts = new Map<string, number>()
  for (const i of trainIdx) for (const t of tokens[i]!.slice(0, maxLength)) counts.set(t, (counts.get(t) ?? 0) + 1)
  const vocab = new Map<string, number>()
  for (const [t, c] of counts) if (c >= minCount) vocab.set(t, vocab.size + 1)
  const layout = gruLayout({ vocab: vocab.size + 1, emb: opts.emb ?? 32, hidden: opts.hidden ?? 32, classes: nClasses })
  const encoded = tokens.map((t) => encodeTokens(vocab, t, maxLength))
  const p = new Float64Array(layout.size)
  for (let k = 0; k < layout.bo; k++) p[k] = 0.1 * rng.normal()
  const m1 = new Float64Array(layout.size)
  const m2 = new Float64Array(layout.size)
  const grad = new Float64Array(layout.size)
  const lr = opts.learningRate ?? 3e-3
  const batchSize = opts.batchSize ?? 32
  const accuracy = (params: Float64Array): number => {
    let ok = 0
    for (const i of valIdx) {
      const s = gruLogits(params, layout, encoded[i]!)
      let best = 0
      for (let c = 1; c < nClasses; c++) if (s[c]! > s[best]!) best = c
      if (best === labels[i]) ok++
    }
    return valIdx.length > 0 ? ok / valIdx.length : 0
  }
  let best = { epoch: 0, accuracy: -1, params: p.slice() }
  let step = 0
  const order = trainIdx.slice()
  for (let e = 1; e <= (opts.epochs ?? 10); e++) {
    shuffleInPlace(order, rng)
    for (let b0 = 0; b0 < order.length; b0 += batchSize) {
      const ids = order.slice(b0, b0 + batchSize)
      grad.fill(0)
      gruLossAndGradient(p, layout, ids.map((i) => encoded[i]!), Int32Array.from(ids, (i) => labels[i]!), grad)
      step++
      const c1 = 1 - 0.9 ** step
      const c2 = 1 - 0.999 ** step
      for (let k = 0; k < layout.size; k++) {
        const g = grad[k]!
        m1[k] = 0.9 * m1[k]! + 0.1 * g
        m2[k] = 0.999 * m2[k]! + 0.001 * g * g
        p[k]! -= (lr * (m1[k]! / c1)) / (Math.sqrt(m2[k]! / c2) + 1e-8)
      }
    }
    const acc = accuracy(p)
    if (acc > best.accuracy) best = { epoch: e, accuracy: acc, params: p.slice() }
    else if (e - best.epoch >= (opts.patience ?? 2)) break
  }
  return { vocab, layout, params: best.params, maxLength, bestEpoch: best.epoch, validationAccuracy: best.accuracy }
}

/** Class probabilities of one tokenised text. */
export function predictGru(model: GruClassifier, tokens: readonly string[]): Float64Array {
  const s = gruLogits(model.params, model.layout, encodeTokens(model.vocab, tokens, model.maxLength))
  let max = -Infinity
  for (const v of s) if (v > max) max = v
  let sum = 0
  for (let c = 0; c < s.length; c++) sum += s[c] = Math.exp(s[c]! - max)
  for (let c = 0; c < s.length; c++) s[c] = s[c]! / sum
  return s
}
