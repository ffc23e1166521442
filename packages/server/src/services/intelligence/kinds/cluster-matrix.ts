import { fitStandardiser, standardise, type DenseMatrix, type Frame, type Standardiser } from '@rapport/ml'
import { numericColumn } from './frame-columns.ts'

/**
 * The numeric matrix k-means sees, built from store features (customerFeatures): which columns, how each is
 * transformed (log1p for skewed counts and money, so one big spender does not become a cluster of their own),
 * the median that stands in for a missing value, and the standardisation. Everything needed to transform a
 * scoring-time frame the same way is kept in ClusterTransform, which travels in the artefact.
 */
export interface ClusterFeature {
  name: string
  log: boolean
  /** Median of the (transformed) training values; replaces NaN. */
  median: number
}

export interface ClusterTransform {
  features: ClusterFeature[]
  /** Means and scales of the transformed, imputed columns. */
  means: number[]
  scales: number[]
}

/** Columns the segmentation uses (when the frame has them), and whether they are skewed counts or money. */
const BASE: Array<[name: string, log: boolean]> = [
  ['recency_days', true],
  ['frequency', true],
  ['monetary', true],
  ['tenure_days', false],
  ['orders_365d', true],
  ['avg_order_value', true],
  ['mean_days_between_orders', true],
  ['cancel_refund_rate', false],
  ['events_view_90d', true],
  ['events_add_to_cart_90d', true],
  ['events_email_open_90d', true],
  ['events_email_click_90d', true],
  ['days_since_last_event', true],
  ['reviews_count', true],
  ['reviews_mean_rating', false],
  ['tickets_count', true],
]

/** The features for a frame: the base list, then every category share and channel share column it has. */
export function clusterFeatureNames(frame: Frame): Array<[string, boolean]> {
  const have = new Set(frame.columns.filter((c) => c.kind === 'numeric').map((c) => c.name))
  const shares = frame.columns.filter((c) => c.kind === 'numeric' && (c.name.startsWith('category_share_') || c.name.startsWith('channel_share_'))).map((c): [string, boolean] => [c.name, false])
  return [...BASE.filter(([n]) => have.has(n)), ...shares]
}

/** Imputed columns in original units (for profiles) and the matrix clustering uses (log, impute, standardise). */
export interface ClusterMatrices {
  /** Original units, missing values replaced by the median: what profiles report. */
  raw: DenseMatrix
  /** Standardised transformed values: what k-means clusters. */
  x: DenseMatrix
}

/** Fits the transform on the rows of `frame` and returns it with the matrices. O(n·d + d·n log n) for medians. */
export function fitClusterTransform(frame: Frame, rows: readonly number[]): { transform: ClusterTransform; matrices: ClusterMatrices } {
  const names = clusterFeatureNames(frame)
  const features: ClusterFeature[] = names.map(([name, log]) => {
    const col = numericColumn(frame, name)
    const vals: number[] = []
    for (const i of rows) {
      const v = col[i] as number
      if (!Number.isNaN(v)) vals.push(log ? Math.log1p(Math.max(0, v)) : v)
    }
    return { name, log, median: median(vals) }
  })
  const transformed = transformRows(frame, rows, features)
  const s: Standardiser = fitStandardiser(transformed)
  const transform: ClusterTransform = { features, means: Array.from(s.means), scales: Array.from(s.scales) }
  return { transform, matrices: { raw: rawRows(frame, rows, features), x: standardise(transformed, s) } }
}

/** A frame's rows through a fitted transform (scoring): the standardised matrix, plus original units. */
export function applyClusterTransform(frame: Frame, rows: readonly number[], t: ClusterTransform): ClusterMatrices {
  const s: Standardiser = { means: Float64Array.from(t.means), scales: Float64Array.from(t.scales) }
  return { raw: rawRows(frame, rows, t.features), x: standardise(transformRows(frame, rows, t.features), s) }
}

function transformRows(frame: Frame, rows: readonly number[], features: readonly ClusterFeature[]): DenseMatrix {
  const d = features.length
  const data = new Float64Array(rows.length * d)
  features.forEach((f, j) => {
    const col = numericColumn(frame, f.name)
    rows.forEach((i, r) => {
      const v = col[i] as number
      data[r * d + j] = Number.isNaN(v) ? f.median : f.log ? Math.log1p(Math.max(0, v)) : v
    })
  })
  return { rows: rows.length, cols: d, data }
}

/** Original units; a missing value takes the median mapped back from the log scale when the column is logged. */
function rawRows(frame: Frame, rows: readonly number[], features: readonly ClusterFeature[]): DenseMatrix {
  const d = features.length
  const data = new Float64Array(rows.length * d)
  features.forEach((f, j) => {
    const col = numericColumn(frame, f.name)
    const fill = f.log ? Math.expm1(f.median) : f.median
    rows.forEach((i, r) => {
      const v = col[i] as number
      data[r * d + j] = Number.isNaN(v) ? fill : v
    })
  })
  return { rows: rows.length, cols: d, data }
}

/** Median of finite values; 0 when there are none (a column nobody has a value for carries no information). */
function median(values: number[]): number {
  if (values.length === 0) return 0
  const s = Float64Array.from(values).sort()
  const m = s.length >> 1
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}
