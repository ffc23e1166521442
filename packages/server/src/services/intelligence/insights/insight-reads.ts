import type { Db } from '../../../store/db.ts'
import { arrayLiteral } from '../../../store/array-literal.ts'

/**
 * Reads the insight endpoints share: the active version of a model kind (its report is read field by field,
 * defensively — a kind that does not write a field yet gives an empty value, not an error), product cards,
 * and the revenue of completed orders, the one revenue definition of the insights (as the churn label and
 * the features use: only completed orders count).
 */
export const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

export interface ModelVersionRef {
  id: number
  version: number
  scored_at: string | null
}

export interface ActiveVersion extends ModelVersionRef {
  report: Record<string, unknown>
  metrics: Record<string, unknown>
}

export async function activeVersion(db: Db, workspaceId: number, kind: string): Promise<ActiveVersion | null> {
  const [row] = await db.query<{ id: number; version: number; scored_at: string | null; report: unknown; metrics: unknown }>(
    `SELECT id, version, ${iso('scored_at')} AS scored_at, report, metrics FROM model_versions
     WHERE workspace_id = $1 AND kind = $2 AND status = 'active'`,
    [workspaceId, kind],
  )
  if (!row) return null
  return { id: Number(row.id), version: Number(row.version), scored_at: row.scored_at, report: asRecord(row.report), metrics: asRecord(row.metrics) }
}

export const versionRef = (v: ActiveVersion | null): ModelVersionRef | null => (v ? { id: v.id, version: v.version, scored_at: v.scored_at } : null)

export function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

export const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

export const stringOr = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback)

export interface Persona {
  en: string
  'zh-CN': string
}

/** A persona from a report or a score's details; missing names fall back to `fallback` (the label, or "Cluster n"). */
export function personaOf(v: unknown, fallback: string): Persona {
  const p = asRecord(v)
  const en = stringOr(p.en, fallback)
  return { en, 'zh-CN': stringOr(p['zh-CN'], en) }
}

export interface ProductCard {
  id: number
  sku: string
  name: string
  category: string | null
}

export async function productCards(db: Db, workspaceId: number, ids: readonly number[]): Promise<Map<number, ProductCard>> {
  if (ids.length === 0) return new Map()
  const rows = await db.query<ProductCard>(
    'SELECT id, sku, name, category FROM products WHERE workspace_id = $1 AND id = ANY($2::bigint[])',
    [workspaceId, arrayLiteral([...new Set(ids)])],
  )
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), sku: r.sku, name: r.name, category: r.category }]))
}

/** Per-customer revenue of completed orders, as a CTE named `rev` (customer_id, revenue) over $1 = workspace. */
export const REVENUE_CTE = `rev AS (
  SELECT customer_id, sum(total)::float8 AS revenue FROM orders
  WHERE workspace_id = $1 AND status = 'completed' GROUP BY customer_id)`

/** A numeric field of a jsonb column, or null when it is absent or not a number (never a cast error). */
export const jsonNumber = (col: string, field: string) =>
  `(CASE WHEN jsonb_typeof(${col}->'${field}') = 'number' THEN (${col}->>'${field}')::float8 END)`

/** Start (UTC) of the month `offset` months after the month of `d`. */
export function monthStart(d: Date, offset = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1))
}

export const monthKey = (d: Date): string => d.toISOString().slice(0, 7)
