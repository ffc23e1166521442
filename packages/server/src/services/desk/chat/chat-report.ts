import type { Db } from '../../../store/db.ts'

export interface AssistantRates {
  /** Chats with a visitor message in the range. */
  chats: number
  /** The assistant's decisions on visitors' questions: answered, asked which of two, handed off (with why). */
  decisions: number
  answered: number
  clarified: number
  handed_off: number
  answer_rate: number | null
  hand_off_rate: number | null
  hand_off_reasons: Record<string, number>
}

/** How the chat assistant fared on messages in [from, to): one aggregate over its decisions. */
export async function assistantRates(db: Db, workspaceId: number, from: string, to: string): Promise<AssistantRates> {
  const p = [workspaceId, from, to]
  const [chats] = await db.query<{ n: string }>(
    `SELECT count(DISTINCT session_id) AS n FROM chat_messages WHERE workspace_id = $1 AND author = 'visitor' AND created_at >= $2::timestamptz AND created_at < $3::timestamptz`, p)
  const rows = await db.query<{ action: string; reason: string | null; n: string }>(
    `SELECT decision->>'action' AS action, decision->>'reason' AS reason, count(*) AS n FROM chat_messages
      WHERE workspace_id = $1 AND author = 'assistant' AND created_at >= $2::timestamptz AND created_at < $3::timestamptz
        AND decision->>'action' IN ('answer', 'clarify', 'hand_off')
      GROUP BY 1, 2`, p)
  const count = (action: string) => rows.filter((r) => r.action === action).reduce((a, r) => a + Number(r.n), 0)
  const answered = count('answer')
  const clarified = count('clarify')
  const handedOff = count('hand_off')
  const decisions = answered + clarified + handedOff
  return {
    chats: Number(chats?.n ?? 0), decisions, answered, clarified, handed_off: handedOff,
    answer_rate: decisions > 0 ? answered / decisions : null,
    hand_off_rate: decisions > 0 ? handedOff / decisions : null,
    hand_off_reasons: Object.fromEntries(rows.filter((r) => r.action === 'hand_off').map((r) => [r.reason ?? 'unknown', Number(r.n)])),
  }
}
