import { selectRows } from '@rapport/ml'
import { arrayLiteral } from '../../store/array-literal.ts'
import type { Db } from '../../store/db.ts'
import { customerFeatures, type CustomerFeatures } from './customer-features.ts'

/**
 * The next-category training set as of T: features as of the cut-off T − horizon (customerFeatures,
 * point-in-time columns only, with the given categories' share columns) for the customers with at least one
 * completed order before the cut-off, and per target category a label 1 when the customer has a completed
 * order with a line of that category in the label window [T − horizon, T) — the same half-open partition
 * of time as the churn set. The labels come from one aggregate query returning customer × category pairs.
 */
export interface CategoryPurchaseOptions {
  /** T, the end of the label window (exclusive). */
  asOf: Date
  horizonDays: number
  /** Categories whose purchase is predicted (each must also be a feature category). */
  targets: readonly string[]
  /** Categories whose shares are feature columns. */
  featureCategories: readonly string[]
  consentCheckedAt?: Date
}

export interface CategoryPurchaseSet {
  features: CustomerFeatures
  /** One label vector per target, aligned with features.customerIds. */
  y: Map<string, Float64Array>
  cutoff: Date
  labelWindow: { from: Date; to: Date }
  excludedNoProfilingConsent: number
}

export async function categoryPurchaseSet(db: Db, workspaceId: number, o: CategoryPurchaseOptions): Promise<CategoryPurchaseSet> {
  const cutoff = new Date(o.asOf.getTime() - o.horizonDays * 86_400_000)
  const all = await customerFeatures(db, workspaceId, {
    asOf: cutoff,
    pointInTimeOnly: true,
    categories: o.featureCategories,
    consentCheckedAt: o.consentCheckedAt ?? new Date(Math.max(o.asOf.getTime(), Date.now())),
  })
  const frequency = all.frame.columns.find((c) => c.name === 'frequency')
  if (!frequency || frequency.kind === 'categorical') throw new Error('feature set has no numeric frequency column')
  const active: number[] = []
  for (let i = 0; i < all.frame.nRows; i++) if ((frequency.values[i] as number) >= 1) active.push(i)
  const customerIds = Float64Array.from(active, (i) => all.customerIds[i] as number)
  const y = new Map(o.targets.map((t) => [t, new Float64Array(customerIds.length)]))
  const row = new Map(Array.from(customerIds, (id, k) => [id, k]))
  for (const r of await categoryBuyers(db, workspaceId, customerIds, o.targets, cutoff, o.asOf)) {
    const k = row.get(Number(r.customer_id))
    const labels = y.get(r.category)
    if (k !== undefined && labels) labels[k] = 1
  }
  return {
    features: { ...all, customerIds, frame: selectRows(all.frame, active) },
    y,
    cutoff,
    labelWindow: { from: cutoff, to: o.asOf },
    excludedNoProfilingConsent: all.excludedNoProfilingConsent,
  }
}

/** (customer, category) pairs with a completed order line of the category in [from, to). */
async function categoryBuyers(db: Db, workspaceId: number, ids: Float64Array, categories: readonly string[], from: Date, to: Date) {
  if (ids.length === 0 || categories.length === 0) return []
  return db.query<{ customer_id: number; category: string }>(
    `SELECT x.customer_id, p.category
       FROM orders x
       JOIN order_items i ON i.workspace_id = x.workspace_id AND i.order_id = x.id
       JOIN products p ON p.workspace_id = i.workspace_id AND p.id = i.product_id
      WHERE x.workspace_id = $1 AND x.status = 'completed' AND x.ordered_at >= $2 AND x.ordered_at < $3
        AND x.customer_id = ANY($4::bigint[]) AND p.category = ANY($5::text[])
      GROUP BY x.customer_id, p.category`,
    [workspaceId, from.toISOString(), to.toISOString(), arrayLiteral(Array.from(ids)), arrayLiteral([...categories])],
  )
}
