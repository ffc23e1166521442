import { detectLanguage, lexiconSentiment, sentimentLabel, type IntentResult, type SentimentLabel } from '@rapport/ml'
import { PRIORITIES } from '../../domain/entities.ts'
import { confidenceOf, type ConfidenceTable } from '../intelligence/kinds/sentiment-confidence.ts'
import type { RoutingRule } from './teams-input.ts'

type Priority = (typeof PRIORITIES)[number]

/** One factor of the suggested priority, in both languages, with what it did. */
export interface PriorityReason {
  factor: 'intent' | 'sentiment' | 'value' | 'churn_risk'
  effect: number
  en: string
  zh: string
}

export interface TriageInput {
  text: string
  channel: string
  /** The customer's lifetime-value percentile (0–100) and churn band, when models have scored them. */
  clvPercentile: number | null
  churnBand: string | null
}

export interface TriageModels {
  intent: { versionId: number; classify(text: string): IntentResult; priorities: Record<string, Record<string, number>> } | null
  sentiment: { versionId: number; neutralBand: number; confidence: ConfidenceTable | null } | null
  rules: ReadonlyArray<RoutingRule>
}

export interface TriageDecision {
  language: 'zh' | 'en' | 'mixed' | null
  intent: string | null
  intentConfidence: number | null
  topIntents: Array<{ label: string; probability: number }>
  sentiment: SentimentLabel
  sentimentConfidence: number
  priority: Priority
  reasons: PriorityReason[]
  teamId: number | null
  /** Why a person has to look (en and zh): the intent model is missing or not sure. Null when the labels can stand. */
  needsTriage: { en: string; zh: string } | null
}

/** Customers at or above this lifetime-value percentile are VIPs for routing and priority. */
export const VIP_PERCENTILE = 80

const pct = (x: number) => `${Math.round(x * 100)} %`

/**
 * Triage of one conversation from its text and the customer's stored scores: language, intent (with the model's
 * hand-off threshold), sentiment with measured confidence, a suggested priority with its reasons, and the team
 * from the first routing rule that matches. Pure: the same inputs give the same decision.
 */
export function decideTriage(input: TriageInput, models: TriageModels): TriageDecision {
  const lang = detectLanguage(input.text).lang
  const language = lang === 'unknown' ? null : lang
  const intent = models.intent?.classify(input.text) ?? null
  const s = lexiconSentiment(input.text).score
  const sentiment = sentimentLabel(s, models.sentiment?.neutralBand ?? 0.05)
  const sentimentConfidence = confidenceOf(models.sentiment?.confidence ?? null, sentiment, s)
  const reasons: PriorityReason[] = []

  // Start from the intent's usual priority (its commonest among labelled tickets), else normal.
  let level = PRIORITIES.indexOf('normal')
  const usual = intent?.intent ? models.intent?.priorities[intent.intent] : undefined
  if (usual && intent?.intent) {
    const [top, share] = Object.entries(usual).sort((a, b) => b[1] - a[1])[0] ?? ['normal', 0]
    const i = PRIORITIES.indexOf(top as Priority)
    if (i >= 0 && i !== level) {
      reasons.push({ factor: 'intent', effect: i - level, en: `${intent.intent} tickets are usually ${top} (${pct(share)})`, zh: `“${intent.intent}”类工单通常为${PRIORITY_ZH[top as Priority]}（${pct(share)}）` })
      level = i
    }
  }
  if (sentiment === 'negative' && sentimentConfidence >= 0.6) {
    reasons.push({ factor: 'sentiment', effect: 1, en: `the customer sounds unhappy (negative, confidence ${pct(sentimentConfidence)})`, zh: `客户情绪负面（置信度 ${pct(sentimentConfidence)}）` })
    level++
  }
  const vip = input.clvPercentile !== null && input.clvPercentile >= VIP_PERCENTILE
  if (vip) {
    reasons.push({ factor: 'value', effect: 1, en: `a top-fifth customer by lifetime value (percentile ${Math.round(input.clvPercentile ?? 0)})`, zh: `终身价值位于前五分之一的客户（百分位 ${Math.round(input.clvPercentile ?? 0)}）` })
    level++
  } else if (input.churnBand === 'high') {
    reasons.push({ factor: 'churn_risk', effect: 1, en: 'high churn risk', zh: '流失风险高' })
    level++
  }
  const priority = PRIORITIES[Math.min(PRIORITIES.length - 1, Math.max(0, level))] ?? 'normal'

  const routed = intent?.intent ?? null
  const rule = models.rules.find((r) =>
    (r.intents.length === 0 || (routed !== null && r.intents.includes(routed))) &&
    (r.languages.length === 0 || (language !== null && (r.languages as readonly string[]).includes(language))) &&
    (r.channels.length === 0 || (r.channels as readonly string[]).includes(input.channel)) &&
    (!r.vip_only || vip))

  const needsTriage = !models.intent
    ? { en: 'no intent model is active yet (it trains once agents have labelled enough tickets)', zh: '尚无可用的意图模型（客服标注足够多的工单后会自动训练）' }
    : intent?.abstain
      ? { en: `the intent model is not sure (${intent.label} at ${pct(intent.confidence)}, below its threshold)`, zh: `意图模型不确定（“${intent.label}”仅 ${pct(intent.confidence)}，低于阈值）` }
      : null
  return {
    language, intent: intent?.intent ?? null, intentConfidence: intent ? intent.confidence : null, topIntents: intent?.top ?? [],
    sentiment, sentimentConfidence, priority, reasons, teamId: rule?.team_id ?? null, needsTriage,
  }
}

const PRIORITY_ZH: Record<Priority, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' }
