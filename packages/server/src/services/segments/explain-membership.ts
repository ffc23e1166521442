import { requirePermission, type Actor } from '../../domain/actor.ts'
import { segmentNode, type SegmentLeaf } from '../../domain/segment-tree.ts'
import { notFound } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { isoTime } from '../../store/entity-view.ts'
import { boundedSegmentQuery, compileForWorkspace } from './compile-for-workspace.ts'
import { describeLeaf } from './phrases/describe-condition.ts'

export interface ConditionExplained {
  path: string
  text: { en: string; 'zh-CN': string }
  /** The value the condition looked at for this customer (a count, a sum, a band, a date …), or null. */
  actual: string | number | boolean | null
  matched: boolean
}

export interface MembershipExplained {
  segment_id: number
  customer_id: number
  /** The whole tree, evaluated now. */
  matched: boolean
  /** Whether the last refresh stored the customer as a member. */
  member: boolean
  conditions: ConditionExplained[]
}

const isInstant = (l: SegmentLeaf) =>
  (l.type === 'behaviour' && (l.measure === 'first_at' || l.measure === 'last_at')) || (l.type === 'date' && l.field !== 'birth_date')
const isNumeric = (l: SegmentLeaf) =>
  (l.type === 'behaviour' && !isInstant(l)) || l.type === 'product' ||
  (l.type === 'prediction' && ['churn_score', 'clv', 'p_alive', 'expected_orders', 'next_category_probability', 'cluster'].includes(l.field)) ||
  (l.type === 'attribute' && l.value_type === 'number')

/**
 * "Why is this customer in (or not in) this segment": every condition of the tree evaluated for the one
 * customer, with the value it looked at ("orders in the last 30 days: 1, needs ≥ 2").
 */
export async function explainMembership(db: Db, actor: Actor, segmentId: number, customerId: number, now = new Date()): Promise<MembershipExplained> {
  requirePermission(actor, 'customers:read')
  const [seg] = await db.query<{ tree: unknown }>('SELECT tree FROM segments WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, segmentId])
  if (!seg) throw notFound(`segment ${segmentId}`)
  const [cust] = await db.query('SELECT 1 FROM customers WHERE workspace_id = $1 AND id = $2', [actor.workspaceId, customerId])
  if (!cust) throw notFound(`customer ${customerId}`)
  const c = await compileForWorkspace(db, actor.workspaceId, segmentNode.parse(seg.tree), { now, selfId: segmentId, pathPrefix: 'tree' })
  const params = [...c.params, customerId, segmentId]
  const cols = c.leaves.map((l, i) => {
    const actual = isInstant(l.leaf) ? isoTime(`(${l.actual})`) : `(${l.actual})::text`
    return `${l.test} AS m${i}, ${actual} AS a${i}`
  })
  const [row] = await boundedSegmentQuery(db, (tx) => tx.query<Record<string, unknown>>(
    `SELECT ${c.where} AS matched${cols.length ? `, ${cols.join(', ')}` : ''},
       EXISTS (SELECT 1 FROM segment_members sm WHERE sm.workspace_id = $1 AND sm.segment_id = $${params.length}::bigint AND sm.customer_id = t.id AND sm.exited_at IS NULL) AS member
     FROM ${c.from} WHERE t.workspace_id = $1 AND t.id = $${params.length - 1}::bigint`, params))
  if (!row) throw notFound(`customer ${customerId}`)
  return {
    segment_id: segmentId,
    customer_id: customerId,
    matched: row.matched === true,
    member: row.member === true,
    conditions: c.leaves.map((l, i) => {
      const raw = row[`a${i}`] as string | null
      const actual = raw === null ? null : l.leaf.type === 'segment' ? raw === 'true' : isNumeric(l.leaf) && Number.isFinite(Number(raw)) ? Number(raw) : raw
      return { path: l.path, text: { en: describeLeaf(l.leaf, 'en'), 'zh-CN': describeLeaf(l.leaf, 'zh-CN') }, actual, matched: row[`m${i}`] === true }
    }),
  }
}
