import { requirePermission, type Actor } from '../../domain/actor.ts'
import { invalid } from '../../errors/rapport-error.ts'
import type { Db } from '../../store/db.ts'
import { assistantRates, type AssistantRates } from './chat/chat-report.ts'

export interface DeskReport {
  from: string
  to: string
  /** Conversations opened per day (workspace time zone), with how many of them are solved by now. */
  volume: Array<{ day: string; opened: number; solved: number }>
  /** Minutes, over conversations opened in the range that got a first reply / were solved. */
  first_response_minutes: { count: number; median: number | null; p90: number | null }
  resolution_minutes: { count: number; median: number | null; p90: number | null }
  /** Share of conversations with a deadline that met it (first reply before its due time; solved before its due time). */
  sla: { first_response: { due: number; met: number; share: number | null }; resolution: { due: number; met: number; share: number | null } }
  csat: { asked: number; answered: number; mean: number | null; satisfied_share: number | null; by_rating: Record<string, number> }
  intents: Array<{ intent: string; count: number }>
  /** Per week (its Monday), the sentiment mix of conversations opened that week. */
  sentiment: Array<{ week: string; positive: number; neutral: number; negative: number }>
  triage: { triaged: number; needs_triage: number; corrected_by_agents: number }
  /** The chat assistant over messages in the range: answers, clarifying questions and hand-offs. */
  assistant: AssistantRates
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/**
 * The desk's reports over conversations opened in [from, to): volume, response and resolution times, service-level
 * attainment, satisfaction, intent mix, sentiment trend and how the triage fared. Each is one aggregate query.
 */
export async function deskReport(db: Db, actor: Actor, range: { from: string; to: string }): Promise<DeskReport> {
  requirePermission(actor, 'customers:read')
  if (!(Date.parse(range.from) < Date.parse(range.to))) throw invalid([{ path: 'querystring.from', message: 'must be before to' }])
  const p = [actor.workspaceId, range.from, range.to]
  const base = `FROM tickets t JOIN conversations c ON c.workspace_id = t.workspace_id AND c.ticket_id = t.id
    WHERE t.workspace_id = $1 AND t.opened_at >= $2::timestamptz AND t.opened_at < $3::timestamptz`
  const zone = `(SELECT time_zone FROM workspaces WHERE id = $1)`
  const volume = await db.query<{ day: string; opened: string; solved: string }>(
    `SELECT to_char(date_trunc('day', t.opened_at AT TIME ZONE ${zone}), 'YYYY-MM-DD') AS day, count(*) AS opened,
            count(*) FILTER (WHERE t.status IN ('solved', 'closed')) AS solved ${base} GROUP BY 1 ORDER BY 1`, p)
  const [times] = await db.query<Record<string, string | null>>(
    `SELECT count(c.first_response_at) AS fr_n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_response_at - t.opened_at) / 60) AS fr_med,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_response_at - t.opened_at) / 60) AS fr_p90,
            count(c.solved_at) AS rs_n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.solved_at - t.opened_at) / 60) AS rs_med,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.solved_at - t.opened_at) / 60) AS rs_p90,
            count(c.first_response_due_at) FILTER (WHERE c.first_response_at IS NOT NULL OR c.first_response_due_at < now()) AS fr_due,
            count(*) FILTER (WHERE c.first_response_at <= c.first_response_due_at) AS fr_met,
            count(c.resolution_due_at) FILTER (WHERE c.solved_at IS NOT NULL OR c.resolution_due_at < now()) AS rs_due,
            count(*) FILTER (WHERE c.solved_at <= c.resolution_due_at) AS rs_met,
            count(*) FILTER (WHERE c.triage_state = 'done') AS triaged, count(*) FILTER (WHERE c.triage_state = 'needs_triage') AS needs,
            count(*) FILTER (WHERE c.intent_source = 'agent' AND c.triaged_at IS NOT NULL) AS corrected
       ${base}`, p)
  const csat = await db.query<{ rating: number | null; n: string }>(
    `SELECT s.rating, count(*) AS n FROM desk_csat s JOIN tickets t ON t.workspace_id = s.workspace_id AND t.id = s.ticket_id
      WHERE t.workspace_id = $1 AND t.opened_at >= $2::timestamptz AND t.opened_at < $3::timestamptz GROUP BY s.rating`, p)
  const intents = await db.query<{ intent: string; n: string }>(`SELECT c.intent, count(*) AS n ${base} AND c.intent IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`, p)
  const sentiment = await db.query<{ week: string; positive: string; neutral: string; negative: string }>(
    `SELECT to_char(date_trunc('week', t.opened_at AT TIME ZONE ${zone}), 'YYYY-MM-DD') AS week,
            count(*) FILTER (WHERE s.sentiment = 'positive') AS positive, count(*) FILTER (WHERE s.sentiment = 'neutral') AS neutral,
            count(*) FILTER (WHERE s.sentiment = 'negative') AS negative
       FROM tickets t JOIN conversations c ON c.workspace_id = t.workspace_id AND c.ticket_id = t.id
       LEFT JOIN text_sentiments ts ON ts.workspace_id = t.workspace_id AND ts.entity = 'tickets' AND ts.entity_id = t.id
       CROSS JOIN LATERAL (SELECT coalesce(c.sentiment, ts.sentiment) AS sentiment) s
      WHERE t.workspace_id = $1 AND t.opened_at >= $2::timestamptz AND t.opened_at < $3::timestamptz AND s.sentiment IS NOT NULL
      GROUP BY 1 ORDER BY 1`, p)
  const asked = csat.reduce((a, r) => a + Number(r.n), 0)
  const answered = csat.filter((r) => r.rating !== null)
  const answeredN = answered.reduce((a, r) => a + Number(r.n), 0)
  const share = (met: unknown, due: unknown) => (Number(due) > 0 ? Number(met) / Number(due) : null)
  return {
    from: range.from, to: range.to,
    volume: volume.map((v) => ({ day: v.day, opened: Number(v.opened), solved: Number(v.solved) })),
    first_response_minutes: { count: Number(times?.fr_n ?? 0), median: num(times?.fr_med), p90: num(times?.fr_p90) },
    resolution_minutes: { count: Number(times?.rs_n ?? 0), median: num(times?.rs_med), p90: num(times?.rs_p90) },
    sla: {
      first_response: { due: Number(times?.fr_due ?? 0), met: Number(times?.fr_met ?? 0), share: share(times?.fr_met, times?.fr_due) },
      resolution: { due: Number(times?.rs_due ?? 0), met: Number(times?.rs_met ?? 0), share: share(times?.rs_met, times?.rs_due) },
    },
    csat: {
      asked, answered: answeredN,
      mean: answeredN ? answered.reduce((a, r) => a + Number(r.rating) * Number(r.n), 0) / answeredN : null,
      satisfied_share: answeredN ? answered.filter((r) => Number(r.rating) >= 4).reduce((a, r) => a + Number(r.n), 0) / answeredN : null,
      by_rating: Object.fromEntries(answered.map((r) => [String(r.rating), Number(r.n)])),
    },
    intents: intents.map((r) => ({ intent: r.intent, count: Number(r.n) })),
    sentiment: sentiment.map((r) => ({ week: r.week, positive: Number(r.positive), neutral: Number(r.neutral), negative: Number(r.negative) })),
    triage: { triaged: Number(times?.triaged ?? 0), needs_triage: Number(times?.needs ?? 0), corrected_by_agents: Number(times?.corrected ?? 0) },
    assistant: await assistantRates(db, actor.workspaceId, range.from, range.to),
  }
}
