import { selectRows } from '@rapport/ml'
import { arrayLiteral } from '../../store/array-literal.ts'
import type { Db } from '../../store/db.ts'
import { customerFeatures, type CustomerFeatures, type FeatureSpec } from './customer-features.ts'

/**
 * The churn training set as of T: features as of the cut-off T − horizon (customerFeatures, point-in-time
 * columns only) for the customers with at least one completed order before the cut-off, and label 1 when the
 * customer has no completed order in the label window [T − horizon, T). The window is half-open like the
 * features' (−∞, cut-off), so the two partition time: an order at exactly the cut-off is a label order and
 * not a feature, an order at exactly T belongs to the next period. Scoring uses the same definition:
 * customerFeatures as of now with this set's `spec` (the model reads its columns by name, so the scoring
 * frame's extra non-point-in-time column is ignored). Cost: the feature query plus one indexed aggregate over
 * the label window's orders.
 */
export interface ChurnTrainingOptions {
  /** T, the end of the label window (exclusive). */
  asOf: Date
  /** Default 90. */
  horizonDays?: number
  categories?: readonly string[]
  topCategories?: number
  /** Default: the later of T and now (see CustomerFeatureOptions.consentCheckedAt). */
  consentCheckedAt?: Date
}

export interface ChurnTrainingSet {
  /** Features as of the cut-off, restricted to the customers active before it. */
  features: CustomerFeatures
  /** 1 = churned (no completed order in the label window), aligned with features.customerIds. */
  y: Float64Array
  cutoff: Date
  labelWindow: { from: Date; to: Date }
  horizonDays: number
  spec: FeatureSpec
  /** Eligible customers left out because their profiling consent is revoked. */
  excludedNoProfilingConsent: number
}

export const DEFAULT_CHURN_HORIZON_DAYS = 90

export async function churnTrainingSet(db: Db, workspaceId: number, options: ChurnTrainingOptions): Promise<ChurnTrainingSet> {
  const horizonDays = options.horizonDays ?? DEFAULT_CHURN_HORIZON_DAYS
  if (!(horizonDays > 0)) throw new RangeError('horizonDays must be positive')
  const end = options.asOf
  const cutoff = new Date(end.getTime() - horizonDays * 86_400_000)
  const all = await customerFeatures(db, workspaceId, {
    asOf: cutoff,
    pointInTimeOnly: true,
    consentCheckedAt: options.consentCheckedAt ?? new Date(Math.max(end.getTime(), Date.now())),
    ...(options.categories ? { categories: options.categories } : {}),
    ...(options.topCategories !== undefined ? { topCategories: options.topCategories } : {}),
  })
  const frequency = all.frame.columns.find((c) => c.name === 'frequency')
  if (!frequency || frequency.kind === 'categorical') throw new Error('feature set has no numeric frequency column')
  const active: number[] = []
  for (let i = 0; i < all.frame.nRows; i++) if ((frequency.values[i] as number) >= 1) active.push(i)
  const customerIds = Float64Array.from(active, (i) => all.customerIds[i] as number)
  const retained = await retainedCustomers(db, workspaceId, customerIds, cutoff, end)
  const y = Float64Array.from(customerIds, (id) => (retained.has(id) ? 0 : 1))
  const features: CustomerFeatures = { ...all, customerIds, frame: selectRows(all.frame, active) }
  return {
    features,
    y,
    cutoff,
    labelWindow: { from: cutoff, to: end },
    horizonDays,
    spec: all.spec,
    excludedNoProfilingConsent: all.excludedNoProfilingConsent,
  }
}

/** The given customers with a completed order in [from, to). */
async function retainedCustomers(db: Db, workspaceId: number, ids: Float64Array, from: Date, to: Date): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db.query<{ customer_id: number }>(
    `SELECT DISTINCT customer_id FROM orders
      WHERE workspace_id = $1 AND status = 'completed' AND ordered_at >= $2 AND ordered_at < $3 AND customer_id = ANY($4::bigint[])`,
    [workspaceId, from.toISOString(), to.toISOString(), arrayLiteral(Array.from(ids))],
  )
  return new Set(rows.map((r) => Number(r.customer_id)))
}
