import type { Db } from '../../store/db.ts'

/**
 * The workspace's top product categories by revenue of completed order lines (quantity × unit price) placed
 * before asOf, best first, ties by name: the categories whose shares become feature columns. Chosen from data
 * before asOf only, so the column set itself cannot leak what came later. One aggregate query over the lines.
 */
export async function topCategories(db: Db, workspaceId: number, asOf: Date, limit: number): Promise<string[]> {
  const rows = await db.query<{ category: string }>(
    `SELECT p.category
       FROM orders x
       JOIN order_items i ON i.workspace_id = x.workspace_id AND i.order_id = x.id
       JOIN products p ON p.workspace_id = i.workspace_id AND p.id = i.product_id
      WHERE x.workspace_id = $1 AND x.status = 'completed' AND x.ordered_at < $2 AND p.category IS NOT NULL
      GROUP BY p.category
      ORDER BY sum(i.quantity * i.unit_price) DESC, p.category
      LIMIT $3`,
    [workspaceId, asOf.toISOString(), limit],
  )
  return rows.map((r) => r.category)
}
