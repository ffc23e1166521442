import { cellText, type Frame } from '../data/frame.ts'
import { transform, type Matrix } from '../data/pipeline.ts'
import type { TrainedClassifier, Member } from './classifier.ts'
import { linearContributions } from './linear-contributions.ts'
import { sigmoid } from './logistic.ts'
import { treeExpectedValue, treeValue } from './tree.ts'
import { treeShap } from './tree-shap.ts'

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

/**
 * Per-prediction explanation in original column names: exact linear contributions for logistic regression,
 * TreeSHAP for gradient-boosted trees and CART (a blend averages its members'). One-hot features are summed
 * back into their source column. Cost O(features) linear, O(trees × leaves × depth²) for trees, per row.
 */
export function explainRows(model: TrainedClassifier, frame: Frame, rows: readonly number[]): Explanation[] {
  const X = transform(model.pipeline, frame)
  return rows.map((row) => explainMatrixRow(model, X, row, frame))
}

export function explainMatrixRow(model: TrainedClassifier, X: Matrix, row: number, frame: Frame): Explanation {
  const phi = new Float64Array(X.cols)
  let base = 0
  const k = model.members.length
  for (const m of model.members) {
    const part = memberContributions(m, model.featureMeans, X, row)
    base += part.base / k
    for (let j = 0; j < X.cols; j++) phi[j] = (phi[j] as number) + (part.phi[j] as number) / k
  }
  const byInput = new Float64Array(model.pipeline.inputs.length)
  model.pipeline.featureInput.forEach((input, j) => (byInput[input] = (byInput[input] as number) + (phi[j] as number)))
  let total = base
  for (const v of byInput) total += v
  const p = sigmoid(total)
  const dp = p - sigmoid(base)
  const dl = total - base
  const contributions = model.pipeline.inputs.map((spec, input): Contribution => {
    const col = frame.columns.find((c) => c.name === spec.name)
    const l = byInput[input] as number
    return {
      input: spec.name,
      value: col ? cellText(col, row) : '',
      logOdds: l,
      probability: Math.abs(dl) > 1e-12 ? (l * dp) / dl : l * p * (1 - p),
    }
  })
  contributions.sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds))
  return { baseLogOdds: base, logOdds: total, probability: p, contributions }
}

function memberContributions(m: Member, means: number[], X: Matrix, row: number): { base: number; phi: Float64Array } {
  const x = X.data.subarray(row * X.cols, (row + 1) * X.cols)
  if (m.type === 'logistic') {
    const { base, contributions } = linearContributions(m.intercept, m.weights, means, X, row)
    return { base, phi: contributions }
  }
  const phi = new Float64Array(X.cols)
  if (m.type === 'gbdt') {
    let base = m.base
    for (const t of m.trees) {
      base += treeExpectedValue(t)
      treeShap(t, x, phi)
    }
    return { base, phi }
  }
  // A lone CART tree explains a probability; map its SHAP values onto the logit scale proportionally.
  treeShap(m.tree, x, phi)
  const e = treeExpectedValue(m.tree)
  const p = treeValue(m.tree, X, row)
  const logit = (q: number): number => {
    const c = Math.min(1 - 1e-6, Math.max(1e-6, q))
    return Math.log(c / (1 - c))
  }
  const scale = Math.abs(p - e) > 1e-12 ? (logit(p) - logit(e)) / (p - e) : 0
  for (let j = 0; j < phi.length; j++) phi[j] = (phi[j] as number) * scale
  return { base: logit(e), phi }
}
