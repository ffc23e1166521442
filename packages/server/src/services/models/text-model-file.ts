import { textClassifierFromJson, textClassifierToJson, type TextClassifier, type TextClassifierJson } from '@rapport/ml'
import { InputError } from '../../errors/rapport-error.ts'
import { decodePayload, modelEnvelope, readModelFile, writeModelFile, type LegacyUpgrade, type ModelEnvelope } from './model-envelope.ts'

export type TextTask = 'sentiment' | 'intent' | 'classify'
export const TEXT_TASKS: readonly TextTask[] = ['sentiment', 'intent', 'classify']

/** What a text task needs beside the classifier to score and route. */
export interface TextTaskSettings {
  task: TextTask
  /** intent: accept the top intent at or above this probability, else hand off. */
  threshold?: number
  validation?: { coverage: number; answeredAccuracy: number; accuracy: number; size: number }
  /** sentiment: which labels are positive and negative. */
  polarity?: { positive: string; negative: string }
}

/** The envelope payload of a text model: the task settings plus the ml serialiser's classifier JSON. */
interface TextModelPayload extends TextTaskSettings {
  classifier: TextClassifierJson
}

export interface LoadedTextModel {
  settings: TextTaskSettings
  classifier: TextClassifier
  envelope: ModelEnvelope
}

/** Saves a text model (`rapport text train --out`) in the model envelope. */
export function saveTextModel(
  path: string,
  settings: TextTaskSettings,
  clf: TextClassifier,
  info: { trainedOn: { file: string; rows: number }; params: Record<string, unknown> },
): ModelEnvelope {
  const payload: TextModelPayload = { ...settings, classifier: textClassifierToJson(clf) }
  const metrics = settings.validation ? { validation: settings.validation } : {}
  return writeModelFile(path, { kind: 'text', trainedOn: info.trainedOn, params: { task: settings.task, model: clf.kind, ...info.params }, metrics, payload })
}

/**
 * Files written before the envelope: `{ format: 'rapport.text-model', version: 1, task, classifier, … }`,
 * whose classifier JSON is itself in the serialiser's format 1 (64-bit weights) or 2 (32-bit weights).
 */
const legacyTextModel: LegacyUpgrade = (json, mtime) => {
  if (json.format !== 'rapport.text-model' || json.version !== 1) return undefined
  const { format: _format, version: _version, trainedOn, ...payload } = json
  const on = trainedOn as { file?: unknown; rows?: unknown } | undefined
  return modelEnvelope({
    kind: 'text',
    createdAt: mtime,
    trainedOn: { rows: typeof on?.rows === 'number' ? on.rows : 0, ...(typeof on?.file === 'string' ? { file: on.file } : {}) },
    params: { task: json.task, legacy: 'rapport.text-model v1' },
    metrics: json.validation !== undefined ? { validation: json.validation } : {},
    payload,
  })
}

/** Reads a text model saved by `rapport text train`, in the envelope or the older text-model format. */
export function loadTextModel(path: string): LoadedTextModel {
  const envelope = readModelFile(path, 'text', legacyTextModel)
  const p = envelope.payload as Partial<TextModelPayload>
  if (p.task === undefined || !TEXT_TASKS.includes(p.task)) throw new InputError(`${path}: invalid model payload: task must be one of ${TEXT_TASKS.join(', ')}`)
  if (p.task === 'intent' && (typeof p.threshold !== 'number' || p.validation === undefined)) {
    throw new InputError(`${path}: invalid model payload: an intent model needs threshold and validation`)
  }
  const classifier = decodePayload(path, () => textClassifierFromJson(p.classifier))
  const settings: TextTaskSettings = {
    task: p.task,
    ...(p.threshold !== undefined ? { threshold: p.threshold } : {}),
    ...(p.validation !== undefined ? { validation: p.validation } : {}),
    ...(p.polarity !== undefined ? { polarity: p.polarity } : {}),
  }
  return { settings, classifier, envelope }
}
