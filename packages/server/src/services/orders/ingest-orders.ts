import { requirePermission, type Actor } from '../../domain/actor.ts'
import { coerceRecord } from '../../domain/coerce.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { inTransaction } from '../transaction.ts'
import type { OrderInput } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { entityTables } from '../../store/entity-tables.ts'
import { RefResolver } from '../../store/resolve-refs.ts'
import { upsertBatch } from '../../store/upsert.ts'
import { invalid, type FieldIssue } from '../../errors/rapport-error.ts'
import { orderBody } from '../../domain/order-body.ts'
import type { BatchResult } from '../records/ingest-batch.ts'
import { replaceItems, resolveItems, type ItemInput } from './order-items.ts'

type ParsedOrder = OrderInput & { items: ItemInput[] }

/**
 * Ingests orders with their lines. Everything is validated first (fields as on import, the customer and
 * every sku resolved in one query each), so an order is written whole or not at all: transactional mode
 * writes nothing when any order is bad; skipInvalid writes the good orders and reports the bad ones.
 * Orders upsert by external id (the last one wins when a batch repeats it) and their lines are replaced.
 */
export async function ingestOrders(db: Db, actor: Actor, items: Record<string, unknown>[], skipInvalid: boolean): Promise<BatchResult> {
  requirePermission(actor, 'customers:write')
  const workspaceId = actor.workspaceId
  const issues: FieldIssue[][] = items.map(() => [])
  const parsed: Array<ParsedOrder | undefined> = items.map((raw, i) => {
    const record: Record<string, unknown> = { ...raw }
    const lines = Array.isArray(record.items) ? record.items.map((l) => (l && typeof l === 'object' ? { ...(l as object) } : l)) : record.items
    if (Array.isArray(lines)) record.items = lines
    const bad = coerceRecord(record).map((e) => ({ path: `items.${i}.${e.field}`, message: e.reason }))
    if (Array.isArray(lines)) {
      lines.forEach((l, j) => {
        if (l && typeof l === 'object') for (const e of coerceRecord(l as Record<string, unknown>)) bad.push({ path: `items.${i}.items.${j}.${e.field}`, message: e.reason })
      })
    }
    const r = orderBody.safeParse(record)
    if (!r.success) for (const is of r.error.issues) bad.push({ path: ['items', i, ...is.path.map(String)].join('.'), message: is.message })
    issues[i]?.push(...bad)
    return bad.length === 0 && r.success ? r.data : undefined
  })

  return inTransaction(db, async (tx) => {
    const customerRef = entityTables.orders.refs[0]
    if (!customerRef) throw new Error('entity-tables: orders has no customer reference')
    const customers = await new RefResolver(tx, workspaceId, customerRef).resolve(parsed.flatMap((o) => (o ? [o.customer_id] : [])))
    const { resolved, issues: itemIssues } = await resolveItems(tx, workspaceId, parsed.map((o) => o?.items ?? []), (i, j) => `items.${i}.items.${j}.sku`)
    parsed.forEach((o, i) => {
      if (!o) return
      if (!customers.has(o.customer_id)) issues[i]?.push({ path: `items.${i}.customer_id`, message: `unknown customer "${o.customer_id}"` })
      issues[i]?.push(...(itemIssues[i] ?? []))
    })
    const all = issues.flat()
    const rejected = issues.filter((x) => x.length > 0).length
    if (rejected > 0 && !skipInvalid) throw invalid(all, `${rejected} of ${items.length} orders are not valid; nothing was written`)

    // The last occurrence of an external id wins, as on import.
    const good = new Map<string, { order: ParsedOrder; items: (typeof resolved)[number] }>()
    parsed.forEach((o, i) => {
      if (o && issues[i]?.length === 0) good.set(o.external_id, { order: o, items: resolved[i] ?? [] })
    })
    // In key order, so concurrent batches lock the same orders in the same order (no deadlock).
    const list = [...good.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v)
    const col = (f: (o: ParsedOrder) => unknown) => list.map(({ order }) => f(order) ?? null)
    const counts = list.length === 0 ? { inserted: 0, updated: 0 } : await upsertBatch(tx, entityTables.orders, workspaceId, [
      col((o) => o.external_id), col((o) => customers.get(o.customer_id)), col((o) => o.ordered_at), col((o) => o.status),
      col((o) => o.channel), col((o) => o.total), col((o) => o.currency),
    ])
    const ids = await tx.query<{ id: number; external_id: string }>(
      'SELECT id, external_id FROM orders WHERE workspace_id = $1 AND external_id = ANY($2::text[])',
      [workspaceId, list.map((x) => x.order.external_id)],
    )
    const idOf = new Map(ids.map((r) => [r.external_id, Number(r.id)]))
    await replaceItems(tx, workspaceId, list.map((x) => ({ orderId: idOf.get(x.order.external_id) ?? 0, items: x.items })))
    await recordAudit(tx, actor, { action: 'import', entity: 'orders', changes: { source: 'api:orders/batch', read: items.length, inserted: counts.inserted, updated: counts.updated, rejected } })
    return {
      received: items.length,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: list.length - counts.inserted - counts.updated,
      rejected,
      errors: all,
    }
  })
}
