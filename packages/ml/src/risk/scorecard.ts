import type { Column, Frame } from '../data/frame.ts'
import type { Matrix } from '../data/pipeline.ts'
import { fitLogistic } from '../predict/logistic.ts'
import { monotoneBinning, numericBinOf, type BinningOptions, type NumericBins } from './monotone-binning.ts'
import { weightOfEvidence, type BinStats } from './woe.ts'

export interface ScorecardOptions extends BinningOptions {
  /** Variables with information value below this are left out of the model. Default 0.02 (Siddiqi's "useless"). */
  minIv?: number
  /** WoE pseudo-counts per bin. Default 0.5. */
  smoothing?: number
  /** Score at the base odds (good:bad). Defaults 600 points at 50:1, 20 points to double the odds. */
  baseScore?: number
  baseOdds?: number
  pdo?: number
  /** Inverse L2 strength of the logistic regression on WoE. Default 1. */
  C?: number
}

/** One characteristic of the scorecard: its bins, their WoE, and the points each bin earns. */
export interface ScoreVariable {
  name: string
  kind: 'numeric' | 'categorical'
  /** Numeric: bin boundaries. */
  numeric?: NumericBins
  /** Categorical: the levels of each bin (rare levels pooled into one "(other)" bin). */
  levels?: string[][]
  /** Categorical: bin taking unseen levels (-1: none) and missing values (-1: none). */
  otherBin?: number
  missingBin?: number
  labels: string[]
  stats: BinStats[]
  iv: number
  coefficient: number
  points: number[]
}

export interface Scorecard {
  format: 'rapport-scorecard'
  variables: ScoreVariable[]
  /** Variables screened out by IV. */
  excluded: Array<{ name: string; iv: number }>
  intercept: number
  /** Points = offset + factor × ln(good:bad odds). */
  factor: number
  offset: number
  /** Points for a bin with WoE 0 (an unseen level, or missing without a missing bin). */
  neutralPoints: number[]
  /** Score cut-offs: below `high` is high risk, below `medium` medium, else low (training terciles). */
  bands: { high: number; medium: number }
}

/**
 * A credit scorecard in the classic form (Siddiqi 2006; Anderson, "The Credit Scoring Toolkit", 2007): coarse
 * classing (monotone bins for numbers, pooled rare levels for categories), weight of evidence and information
 * value per characteristic, logistic regression of bad on the WoE values of the characteristics with enough
 * IV, then points scaled so `baseScore` means `baseOdds` good:bad and `pdo` points double the odds.
 * `bad` is 1 for the risky class. O(rows log rows × columns + logistic fit).
 */
export function fitScorecard(frame: Frame, bad: ArrayLike<number>, options: ScorecardOptions = {}): Scorecard {
  const minIv = options.minIv ?? 0.02
  const smoothing = options.smoothing ?? 0.5
  const all = frame.columns.map((col) => binVariable(col, bad, options, smoothing))
  const variables = all.filter((v) => v.iv >= minIv)
  const excluded = all.filter((v) => v.iv < minIv).map((v) => ({ name: v.name, iv: v.iv }))
  const X = woeMatrix(variables, frame)
  const lr = fitLogistic(X, bad, { C: options.C ?? 1 })
  const pdo = options.pdo ?? 20
  const factor = pdo / Math.LN2
  const offset = (options.baseScore ?? 600) - factor * Math.log(options.baseOdds ?? 50)
  const m = Math.max(1, variables.length)
  // ln(good:bad) = −(b₀ + Σ βⱼ woeⱼ); spread the intercept and offset evenly over the characteristics.
  variables.forEach((v, j) => {
    v.coefficient = lr.weights[j] ?? 0
    v.points = v.stats.map((s) => offset / m - factor * (v.coefficient * s.woe + lr.intercept / m))
  })
  const card: Scorecard = {
    format: 'rapport-scorecard',
    variables,
    excluded,
    intercept: lr.intercept,
    factor,
    offset,
    neutralPoints: variables.map(() => offset / m - (factor * lr.intercept) / m),
    bands: { high: 0, medium: 0 },
  }
  const scores = scoreRows(card, frame)
  const sorted = Float64Array.from(scores).sort()
  card.bands = {
    high: sorted[Math.floor(sorted.length / 3)] ?? 0,
    medium: sorted[Math.floor((2 * sorted.length) / 3)] ?? 0,
  }
  return card
}

function binVariable(col: Column, bad: ArrayLike<number>, options: ScorecardOptions, smoothing: number): ScoreVariable {
  const n = bad.length
  if (col.kind !== 'categorical') {
    const numeric = monotoneBinning(col.values, bad, options)
    const k = numeric.cuts.length + 1 + (numeric.missingBin ? 1 : 0)
    const good = new Float64Array(k)
    const badCount = new Float64Array(k)
    for (let i = 0; i < n; i++) {
      const b = numericBinOf(numeric, col.values[i] as number)
      if ((bad[i] as number) === 1) badCount[b] = (badCount[b] as number) + 1
      else good[b] = (good[b] as number) + 1
    }
    const c = numeric.cuts
    const labels = [...c, Infinity].map((u, b) => {
      if (c.length === 0) return 'all'
      return b === 0 ? `<= ${u}` : b === c.length ? `> ${c[b - 1]}` : `(${c[b - 1]}, ${u}]`
    })
    if (numeric.missingBin) labels.push('(missing)')
    const { bins, iv } = weightOfEvidence(good, badCount, smoothing)
    return { name: col.name, kind: 'numeric', numeric, labels, stats: bins, iv, coefficient: 0, points: [] }
  }
  const minRows = (options.minBinShare ?? 0.05) * n
  const counts = new Float64Array(col.levels.length)
  let missing = 0
  for (const c of col.codes) {
    if (c < 0) missing++
    else counts[c] = (counts[c] as number) + 1
  }
  const levels: string[][] = []
  const binOfCode = new Int32Array(col.levels.length).fill(-1)
  const rare: string[] = []
  col.levels.forEach((l, c) => {
    if ((counts[c] as number) >= minRows) {
      binOfCode[c] = levels.length
      levels.push([l])
    } else rare.push(l)
  })
  let otherBin = -1
  if (rare.length > 0) {
    otherBin = levels.length
    levels.push(rare)
    col.levels.forEach((l, c) => {
      if (rare.includes(l)) binOfCode[c] = otherBin
    })
  }
  const missingBin = missing > 0 ? levels.length : -1
  const k = levels.length + (missing > 0 ? 1 : 0)
  const good = new Float64Array(k)
  const badCount = new Float64Array(k)
  for (let i = 0; i < n; i++) {
    const c = col.codes[i] as number
    const b = c < 0 ? missingBin : (binOfCode[c] as number)
    if ((bad[i] as number) === 1) badCount[b] = (badCount[b] as number) + 1
    else good[b] = (good[b] as number) + 1
  }
  const labels = levels.map((ls, b) => (b === otherBin ? `(other: ${ls.join(', ')})` : ls.join(', ')))
  if (missing > 0) labels.push('(missing)')
  const { bins, iv } = weightOfEvidence(good, badCount, smoothing)
  return { name: col.name, kind: 'categorical', levels, otherBin, missingBin, labels, stats: bins, iv, coefficient: 0, points: [] }
}

/** Bin of each row for one variable; -1 where the value falls in no bin (scored as WoE 0). */
export function variableBins(v: ScoreVariable, frame: Frame): Int32Array {
  const col = frame.columns.find((c) => c.name === v.name)
  const out = new Int32Array(frame.nRows).fill(-1)
  if (!col) return out
  if (v.kind === 'numeric' && v.numeric && col.kind !== 'categorical') {
    for (let i = 0; i < frame.nRows; i++) {
      const x = col.values[i] as number
      out[i] = Number.isNaN(x) && !v.numeric.missingBin ? -1 : numericBinOf(v.numeric, x)
    }
  } else if (v.kind === 'categorical' && v.levels && col.kind === 'categorical') {
    const index = new Map<string, number>()
    v.levels.forEach((ls, b) => ls.forEach((l) => index.set(l, b)))
    const map = col.levels.map((l) => index.get(l) ?? v.otherBin ?? -1)
    for (let i = 0; i < frame.nRows; i++) {
      const c = col.codes[i] as number
      out[i] = c < 0 ? (v.missingBin ?? -1) : (map[c] as number)
    }
  }
  return out
}

/** WoE value of every row for every variable (the logistic regression's inputs). */
export function woeMatrix(variables: readonly ScoreVariable[], frame: Frame): Matrix {
  const cols = variables.length
  const data = new Float64Array(frame.nRows * cols)
  variables.forEach((v, j) => {
    const bins = variableBins(v, frame)
    for (let i = 0; i < frame.nRows; i++) {
      const b = bins[i] as number
      data[i * cols + j] = b < 0 ? 0 : (v.stats[b] as BinStats).woe
    }
  })
  return { rows: frame.nRows, cols, data }
}

/** Total points of every row (higher = safer). */
export function scoreRows(card: Scorecard, frame: Frame): Float64Array {
  const out = new Float64Array(frame.nRows)
  card.variables.forEach((v, j) => {
    const bins = variableBins(v, frame)
    for (let i = 0; i < frame.nRows; i++) {
      const b = bins[i] as number
      out[i] = (out[i] as number) + (b < 0 ? (card.neutralPoints[j] as number) : (v.points[b] as number))
    }
  })
  return out
}

/** Probability of bad implied by a score: ln(good:bad) = (score − offset) / factor. */
export function badProbability(card: Scorecard, score: number): number {
  return 1 / (1 + Math.exp((score - card.offset) / card.factor))
}

/** Risk band of a score. */
export function riskBand(card: Scorecard, score: number): 'high' | 'medium' | 'low' {
  return score < card.bands.high ? 'high' : score < card.bands.medium ? 'medium' : 'low'
}
