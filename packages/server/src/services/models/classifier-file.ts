import { classifierFromJson, type TrainedClassifier } from '@rapport/ml'
import { decodePayload, modelEnvelope, readModelFile, writeModelFile, type LegacyUpgrade, type ModelEnvelope } from './model-envelope.ts'

export interface SavedModelInfo {
  trainedOn: ModelEnvelope['trainedOn']
  params: Record<string, unknown>
  metrics: Record<string, unknown>
}

/** Saves a trained classifier (`rapport train classify --out`) in the model envelope. */
export function saveClassifier(path: string, model: TrainedClassifier, info: SavedModelInfo): ModelEnvelope {
  return writeModelFile(path, { kind: 'classifier', ...info, payload: model })
}

/** Files written before the envelope: the bare `rapport-classifier` JSON of `fitClassifier`. */
const legacyClassifier: LegacyUpgrade = (json, mtime) => {
  if (json.format !== 'rapport-classifier') return undefined
  const target = json.target as { column?: unknown } | undefined
  return modelEnvelope({
    kind: 'classifier',
    createdAt: mtime,
    trainedOn: { rows: 0, ...(typeof target?.column === 'string' ? { target: target.column } : {}) },
    params: { model: json.kind, legacy: 'rapport-classifier' },
    metrics: {},
    payload: json,
  })
}

/** Reads a classifier saved by `rapport train classify`, in the envelope or the older bare format. */
export function loadClassifier(path: string): { model: TrainedClassifier; envelope: ModelEnvelope } {
  const envelope = readModelFile(path, 'classifier', legacyClassifier)
  // classifierFromJson checks the serialiser's own format tag and version.
  const model = decodePayload(path, () => classifierFromJson(JSON.stringify(envelope.payload)))
  return { model, envelope }
}
