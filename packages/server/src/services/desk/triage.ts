import type { Db } from '../../store/db.ts'
import type { ModelEnvelope } from '../models/model-envelope.ts'
import type { ConfidenceTable } from '../intelligence/kinds/sentiment-confidence.ts'
import { pickAssignee } from './assignment.ts'
import { refreshDeadlines } from './desk-settings.ts'
import { loadIntentModel, type IntentArtefact } from './intent-artefact.ts'
import { listRoutingRules } from './teams-service.ts'
import { decideTriage, type TriageModels } from './triage-decision.ts'

/** Conversations triaged per transaction. */
const BATCH = 100

/** The active intent and sentiment versions and the routing rules of a workspace. */
export async function triageModels(db: Db, workspaceId: number): Promise<TriageModels> {
  const versions = await db.query<{ id: string; kind: string; artefact: unknown }>(
    `SELECT id, kind, artefact FROM model_versions WHERE workspace_id = $1 AND status = 'active' AND kind IN ('ticket_intent', 'sentiment')`, [workspaceId])
  const intent = versions.find((v) => v.kind === 'ticket_intent')
  const sentiment = versions.find((v) => v.kind === 'sentiment')
  const payload = (sentiment?.artefact as ModelEnvelope | undefined)?.payload as { neutralBand?: number; confidence?: ConfidenceTable | null } | undefined
  return {
    intent: intent ? loadIntentModel(Number(intent.id), intent.artefact as IntentArtefact) : null,
    sentiment: sentiment ? { versionId: Number(sentiment.id), neutralBand: payload?.neutralBand ?? 0.05, confidence: payload?.confidence ?? null } : null,
    rules: await listRoutingRules(db, workspaceId),
  }
}

export interface TriageRun {
  triaged: number
  needsTriage: number
  assigned: number
  failed: number
}

interface Pending {
  ticket_id: string
  channel: string
  text: string
  assignee_id: string | null
  team_id: string | null
  clv_percentile: number | null
  churn_band: string | null
}

/**
 * Triages pending conversations (all of the workspace's, or only `ids`), a batch per transaction: each batch is
 * claimed FOR UPDATE SKIP LOCKED, so concurrent triage jobs split the work. A conversation whose triage throws is
 * left in needs_triage with the error, never dropped; the others of its batch go on.
 */
export async function triagePending(db: Db, workspaceId: number, opts: { ids?: readonly number[]; signal?: AbortSignal; progress?: (done: number) => Promise<void> } = {}): Promise<TriageRun> {
  const run: TriageRun = { triaged: 0, needsTriage: 0, assigned: 0, failed: 0 }
  const models = await triageModels(db, workspaceId)
  for (;;) {
    opts.signal?.throwIfAborted()
    const n = await db.transaction(async (tx) => {
      const rows = await tx.query<Pending>(
        `WITH claimed AS (
           SELECT c.ticket_id FROM conversations c
            WHERE c.workspace_id = $1 AND c.triage_state = 'pending' AND ($2::int8[] IS NULL OR c.ticket_id = ANY($2::int8[]))
            ORDER BY c.ticket_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
         SELECT t.id AS ticket_id, t.channel, c.assignee_id, c.team_id,
                concat_ws(E'\\n', nullif(btrim(t.subject), ''),
                  (SELECT string_agg(m.body, E'\\n' ORDER BY m.id) FROM ticket_messages m
                    WHERE m.workspace_id = t.workspace_id AND m.ticket_id = t.id AND m.author = 'customer')) AS text,
                (SELECT s.percentile FROM customer_scores s WHERE s.workspace_id = t.workspace_id AND s.kind = 'clv' AND s.customer_id = t.customer_id) AS clv_percentile,
                (SELECT s.band FROM customer_scores s WHERE s.workspace_id = t.workspace_id AND s.kind = 'churn' AND s.customer_id = t.customer_id) AS churn_band
           FROM claimed JOIN conversations c ON c.workspace_id = $1 AND c.ticket_id = claimed.ticket_id
           JOIN tickets t ON t.workspace_id = $1 AND t.id = claimed.ticket_id`,
        [workspaceId, opts.ids ? [...opts.ids] : null],
      )
      for (const r of rows) await triageOne(tx, workspaceId, r, models, run)
      if (rows.length > 0) await refreshDeadlines(tx, workspaceId, rows.map((r) => Number(r.ticket_id)))
      return rows.length
    })
    if (n === 0) break
    await opts.progress?.(run.triaged + run.needsTriage + run.failed)
  }
  return run
}

async function triageOne(tx: Db, workspaceId: number, r: Pending, models: TriageModels, run: TriageRun): Promise<void> {
  const id = Number(r.ticket_id)
  const started = performance.now()
  let d
  try {
    d = decideTriage({ text: r.text ?? '', channel: r.channel, clvPercentile: r.clv_percentile === null ? null : Number(r.clv_percentile), churnBand: r.churn_band }, models)
  } catch (err) {
    run.failed++
    await tx.query(`UPDATE conversations SET triage_state = 'needs_triage', triaged_at = now(), triage = $3::jsonb WHERE workspace_id = $1 AND ticket_id = $2`,
      [workspaceId, id, JSON.stringify({ error: err instanceof Error ? err.message : String(err) })])
    return
  }
  const decided = performance.now()
  const teamId = r.team_id === null ? d.teamId : Number(r.team_id)
  const assignee = r.assignee_id === null && teamId !== null ? await pickAssignee(tx, workspaceId, teamId) : null
  const ms = (a: number, b: number) => Math.round((b - a) * 100) / 100
  const triage = {
    reasons: d.reasons, top_intents: d.topIntents, needs_triage: d.needsTriage?.en ?? null, needs_triage_zh: d.needsTriage?.zh ?? null,
    intent_model_version: models.intent?.versionId ?? null, sentiment_model_version: models.sentiment?.versionId ?? null,
    // Time to decide (in process) and to pick the assignee (database), for the desk benchmark.
    decide_ms: ms(started, decided), assign_ms: ms(decided, performance.now()),
  }
  await tx.query(
    `UPDATE conversations SET language = $3, intent = $4, intent_confidence = $5, intent_source = CASE WHEN $4::text IS NULL THEN NULL ELSE 'model' END,
            sentiment = $6, sentiment_confidence = $7, suggested_priority = $8, team_id = $9, triage = $10::jsonb, triaged_at = now(),
            triage_state = $11, assignee_id = coalesce(assignee_id, $12), assigned_at = CASE WHEN $12::int8 IS NULL THEN assigned_at ELSE now() END
      WHERE workspace_id = $1 AND ticket_id = $2`,
    [workspaceId, id, d.language, d.intent, d.intentConfidence, d.sentiment, d.sentimentConfidence, d.priority, teamId, JSON.stringify(triage),
      d.needsTriage ? 'needs_triage' : 'done', assignee],
  )
  if (assignee !== null) {
    run.assigned++
    await tx.query(`UPDATE tickets SET status = 'open', updated_at = now() WHERE workspace_id = $1 AND id = $2 AND status = 'new'`, [workspaceId, id])
  }
  if (d.needsTriage) run.needsTriage++
  else run.triaged++
}
