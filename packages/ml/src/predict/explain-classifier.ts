import { cellText, type Frame } from '../data/frame.ts'
import { transform, type Matrix } from '../data/pipeline.ts'
import type { TrainedClassifier, Member } from './classifier.ts'
import { linearContributions } from './linear-contributions.ts'
import { sigmoid } from './logistic.ts'
import { treeExpectedValue, treeValue } from './tree.ts'
import { TreeShapCache } from './tree-shap.ts'

/** One original input column's share of a prediction. */
export interface Contribution {
  input: string
  /** The row's raw value of that column ('' when missing). */
  value: string
  /** Additive share of the log-odds. */
  logOdds: number
  /** Share of (probability − base probability), split in proportion to the log-odds shares. */
  probability: number
}

export interface Explanation {
  /** Expected log-odds over the training rows (the starting point of the contributions). */
  baseLogOdds: number
  logOdds: number
  /** Uncalibrated model probability σ(logOdds). */
  probability: number
  /** Sorted by |logOdds|, largest first. */
  contributions: Contribution[]
}

/** Options of explainRows. */
export interface ExplainOptions {
  /** Keep only the first `top` contributions (largest |logOdds| first; as contributions.slice(0, top)); all by default. */
  top?: number
}

/**
 * Per-prediction explanation in original column names: exact linear contributions for logistic regression,
 * TreeSHAP for gradient-boosted trees and CART (a blend averages its members'). One-hot features are summed
 * back into their source column. Cost O(features) linear, O(trees × leaves × depth²) for trees, per row; the
 * tree part is computed once per decision pattern of each tree and replayed for the rows that share it
 * (TreeShapCache), so many rows cost little more than their branch decisions.
 */
export function explainRows(model: TrainedClassifier, frame: Frame, rows: readonly number[], options: ExplainOptions = {}): Explanation[] {
  const X = transform(model.pipeline, frame)
  const explainer = createExplainer(model, frame)
  return rows.map((row) => explainer(X, row, options.top))
}

export function explainMatrixRow(model: TrainedClassifier, X: Matrix, row: number, frame: Frame): Explanation {
  return createExplainer(model, frame)(X, row)
}

/**
 * The explanation of any row of a matrix transformed by the model's pipeline, with the member's per-tree
 * TreeSHAP caches and the column lookups built once: explainMatrixRow for many rows of one frame.
 */
export function createExplainer(model: TrainedClassifier, frame: Frame): (X: Matrix, row: number, top?: number) => Explanation {
  const members = model.members.map((m) => memberExplainer(m, model.featureMeans))
  const columns = model.pipeline.inputs.map((spec) => frame.columns.find((c) => c.name === spec.name))
  const featureInput = model.pipeline.featureInput
  const nInputs = model.pipeline.inputs.length
  return (X, row, top) => {
    const phi = new Float64Array(X.cols)
    let base = 0
    const k = model.members.length
    for (const explain of members) {
      const part = explain(X, row)
      base += part.base / k
      for (let j = 0; j < X.cols; j++) phi[j] = (phi[j] as number) + (part.phi[j] as number) / k
    }
    const byInput = new Float64Array(nInputs)
    featureInput.forEach((input, j) => (byInput[input] = (byInput[input] as number) + (phi[j] as number)))
    let total = base
    for (const v of byInput) total += v
    const p = sigmoid(total)
    const dp = p - sigmoid(base)
    const dl = total - base
    const order = Array.from({ length: nInputs }, (_, i) => i)
    // The same order as sorting the contributions themselves (a stable sort on |logOdds|, largest first).
    order.sort((a, b) => Math.abs(byInput[b] as number) - Math.abs(byInput[a] as number))
    const kept = top === undefined ? order : order.slice(0, top)
    const contributions = kept.map((input): Contribution => {
      const col = columns[input]
      const l = byInput[input] as number
      return {
        input: (model.pipeline.inputs[input] as (typeof model.pipeline.inputs)[number]).name,
        value: col ? cellText(col, row) : '',
        logOdds: l,
        probability: Math.abs(dl) > 1e-12 ? (l * dp) / dl : l * p * (1 - p),
      }
    })
    return { baseLogOdds: base, logOdds: total, probability: p, contributions }
  }
}

function memberExplainer(m: Member, means: number[]): (X: Matrix, row: number) => { base: number; phi: Float64Array } {
  if (m.type === 'logistic') {
    return (X, row) => {
      const { base, contributions } = linearContributions(m.intercept, m.weights, means, X, row)
      return { base, phi: contributions }
    }
  }
  if (m.type === 'gbdt') {
    const caches = m.trees.map((t) => new TreeShapCache(t))
    // The base: the same additions in the same order for every row, so computed once.
    let base = m.base
    for (const t of m.trees) base += treeExpectedValue(t)
    return (X, row) => {
      const x = X.data.subarray(row * X.cols, (row + 1) * X.cols)
      const phi = new Float64Array(X.cols)
      for (const c of caches) c.add(x, phi)
      return { base, phi }
    }
  }
  // A lone CART tree explains a probability; map its SHAP values onto the logit scale proportionally.
  const cache = new TreeShapCache(m.tree)
  const e = treeExpectedValue(m.tree)
  const logit = (q: number): number => {
    const c = Math.min(1 - 1e-6, Math.max(1e-6, q))
    return Math.log(c / (1 - c))
  }
  return (X, row) => {
    const x = X.data.subarray(row * X.cols, (row + 1) * X.cols)
    const phi = new Float64Array(X.cols)
    cache.add(x, phi)
    const p = treeValue(m.tree, X, row)
    const scale = Math.abs(p - e) > 1e-12 ? (logit(p) - logit(e)) / (p - e) : 0
    for (let j = 0; j < phi.length; j++) phi[j] = (phi[j] as number) * scale
    return { base: logit(e), phi }
  }
}
