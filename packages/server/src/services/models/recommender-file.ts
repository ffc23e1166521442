import { modelFromJson, type ModelJson, type Recommender } from '@rapport/ml'
import type { SavedModelInfo } from './classifier-file.ts'
import { decodePayload, modelEnvelope, readModelFile, writeModelFile, type LegacyUpgrade, type ModelEnvelope } from './model-envelope.ts'

/** Saves a fitted recommender (its `toJSON()`) in the model envelope. */
export function saveRecommender(path: string, model: Recommender, info: SavedModelInfo): ModelEnvelope {
  return writeModelFile(path, { kind: 'recommender', ...info, payload: model.toJSON() })
}

/** Files written before the envelope: a recommender's bare `toJSON()` output, tagged only by `kind`. */
const legacyRecommender: LegacyUpgrade = (json, mtime) => {
  if (json.format !== undefined || typeof json.kind !== 'string') return undefined
  return modelEnvelope({ kind: 'recommender', createdAt: mtime, trainedOn: { rows: 0 }, params: { algo: json.kind, legacy: 'recommender-json' }, metrics: {}, payload: json })
}

/** Reads a saved recommender; predictions equal the original model's. */
export function loadRecommender(path: string): { model: Recommender; envelope: ModelEnvelope } {
  const envelope = readModelFile(path, 'recommender', legacyRecommender)
  const model = decodePayload(path, () => modelFromJson(envelope.payload as ModelJson))
  return { model, envelope }
}
