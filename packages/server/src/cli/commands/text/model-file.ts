import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { textClassifierFromJson, textClassifierToJson, type TextClassifier, type TextClassifierJson } from '@rapport/ml'
import { InputError } from '../../../errors/rapport-error.ts'

export type TextTask = 'sentiment' | 'intent' | 'classify'

/** What `rapport text train` saves: the classifier plus what its task needs to score and route. */
export interface TextModelFile {
  format: 'rapport.text-model'
  version: 1
  task: TextTask
  classifier: TextClassifierJson
  /** intent: accept the top intent at or above this probability, else hand off. */
  threshold?: number
  validation?: { coverage: number; answeredAccuracy: number; accuracy: number; size: number }
  /** sentiment: which labels are positive and negative. */
  polarity?: { positive: string; negative: string }
  trainedOn: { file: string; rows: number }
}

export interface LoadedTextModel {
  file: TextModelFile
  classifier: TextClassifier
}

export function saveTextModel(path: string, m: Omit<TextModelFile, 'format' | 'version' | 'classifier'>, clf: TextClassifier): void {
  const body: TextModelFile = { format: 'rapport.text-model', version: 1, ...m, classifier: textClassifierToJson(clf) }
  writeFileSync(path, JSON.stringify(body))
}

export function loadTextModel(path: string): LoadedTextModel {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`)
  let json: TextModelFile
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as TextModelFile
  } catch (err) {
    throw new InputError(`${path}: not JSON (${(err as Error).message})`)
  }
  if (json?.format !== 'rapport.text-model' || json.version !== 1) throw new InputError(`${path}: not a rapport text model (run rapport text train)`)
  try {
    return { file: json, classifier: textClassifierFromJson(json.classifier) }
  } catch (err) {
    throw new InputError(`${path}: ${(err as Error).message}`)
  }
}
