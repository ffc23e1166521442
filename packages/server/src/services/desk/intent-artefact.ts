import { classifyIntent, textClassifierFromJson, textClassifierToJson, type IntentModel, type IntentResult, type TextClassifierJson } from '@rapport/ml'

/** What the ticket_intent kind stores: the classifier, its hand-off threshold and each intent's usual priority. */
export interface IntentArtefact {
  classifier: TextClassifierJson
  threshold: number
  /** Per intent: share of its labelled tickets by priority (low, normal, high, urgent). */
  priorities: Record<string, Record<string, number>>
}

export function intentArtefact(model: IntentModel, priorities: IntentArtefact['priorities']): IntentArtefact {
  return { classifier: textClassifierToJson(model.classifier), threshold: model.threshold, priorities }
}

export interface LoadedIntentModel {
  versionId: number
  classify(text: string): IntentResult
  priorities: IntentArtefact['priorities']
}

const cache = new Map<number, LoadedIntentModel>()

/** The intent model of a registry version, parsed once per process (versions never change once written). */
export function loadIntentModel(versionId: number, artefact: IntentArtefact): LoadedIntentModel {
  const hit = cache.get(versionId)
  if (hit) return hit
  const classifier = textClassifierFromJson(artefact.classifier)
  // classifyIntent reads the classifier and the threshold only; the validation figures live in the registry row.
  const model: IntentModel = { classifier, threshold: artefact.threshold, validation: { coverage: 0, answeredAccuracy: 0, accuracy: 0, size: 0 } }
  const loaded = { versionId, classify: (text: string) => classifyIntent(model, text), priorities: artefact.priorities }
  if (cache.size > 32) cache.clear()
  cache.set(versionId, loaded)
  return loaded
}

/** Share of each priority among the labelled tickets of each intent. */
export function priorityShares(rows: ReadonlyArray<{ intent: string; priority: string }>): IntentArtefact['priorities'] {
  const counts: Record<string, Record<string, number>> = {}
  for (const r of rows) {
    const c = (counts[r.intent] ??= { low: 0, normal: 0, high: 0, urgent: 0 })
    c[r.priority] = (c[r.priority] ?? 0) + 1
  }
  for (const c of Object.values(counts)) {
    const n = Object.values(c).reduce((a, b) => a + b, 0)
    for (const k of Object.keys(c)) c[k] = n ? (c[k] ?? 0) / n : 0
  }
  return counts
}
