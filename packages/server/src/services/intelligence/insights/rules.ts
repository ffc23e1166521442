import { requirePermission, type Actor } from '../../../domain/actor.ts'
import { arrayLiteral } from '../../../store/array-literal.ts'
import type { Db } from '../../../store/db.ts'
import { activeVersion, asArray, asRecord, finiteOrNull, productCards, versionRef, type ModelVersionRef, type ProductCard } from './insight-reads.ts'

export const RULE_SORTS = ['lift', 'confidence', 'support'] as const
export type RuleSort = (typeof RULE_SORTS)[number]

export interface RuleRow {
  antecedent: ProductCard[]
  consequent: ProductCard[]
  support: number
  confidence: number
  lift: number
  /** Customers with a completed order holding every product of the rule (antecedent ∪ consequent). */
  customers: number
}

export interface RulesInsight {
  rules: RuleRow[]
  model_version: ModelVersionRef | null
}

interface ReportRule {
  antecedent: number[]
  consequent: number[]
  support: number
  confidence: number
  lift: number
}

const productIds = (v: unknown): number[] | null => {
  const ids = asArray(v).map((x) => (typeof x === 'string' && /^[0-9]+$/.test(x) ? Number(x) : x))
  return ids.length > 0 && ids.every((x) => Number.isSafeInteger(x)) ? (ids as number[]) : null
}

/** The rules of a basket_rules report that have the fields this endpoint shows; anything else is skipped. */
function reportRules(report: Record<string, unknown>): ReportRule[] {
  return asArray(report.rules).flatMap((raw) => {
    const r = asRecord(raw)
    const antecedent = productIds(r.antecedent)
    const consequent = productIds(r.consequent)
    const support = finiteOrNull(r.support)
    const confidence = finiteOrNull(r.confidence)
    const lift = finiteOrNull(r.lift)
    return antecedent && consequent && support !== null && confidence !== null && lift !== null ? [{ antecedent, consequent, support, confidence, lift }] : []
  })
}

/**
 * GET /insights/rules: the active basket_rules version's rules, best first by `sort`, with their products and,
 * per rule, how many customers bought the whole rule in one completed order (one SQL query for all rules:
 * the rules' products travel as (rule, product) arrays; an order counts for a rule when it holds all of them).
 * Rules naming a product that no longer exists are left out.
 */
export async function rulesInsight(db: Db, actor: Actor, opts: { limit: number; sort: RuleSort }): Promise<RulesInsight> {
  requirePermission(actor, 'customers:read')
  const ws = actor.workspaceId
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const version = await activeVersion(tx, ws, 'basket_rules')
    if (!version) return { rules: [], model_version: null }
    const all = reportRules(version.report)
    const cards = await productCards(tx, ws, all.flatMap((r) => [...r.antecedent, ...r.consequent]))
    const chosen = all
      .filter((r) => [...r.antecedent, ...r.consequent].every((id) => cards.has(id)))
      .sort((a, b) => b[opts.sort] - a[opts.sort] || b.lift - a.lift || b.confidence - a.confidence)
      .slice(0, opts.limit)
    const ruleOf: number[] = []
    const productOf: number[] = []
    chosen.forEach((r, i) => {
      for (const id of new Set([...r.antecedent, ...r.consequent])) {
        ruleOf.push(i)
        productOf.push(id)
      }
    })
    const counts = chosen.length === 0 ? [] : await tx.query<{ rule: number; customers: number }>(
      `WITH rp AS (SELECT u.rule, u.product FROM unnest($2::int[], $3::bigint[]) AS u(rule, product)),
       need AS (SELECT rule, count(*) AS n FROM rp GROUP BY rule),
       hits AS (
         SELECT rp.rule, i.order_id FROM rp
         JOIN order_items i ON i.workspace_id = $1 AND i.product_id = rp.product
         GROUP BY rp.rule, i.order_id HAVING count(*) = (SELECT n FROM need WHERE need.rule = rp.rule))
       SELECT h.rule, count(DISTINCT o.customer_id)::int AS customers
       FROM hits h JOIN orders o ON o.workspace_id = $1 AND o.id = h.order_id AND o.status = 'completed'
       GROUP BY h.rule`,
      [ws, arrayLiteral(ruleOf), arrayLiteral(productOf)],
    )
    const byRule = new Map(counts.map((c) => [Number(c.rule), Number(c.customers)]))
    const card = (id: number) => cards.get(id) as ProductCard
    return {
      rules: chosen.map((r, i) => ({
        antecedent: r.antecedent.map(card), consequent: r.consequent.map(card),
        support: r.support, confidence: r.confidence, lift: r.lift, customers: byRule.get(i) ?? 0,
      })),
      model_version: versionRef(version),
    }
  })
}
