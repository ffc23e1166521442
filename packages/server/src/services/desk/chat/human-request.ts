/**
 * Whether a chat message asks for a person rather than the assistant ("我要找人工客服", "can I talk to a human?").
 * A short fixed list, matched on the normalised text: asking is a request the assistant must never argue with,
 * so the rule is explicit and testable rather than an intent the classifier may miss.
 */
const ZH = [/人工/u, /真人/u, /转客服/u, /找客服/u, /客服人员/u, /客服小姐姐/u, /活人/u, /接线员/u]
const EN = [
  /\b(?:real|live|actual)\s+(?:person|human|agent|people)\b/,
  /\bhuman\b/,
  /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|the|some)?\s*(?:person|someone|somebody|agent|representative|rep|operator|staff|manager)\b/,
  /\b(?:customer\s+service|support)\s+(?:agent|rep|representative|person)\b/,
  /^\s*(?:agent|operator|representative)\s*[.!?]*\s*$/,
]

export function asksForHuman(text: string): boolean {
  const t = text.normalize('NFKC').toLowerCase()
  return ZH.some((r) => r.test(t)) || EN.some((r) => r.test(t))
}
