import type { Actor } from '../../domain/actor.ts'
import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { getRecord, insertRecord, patchRecord, type Row, type WriteConditions } from '../records/records.ts'
import { inTransaction } from '../transaction.ts'
import { readItems, replaceItems, resolveItems, type ItemInput } from './order-items.ts'

/** An order with its lines, as the API shows it. */
export async function getOrder(db: Db, actor: Actor, id: number): Promise<Row> {
  const order = await getRecord(db, actor, 'orders', id, 'order')
  const items = await readItems(db, actor.workspaceId, [id])
  return { ...order, items: items.get(id) ?? [] }
}

async function writeItems(tx: Db, actor: Actor, orderId: number, items: ItemInput[]): Promise<void> {
  const { resolved, issues } = await resolveItems(tx, actor.workspaceId, [items], (_, i) => `body.items.${i}.sku`)
  if (issues[0]?.length) throw invalid(issues[0], 'an order line names an unknown or repeated product')
  await replaceItems(tx, actor.workspaceId, [{ orderId, items: resolved[0] ?? [] }])
  await recordAudit(tx, actor, { action: 'replace_lines', entity: 'order_items', entityId: orderId, changes: { lines: { after: items.length } } })
}

/** Creates an order and its lines in one transaction (with their audit rows). */
export async function createOrder(db: Db, actor: Actor, body: Row & { items: ItemInput[] }): Promise<Row> {
  const { items, ...order } = body
  const id = await inTransaction(db, async (tx) => {
    const orderId = await insertRecord(tx, actor, 'orders', order)
    await writeItems(tx, actor, orderId, items)
    return orderId
  })
  return getOrder(db, actor, id)
}

/** Updates an order's fields and, when `items` is given, replaces its lines; one transaction. */
export async function updateOrder(db: Db, actor: Actor, id: number, body: Row & { items?: ItemInput[] }, cond: WriteConditions = {}): Promise<Row> {
  const { items, ...patch } = body
  await inTransaction(db, async (tx) => {
    await patchRecord(tx, actor, 'orders', id, patch, 'order', cond)
    if (items) await writeItems(tx, actor, id, items)
  })
  return getOrder(db, actor, id)
}
