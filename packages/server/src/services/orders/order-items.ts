import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import { RefResolver } from '../../store/resolve-refs.ts'
import { upsertBatch } from '../../store/upsert.ts'
import type { FieldIssue } from '../../errors/rapport-error.ts'

export interface ItemInput {
  sku: string
  quantity: number
  unit_price: number
}

export interface ResolvedItem {
  productId: number
  quantity: number
  unitPrice: number
}

const productRef = (() => {
  const ref = entityTables.order_items.refs.find((r) => r.field === 'sku')
  if (!ref) throw new Error('entity-tables: order_items has no sku reference')
  return ref
})()

/**
 * Resolves the skus of several item lists with one query; reports unknown skus and a sku listed twice in
 * one order (an order line is unique per product) as issues at `pathOf(list, item)`.
 */
export async function resolveItems(
  db: Db,
  workspaceId: number,
  lists: readonly ItemInput[][],
  pathOf: (list: number, item: number) => string,
): Promise<{ resolved: ResolvedItem[][]; issues: FieldIssue[][] }> {
  const ids = await new RefResolver(db, workspaceId, productRef).resolve(lists.flatMap((l) => l.map((i) => i.sku)))
  const resolved: ResolvedItem[][] = []
  const issues: FieldIssue[][] = []
  lists.forEach((items, li) => {
    const seen = new Set<string>()
    const out: ResolvedItem[] = []
    const bad: FieldIssue[] = []
    items.forEach((item, ii) => {
      const productId = ids.get(item.sku)
      if (productId === undefined) bad.push({ path: pathOf(li, ii), message: `unknown product "${item.sku}"` })
      else if (seen.has(item.sku)) bad.push({ path: pathOf(li, ii), message: `product "${item.sku}" is listed twice` })
      else out.push({ productId, quantity: item.quantity, unitPrice: item.unit_price })
      seen.add(item.sku)
    })
    resolved.push(out)
    issues.push(bad)
  })
  return { resolved, issues }
}

/** Makes each order's items exactly the given list: lines for other products go, the rest are upserted. */
export async function replaceItems(db: Db, workspaceId: number, orders: readonly { orderId: number; items: ResolvedItem[] }[]): Promise<void> {
  if (orders.length === 0) return
  const o: number[] = []
  const p: number[] = []
  const q: number[] = []
  const u: number[] = []
  // Lines in (order, product) order, so concurrent writers lock them in the same order.
  const sorted = [...orders].sort((a, b) => a.orderId - b.orderId)
  for (const { orderId, items } of sorted) {
    for (const it of [...items].sort((a, b) => a.productId - b.productId)) {
      o.push(orderId)
      p.push(it.productId)
      q.push(it.quantity)
      u.push(it.unitPrice)
    }
  }
  await db.query(
    `DELETE FROM order_items oi WHERE oi.workspace_id = $1 AND oi.order_id = ANY($2::int8[])
       AND NOT EXISTS (SELECT 1 FROM unnest($3::int8[], $4::int8[]) AS k(o, p) WHERE k.o = oi.order_id AND k.p = oi.product_id)`,
    [workspaceId, orders.map((x) => x.orderId), o, p],
  )
  if (o.length > 0) await upsertBatch(db, entityTables.order_items, workspaceId, [o, p, q, u])
}

export interface ItemRow {
  id: number
  sku: string
  product_internal_id: number
  quantity: number
  unit_price: number
}

/** The items of several orders in one query, grouped by order id. */
export async function readItems(db: Db, workspaceId: number, orderIds: readonly number[]): Promise<Map<number, ItemRow[]>> {
  const rows = await db.query<ItemRow & { order_id: number }>(
    `SELECT oi.order_id, oi.id, p.sku, oi.product_id AS product_internal_id, oi.quantity, oi.unit_price::float8 AS unit_price
     FROM order_items oi JOIN products p ON p.workspace_id = oi.workspace_id AND p.id = oi.product_id
     WHERE oi.workspace_id = $1 AND oi.order_id = ANY($2::int8[]) ORDER BY oi.order_id, oi.id`,
    [workspaceId, [...orderIds]],
  )
  const out = new Map<number, ItemRow[]>(orderIds.map((id) => [id, []]))
  for (const { order_id, ...item } of rows) out.get(Number(order_id))?.push(item)
  return out
}
