import type { Db } from '../../store/db.ts'

/**
 * Test helpers for campaign results: rows written straight into campaigns, campaign_recipients, orders and
 * customer_scores by SQL (in bulk, through one JSON parameter), so a test states every number it expects.
 */

export interface CampaignSpec {
  name: string
  variants: string[]
  holdoutPct: number
  plannedAt: string | null
  attributionDays?: number
  /** Force the id (OVERRIDING SYSTEM VALUE): lets another workspace reuse the same campaign id. */
  id?: number
}

export async function insertCampaign(db: Db, ws: number, spec: CampaignSpec): Promise<number> {
  const variants = spec.variants.map((name) => ({ name, weight: 1, template: { en: { subject: `Hello from ${name}`, text: 'Hello' } } }))
  const status = spec.plannedAt === null ? 'draft' : 'sending'
  const settings = { attribution_days: spec.attributionDays ?? 7 }
  const [r] = spec.id === undefined
    ? await db.query<{ id: number }>(
      `INSERT INTO campaigns (workspace_id, name, channel, status, variants, holdout_pct, settings, planned_at, created_by)
       VALUES ($1, $2, 'email', $3, $4::jsonb, $5, $6::jsonb, $7, 'test') RETURNING id`,
      [ws, spec.name, status, JSON.stringify(variants), spec.holdoutPct, JSON.stringify(settings), spec.plannedAt])
    : await db.query<{ id: number }>(
      `INSERT INTO campaigns (workspace_id, id, name, channel, status, variants, holdout_pct, settings, planned_at, created_by)
       OVERRIDING SYSTEM VALUE VALUES ($1, $8, $2, 'email', $3, $4::jsonb, $5, $6::jsonb, $7, 'test') RETURNING id`,
      [ws, spec.name, status, JSON.stringify(variants), spec.holdoutPct, JSON.stringify(settings), spec.plannedAt, spec.id])
  return Number(r?.id)
}

/** `n` customers named `${prefix}1…n`; with `ids`, those ids exactly (another workspace may hold the same ids). */
export async function insertCustomers(db: Db, ws: number, prefix: string, n: number, ids?: number[]): Promise<number[]> {
  const rows = ids
    ? await db.query<{ id: number }>(
      `INSERT INTO customers (workspace_id, id, external_id) OVERRIDING SYSTEM VALUE
       SELECT $1, x.id, $2 || x.ord FROM unnest($3::bigint[]) WITH ORDINALITY AS x(id, ord) ORDER BY x.ord RETURNING id`, [ws, prefix, ids])
    : await db.query<{ id: number }>(
      `INSERT INTO customers (workspace_id, external_id) SELECT $1, $2 || g FROM generate_series(1, $3::int) g ORDER BY g RETURNING id`, [ws, prefix, n])
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b)
}

export interface RecipientSpec {
  customer_id: number
  grp: 'treated' | 'holdout' | 'excluded'
  variant?: string | null
  state: 'planned' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'skipped'
  skip_reason?: string | null
  sent_at?: string | null
  delivered_at?: string | null
  bounced_at?: string | null
  opened_at?: string | null
  clicked_at?: string | null
  unsubscribed_at?: string | null
}

export async function insertRecipients(db: Db, ws: number, campaignId: number, rows: RecipientSpec[]): Promise<void> {
  await db.query(
    `INSERT INTO campaign_recipients (workspace_id, campaign_id, customer_id, grp, variant, state, skip_reason,
       sent_at, delivered_at, bounced_at, opened_at, clicked_at, unsubscribed_at)
     SELECT $1, $2, x.customer_id, x.grp, x.variant, x.state, x.skip_reason, x.sent_at, x.delivered_at, x.bounced_at, x.opened_at, x.clicked_at, x.unsubscribed_at
       FROM jsonb_to_recordset($3::jsonb) AS x(customer_id bigint, grp text, variant text, state text, skip_reason text, sent_at timestamptz,
            delivered_at timestamptz, bounced_at timestamptz, opened_at timestamptz, clicked_at timestamptz, unsubscribed_at timestamptz)`,
    [ws, campaignId, JSON.stringify(rows)])
}

export interface OrderSpec {
  customer_id: number
  at: string
  status: 'pending' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refunded'
  total: number
}

let orderSeq = 0

export async function insertOrders(db: Db, ws: number, rows: OrderSpec[]): Promise<void> {
  const withIds = rows.map((o) => ({ ...o, external_id: `res-o${++orderSeq}` }))
  await db.query(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, status, total)
     SELECT $1, x.external_id, x.customer_id, x.at, x.status, x.total
       FROM jsonb_to_recordset($2::jsonb) AS x(external_id text, customer_id bigint, at timestamptz, status text, total numeric)`,
    [ws, JSON.stringify(withIds)])
}

/** Stored labels of one score kind ('rfm' → segment, 'cluster' → persona), under a fresh active model version. */
export async function insertLabels(db: Db, ws: number, kind: 'rfm' | 'cluster', labels: Array<[customerId: number, label: string]>): Promise<void> {
  const [v] = await db.query<{ id: number }>(
    `INSERT INTO model_versions (workspace_id, kind, version, status, actor_label) VALUES ($1, $2, 1, 'active', 'test') RETURNING id`, [ws, kind])
  await db.query(
    `INSERT INTO customer_scores (workspace_id, kind, customer_id, model_version_id, label)
     SELECT $1, $2, x.customer_id, $3, x.label FROM jsonb_to_recordset($4::jsonb) AS x(customer_id bigint, label text)`,
    [ws, kind, Number(v?.id), JSON.stringify(labels.map(([customer_id, label]) => ({ customer_id, label })))])
}
