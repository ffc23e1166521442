import { segmentNode } from '../../domain/segment-tree.ts'
import type { Db } from '../../store/db.ts'
import { compileForWorkspace } from '../segments/compile-for-workspace.ts'
import type { WorkspaceCampaignSettings } from './campaign-settings.ts'
import type { CampaignRow } from './campaign-row.ts'

/** Why an audience member is not sent, in the order the rules are checked (the first that applies is counted). */
export const EXCLUSION_REASONS = ['no_address', 'suppressed', 'no_consent', 'unconfirmed_consent', 'negative_ticket', 'frequency_cap', 'global_control', 'uplift_targeting'] as const
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number]

export interface PlanCounts {
  audience: number
  treated: number
  holdout: number
  excluded: Record<ExclusionReason, number>
  variants: Record<string, number>
  /** Treated recipients waiting for the winner of a test (no variant yet). */
  held: number
}

/**
 * A value in [0, 1) from md5 of the parts: the same customer lands in the same group of a campaign every time
 * it is planned, on PGlite and PostgreSQL alike. 48 bits of the digest are plenty for a split.
 */
export const unitHashSql = (parts: string) => `(('x' || substr(md5(${parts}), 1, 12))::bit(48)::bigint::float8 / 281474976710656.0)`

/** The customer's language for the template: attributes.language, else the country, else English. */
export const languageSql = (c: string) =>
  `CASE WHEN lower(${c}.attributes->>'language') LIKE 'zh%' THEN 'zh' WHEN lower(${c}.attributes->>'language') LIKE 'en%' THEN 'en'
        WHEN ${c}.country IN ('CN', 'TW', 'HK', 'MO') THEN 'zh' ELSE 'en' END`

/** The customer's current consent status for a channel and purpose: the latest row (a revocation wins a tie). */
export const currentConsentSql = (ws: string, customer: string, channel: string, purpose: string) =>
  `(SELECT k.status FROM consents k WHERE k.workspace_id = ${ws} AND k.customer_id = ${customer} AND k.channel = ${channel} AND k.purpose = ${purpose}
     ORDER BY k.recorded_at DESC, (k.status = 'revoked') DESC LIMIT 1)`

/**
 * Whether the customer's current grant is confirmed (double opt-in): some confirmed grant was recorded after
 * their latest revocation. A confirmation lasts until the customer revokes; a later unconfirmed re-grant (an
 * import, say) does not undo it.
 */
export const confirmedGrantSql = (ws: string, customer: string, channel: string, purpose: string) =>
  `EXISTS (SELECT 1 FROM consents g WHERE g.workspace_id = ${ws} AND g.customer_id = ${customer} AND g.channel = ${channel} AND g.purpose = ${purpose}
             AND g.status = 'granted' AND g.confirmed_at IS NOT NULL
             AND g.recorded_at >= coalesce((SELECT max(v.recorded_at) FROM consents v WHERE v.workspace_id = ${ws} AND v.customer_id = ${customer}
                                             AND v.channel = ${channel} AND v.purpose = ${purpose} AND v.status = 'revoked'), '-infinity'::timestamptz))`

/**
 * Freezes the audience into the send ledger, inside the caller's transaction: the segment is evaluated now;
 * each member gets the first exclusion that applies (no address, suppressed, no current consent for the channel
 * and purpose or, under double opt-in, no confirmed one, an open negative ticket, over the frequency cap, in the global control group), and the eligible
 * ones are split by a stable hash into the holdout and the treated, and the treated into variants by weight.
 * One INSERT … SELECT: the work stays in the database.
 */
export async function planRecipients(tx: Db, c: CampaignRow, ws: WorkspaceCampaignSettings, now: Date): Promise<PlanCounts> {
  const [seg] = await tx.query<{ tree: unknown }>('SELECT tree FROM segments WHERE workspace_id = $1 AND id = $2', [c.workspace_id, c.segment_id])
  if (!seg) throw new Error(`segment ${c.segment_id} is gone`)
  const compiled = await compileForWorkspace(tx, c.workspace_id, segmentNode.parse(seg.tree), { now, selfId: null, pathPrefix: 'segment.tree' })
  const p = [...compiled.params]
  const param = (v: unknown, cast: string) => {
    p.push(v)
    return `$${p.length}::${cast}`
  }
  const names = c.variants.map((v) => v.name)
  const total = c.variants.reduce((s, v) => s + v.weight, 0)
  let acc = 0
  const cumulative = c.variants.map((v) => (acc += v.weight / total))
  cumulative[cumulative.length - 1] = 1.0000001
  const campaign = param(c.id, 'bigint')
  const channel = param(c.channel, 'text')
  const purpose = param(c.purpose, 'text')
  const at = param(now.toISOString(), 'timestamptz')
  const capMessages = param(ws.frequency_cap.messages, 'int')
  const capSince = param(new Date(now.getTime() - ws.frequency_cap.days * 86_400_000).toISOString(), 'timestamptz')
  const negative = param(c.settings.exclude_negative_tickets, 'boolean')
  const doubleOptIn = param(ws.double_opt_in[c.channel], 'boolean')
  const globalPct = param(ws.global_control_pct / 100, 'float8')
  const globalSeed = param(ws.global_control_seed, 'text')
  const holdout = param(c.holdout_pct / 100, 'float8')
  const variantNames = param(names, 'text[]')
  const variantCum = param(cumulative, 'float8[]')
  const t = c.settings.targeting
  const mode = param(t.mode, 'text')
  const topShare = param(t.mode === 'top_uplift' ? t.top_pct / 100 : 1, 'float8')
  // Without a winner test every treated recipient is in the "sample" (1.1 > any hash).
  const sample = param(c.settings.winner_test ? c.settings.winner_test.sample_pct / 100 : 1.1, 'float8')
  const address = c.channel === 'email' ? "nullif(trim(cu.email), '')" : "nullif(trim(cu.phone), '')"

  // One large statement run once: compiling it with JIT costs more than it saves (bench/results/campaigns.md).
  if (tx.kind === 'postgres') await tx.query('SET LOCAL jit = off')
  await tx.query(
    `INSERT INTO campaign_recipients (workspace_id, campaign_id, customer_id, address, lang, grp, variant, state, skip_reason, predicted_uplift)
     WITH audience AS MATERIALIZED (${compiled.sql}),
     facts AS (
       SELECT a.id AS customer_id, ${address} AS address, ${languageSql('cu')} AS lang,
         ${currentConsentSql('$1', 'a.id', channel, purpose)} AS consent,
         ${unitHashSql(`${campaign}::text || ':h:' || a.id::text`)} AS h_group,
         ${unitHashSql(`${campaign}::text || ':v:' || a.id::text`)} AS h_variant,
         ${unitHashSql(`$1::text || ':g:' || ${globalSeed} || ':' || a.id::text`)} AS h_global,
         ${unitHashSql(`${campaign}::text || ':s:' || a.id::text`)} AS h_sample,
         (SELECT u.score FROM customer_scores u WHERE u.workspace_id = $1 AND u.kind = 'uplift' AND u.customer_id = a.id) AS uplift
       FROM audience a JOIN customers cu ON cu.workspace_id = $1 AND cu.id = a.id),
     judged AS MATERIALIZED (
       SELECT f.*, CASE
         WHEN f.address IS NULL THEN 'no_address'
         WHEN EXISTS (SELECT 1 FROM suppressions s WHERE s.workspace_id = $1 AND s.channel = ${channel} AND s.address = lower(f.address)) THEN 'suppressed'
         WHEN f.consent IS DISTINCT FROM 'granted' THEN 'no_consent'
         WHEN ${doubleOptIn} AND NOT ${confirmedGrantSql('$1', 'f.customer_id', channel, purpose)} THEN 'unconfirmed_consent'
         WHEN ${negative} AND EXISTS (SELECT 1 FROM tickets tk JOIN text_sentiments ts ON ts.workspace_id = tk.workspace_id AND ts.entity = 'tickets' AND ts.entity_id = tk.id
                                      WHERE tk.workspace_id = $1 AND tk.customer_id = f.customer_id AND tk.status IN ('new', 'open', 'pending') AND ts.sentiment = 'negative') THEN 'negative_ticket'
         WHEN (SELECT count(*) FROM campaign_recipients r WHERE r.workspace_id = $1 AND r.customer_id = f.customer_id AND r.sent_at >= ${capSince} AND r.sent_at <= ${at}) >= ${capMessages} THEN 'frequency_cap'
         WHEN f.h_global < ${globalPct} THEN 'global_control'
       END AS reason
       FROM facts f),
     -- Targeting by predicted uplift ranks the customers every other rule let through.
     ranked AS (
       SELECT j.*, CASE WHEN j.reason IS NULL THEN percent_rank() OVER (PARTITION BY j.reason IS NULL ORDER BY j.uplift DESC NULLS LAST, j.customer_id) END AS uplift_rank
       FROM judged j),
     targeted AS (
       SELECT r.customer_id, r.address, r.lang, r.h_group, r.h_variant, r.h_sample, r.uplift, coalesce(r.reason, CASE
         WHEN ${mode} = 'top_uplift' AND (r.uplift IS NULL OR r.uplift_rank >= ${topShare}) THEN 'uplift_targeting'
         WHEN ${mode} = 'no_sleeping_dogs' AND r.uplift < 0 THEN 'uplift_targeting' END) AS reason
       FROM ranked r)
     SELECT $1, ${campaign}, j.customer_id, j.address, j.lang,
       CASE WHEN j.reason IS NOT NULL THEN 'excluded' WHEN j.h_group < ${holdout} THEN 'holdout' ELSE 'treated' END,
       CASE WHEN j.reason IS NULL AND j.h_group >= ${holdout} AND j.h_sample < ${sample}
            THEN (${variantNames})[(SELECT min(i) FROM generate_subscripts(${variantCum}, 1) i WHERE j.h_variant < (${variantCum})[i])] END,
       CASE WHEN j.reason IS NOT NULL OR j.h_group < ${holdout} THEN 'skipped' WHEN j.h_sample < ${sample} THEN 'planned' ELSE 'held' END,
       coalesce(j.reason, CASE WHEN j.h_group < ${holdout} THEN 'holdout' END), j.uplift
     FROM targeted j`,
    p)
  return planCounts(tx, c.workspace_id, c.id)
}

/** The frozen audience, counted by group, exclusion reason and variant. */
export async function planCounts(db: Db, workspaceId: number, campaignId: number): Promise<PlanCounts> {
  const rows = await db.query<{ grp: string; skip_reason: string | null; variant: string | null; n: string }>(
    `SELECT grp, CASE WHEN grp = 'excluded' THEN skip_reason END AS skip_reason, variant, count(*) AS n
       FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 GROUP BY 1, 2, 3`, [workspaceId, campaignId])
  const out: PlanCounts = { audience: 0, treated: 0, holdout: 0, excluded: Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>, variants: {}, held: 0 }
  for (const r of rows) {
    const n = Number(r.n)
    out.audience += n
    if (r.grp === 'treated') {
      out.treated += n
      if (r.variant) out.variants[r.variant] = (out.variants[r.variant] ?? 0) + n
      else out.held += n
    } else if (r.grp === 'holdout') out.holdout += n
    else if (r.skip_reason) out.excluded[r.skip_reason as ExclusionReason] += n
  }
  return out
}

