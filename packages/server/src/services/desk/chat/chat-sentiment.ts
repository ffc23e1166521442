import { lexiconSentiment, sentimentLabel } from '@rapport/ml'
import type { Db } from '../../../store/db.ts'
import { confidenceOf, type ConfidenceTable } from '../../intelligence/kinds/sentiment-confidence.ts'

/**
 * How sure the sentiment must be before an unhappy visitor goes to a person. Higher than the triage's 0.6 (which
 * only raises a priority): a question about a problem ("it does not fit") reads mildly negative, and handing off
 * every such question would leave the assistant nothing to answer.
 */
export const NEGATIVE_HAND_OFF_CONFIDENCE = 0.85

/**
 * The sentiment of one chat message as the triage reads it: the lexicon score, labelled with the workspace's active
 * sentiment model's neutral band and confidence table when it has one.
 */
export async function chatSentiment(db: Db, workspaceId: number, text: string): Promise<{ negative: boolean; confidence: number }> {
  // Only the two small fields of the artefact (ModelEnvelope.payload), not the whole model.
  const [payload] = await db.query<{ neutralBand: number | null; confidence: ConfidenceTable | null }>(
    `SELECT (artefact #>> '{payload,neutralBand}')::float8 AS "neutralBand", artefact #> '{payload,confidence}' AS confidence
       FROM model_versions WHERE workspace_id = $1 AND status = 'active' AND kind = 'sentiment' LIMIT 1`, [workspaceId])
  const score = lexiconSentiment(text).score
  const label = sentimentLabel(score, payload?.neutralBand ?? 0.05)
  const confidence = confidenceOf(payload?.confidence ?? null, label, score)
  return { negative: label === 'negative' && confidence >= NEGATIVE_HAND_OFF_CONFIDENCE, confidence }
}
