import { createRng, shuffleInPlace } from '../../random.ts'
import { stratifiedKFold } from '../../eval/stratified-kfold.ts'
import { initRecurrentParams, recurrentLayout, recurrentLogits, recurrentLossAndGradient, type CellKind, type RecurrentLayout } from './recurrent-net.ts'

export interface RecurrentClassifierOptions {
  /** 'gru' (default) or 'lstm'. */
  cell?: CellKind
  /** A second layer of the same cell reading right to left, its mean-pooled states concatenated (default false). */
  bidirectional?: boolean
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
export interface RecurrentClassifier {
  vocab: Map<string, number>
  layout: RecurrentLayout
  params: Float64Array
  maxLength: number
  /** Epochs trained before the best validation accuracy, and that accuracy. */
  bestEpoch: number
  validationAccuracy: number
  /** Epochs run in all (the best one plus those early stopping waited for). */
  epochsRun: number
}

/** Token ids of one text (unknown tokens → 0), cut to maxLength. */
export function encodeTokens(vocab: Map<string, number>, tokens: readonly string[], maxLength: number): Int32Array {
  const out = new Int32Array(Math.min(tokens.length, maxLength))
  for (let t = 0; t < out.length; t++) out[t] = vocab.get(tokens[t]!) ?? 0
  return out
}

/**
 * Trains the recurrent classifier of recurrent-net.ts (GRU or LSTM cell, one or two directions) on tokenised
 * texts with Adam (Kingma & Ba 2015), mini-batches, and early stopping on a stratified validation share; the
 * parameters of the best validation epoch are kept. Deterministic given the seed. Cost per epoch:
 * Σ tokens · D · 3·G·hidden·(emb + hidden) multiply-adds (G = 3 gates GRU, 4 LSTM; D = 2 when bidirectional).
 */
export function fitRecurrentClassifier(
  tokens: readonly (readonly string[])[],
  labels: Int32Array,
  nClasses: number,
  opts: RecurrentClassifierOptions = {},
): RecurrentClassifier {
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
  const layout = recurrentLayout({
    vocab: vocab.size + 1,
    emb: opts.emb ?? 32,
    hidden: opts.hidden ?? 32,
    classes: nClasses,
    cell: opts.cell ?? 'gru',
    bidirectional: opts.bidirectional ?? false,
  })
  const encoded = tokens.map((t) => encodeTokens(vocab, t, maxLength))
  const p = initRecurrentParams(layout, rng.normal)
  const m1 = new Float64Array(layout.size)
  const m2 = new Float64Array(layout.size)
  const grad = new Float64Array(layout.size)
  const lr = opts.learningRate ?? 3e-3
  const batchSize = opts.batchSize ?? 32
  const accuracy = (params: Float64Array): number => {
    let ok = 0
    for (const i of valIdx) {
      const s = recurrentLogits(params, layout, encoded[i]!)
      let best = 0
      for (let c = 1; c < nClasses; c++) if (s[c]! > s[best]!) best = c
      if (best === labels[i]) ok++
    }
    return valIdx.length > 0 ? ok / valIdx.length : 0
  }
  let best = { epoch: 0, accuracy: -1, params: p.slice() }
  let step = 0
  let epochsRun = 0
  const order = trainIdx.slice()
  for (let e = 1; e <= (opts.epochs ?? 10); e++) {
    epochsRun = e
    shuffleInPlace(order, rng)
    for (let b0 = 0; b0 < order.length; b0 += batchSize) {
      const ids = order.slice(b0, b0 + batchSize)
      grad.fill(0)
      recurrentLossAndGradient(p, layout, ids.map((i) => encoded[i]!), Int32Array.from(ids, (i) => labels[i]!), grad)
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
  return { vocab, layout, params: best.params, maxLength, bestEpoch: best.epoch, validationAccuracy: best.accuracy, epochsRun }
}

/** Class probabilities of one tokenised text. */
export function predictRecurrent(model: RecurrentClassifier, tokens: readonly string[]): Float64Array {
  const s = recurrentLogits(model.params, model.layout, encodeTokens(model.vocab, tokens, model.maxLength))
  let max = -Infinity
  for (const v of s) if (v > max) max = v
  let sum = 0
  for (let c = 0; c < s.length; c++) sum += s[c] = Math.exp(s[c]! - max)
  for (let c = 0; c < s.length; c++) s[c] = s[c]! / sum
  return s
}
