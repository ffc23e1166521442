import { arrayLiteral } from '../../../store/array-literal.ts'
import type { Db } from '../../../store/db.ts'
import { assertFinite } from '../score-writes.ts'

/** An unusual order as order_flags stores it: isolation score, band and the inputs that stood out. */
export interface OrderFlagRow {
  orderId: number
  customerId: number
  score: number
  band: 'low' | 'medium' | 'high'
  reasons: Array<{ feature: string; value: number; typical: number; z: number; hour?: number }>
}

/** Replaces the workspace's order_flags with `rows` (inside the scoring transaction; numbers checked finite). */
export async function replaceOrderFlags(tx: Db, workspaceId: number, versionId: number, rows: readonly OrderFlagRow[]): Promise<void> {
  for (const r of rows) {
    assertFinite('the anomaly score', `order ${r.orderId}`, r.score)
    for (const x of r.reasons) for (const v of [x.value, x.typical, x.z]) assertFinite(`the ${x.feature} reason`, `order ${r.orderId}`, v)
  }
  await tx.query('DELETE FROM order_flags WHERE workspace_id = $1', [workspaceId])
  if (rows.length === 0) return
  await tx.query(
    `INSERT INTO order_flags (workspace_id, order_id, customer_id, score, band, reasons, model_version_id)
     SELECT $1, u.order_id, u.customer_id, u.score, u.band, u.reasons::jsonb, $2
     FROM unnest($3::bigint[], $4::bigint[], $5::float8[], $6::text[], $7::text[]) AS u(order_id, customer_id, score, band, reasons)`,
    [
      workspaceId, versionId,
      arrayLiteral(rows.map((r) => r.orderId)), arrayLiteral(rows.map((r) => r.customerId)), arrayLiteral(rows.map((r) => r.score)),
      arrayLiteral(rows.map((r) => r.band)), arrayLiteral(rows.map((r) => JSON.stringify(r.reasons))),
    ],
  )
}
