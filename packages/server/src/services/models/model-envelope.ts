import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { InputError } from '../../errors/rapport-error.ts'

/**
 * The one file format for every saved model: classifiers, text models and recommenders. The algorithm's own
 * JSON (written by the @rapport/ml serialiser) travels untouched as `payload`; the envelope says what it is,
 * when and on what it was trained, with which parameters and how well it did. `version` is the envelope's
 * version: a reader refuses versions it does not know instead of guessing.
 */
export const MODEL_FORMAT = 'rapport.model'
export const MODEL_ENVELOPE_VERSION = 1
export const MODEL_KINDS = ['classifier', 'text', 'recommender', 'clv', 'segmentation', 'rules', 'anomaly'] as const
export type ModelFileKind = (typeof MODEL_KINDS)[number]

const trainedOnSchema = z.object({ file: z.string().optional(), rows: z.number().int().nonnegative() }).catchall(z.unknown())

const envelopeSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  kind: z.enum(MODEL_KINDS),
  version: z.literal(MODEL_ENVELOPE_VERSION),
  createdAt: z.iso.datetime(),
  trainedOn: trainedOnSchema,
  params: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), z.unknown()),
  payload: z.record(z.string(), z.unknown()),
})

export type ModelEnvelope = z.infer<typeof envelopeSchema>

/** What a trainer hands over; format, version and (unless given) createdAt are filled in. */
export interface NewModel {
  kind: ModelFileKind
  trainedOn: ModelEnvelope['trainedOn']
  params: Record<string, unknown>
  metrics: Record<string, unknown>
  /** The ml serialiser's JSON-safe output. */
  payload: object
  createdAt?: Date
}

/** Builds the envelope; `createdAt` defaults to now (the clock is read here, never in @rapport/ml). */
export function modelEnvelope(m: NewModel): ModelEnvelope {
  return {
    format: MODEL_FORMAT,
    kind: m.kind,
    version: MODEL_ENVELOPE_VERSION,
    createdAt: (m.createdAt ?? new Date()).toISOString(),
    trainedOn: m.trainedOn,
    params: m.params,
    metrics: m.metrics,
    payload: m.payload as Record<string, unknown>,
  }
}

/** Writes a model file; a path that cannot be written is an input error naming it. */
export function writeModelFile(path: string, m: NewModel): ModelEnvelope {
  const envelope = modelEnvelope(m)
  try {
    writeFileSync(path, JSON.stringify(envelope))
  } catch (err) {
    throw new InputError(`${path}: cannot write model: ${(err as Error).message}`)
  }
  return envelope
}

/**
 * Turns a file written before the envelope existed into one, or returns undefined when the JSON is not a
 * known old format. `mtime` stands in for the creation time such files did not record.
 */
export type LegacyUpgrade = (json: Record<string, unknown>, mtime: Date) => ModelEnvelope | undefined

/**
 * Reads and validates a model file of the expected kind. Old formats are accepted through `legacy`
 * (see classifier-file.ts, text-model-file.ts, recommender-file.ts). Every failure is an InputError that
 * names the file and says what is wrong: missing, not JSON, not a model, another kind, an unknown version,
 * or which envelope field is invalid.
 */
export function readModelFile(path: string, kind: ModelFileKind, legacy?: LegacyUpgrade): ModelEnvelope {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new InputError(`${path}: not JSON (${(err as Error).message})`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InputError(`${path}: not a rapport model file (expected a JSON object)`)
  const obj = json as Record<string, unknown>
  if (obj.format !== MODEL_FORMAT) {
    const upgraded = legacy?.(obj, statSync(path).mtime)
    if (upgraded === undefined) {
      const what = typeof obj.format === 'string' ? `format "${obj.format}"` : 'no "format" field'
      throw new InputError(`${path}: not a rapport ${kind} model (${what}; expected "${MODEL_FORMAT}")`)
    }
    return checkKind(path, upgraded, kind)
  }
  if (obj.version !== MODEL_ENVELOPE_VERSION) {
    throw new InputError(`${path}: model envelope version ${JSON.stringify(obj.version)} is not supported (this build reads version ${MODEL_ENVELOPE_VERSION})`)
  }
  const parsed = envelopeSchema.safeParse(obj)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'file'
    throw new InputError(`${path}: invalid model file: ${where}: ${issue?.message ?? 'invalid'}`)
  }
  return checkKind(path, parsed.data, kind)
}

function checkKind(path: string, e: ModelEnvelope, kind: ModelFileKind): ModelEnvelope {
  if (e.kind !== kind) throw new InputError(`${path}: this is a ${e.kind} model, not a ${kind} model`)
  return e
}

/** Runs a payload decoder (an ml `fromJson`), turning its plain Error into an InputError naming the file. */
export function decodePayload<T>(path: string, decode: () => T): T {
  try {
    return decode()
  } catch (err) {
    throw new InputError(`${path}: invalid model payload: ${(err as Error).message}`)
  }
}
