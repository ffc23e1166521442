import { createAnalyzer, type AnalyzerConfig } from './analyzer.ts'
import type { FeatureSpace } from './feature-space.ts'
import type { LinearModel } from './linear-model.ts'
import type { TextClassifier } from './text-classifier.ts'
import { tfidfFromTerms, type TfidfModel } from './tfidf.ts'
import type { Segmenter } from './tokenizer.ts'
import { TEXT_MODEL_KINDS, type TextModelKind } from './train-linear.ts'

/**
 * Float arrays travel as base64 of their bytes, so a model reloads bit-for-bit (identical outputs): in 64 bits,
 * or in 32 when every value is an exact float32 (fitted weights are rounded to it), half the bytes.
 */
export function floatsToBase64(a: Float64Array, bits: 32 | 64 = 64): string {
  const f = bits === 32 ? Float32Array.from(a) : a
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64')
}

export function base64ToFloats(s: string, bits: 32 | 64 = 64): Float64Array {
  const b = Buffer.from(s, 'base64')
  const width = bits / 8
  if (b.byteLength % width !== 0) throw new Error('model JSON: float array has a bad length')
  const f = bits === 32 ? new Float32Array(b.byteLength / width) : new Float64Array(b.byteLength / width)
  new Uint8Array(f.buffer).set(b)
  return f instanceof Float64Array ? f : Float64Array.from(f)
}

/** Whether every value is exactly representable as a float32. */
function isFloat32Exact(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (Math.fround(a[i]!) !== a[i]) return false
  return true
}

interface TfidfJson {
  terms: string[]
  idf: string
  sublinearTf: boolean
  binary: boolean
}

export interface TextClassifierJson {
  format: 'rapport.text-classifier'
  /** 2: coef in `coefBits` (32 or 64) bits; 1 (still read): coef in 64 bits. */
  version: 1 | 2
  kind: TextModelKind
  labels: string[]
  analyzer: AnalyzerConfig
  space: { kind: 'tfidf'; words: TfidfJson | null; chars: TfidfJson | null } | { kind: 'hash'; features: number; seed: number }
  model: { nClasses: number; nFeatures: number; coef: string; coefBits?: 32 | 64; bias: string; temperature: number }
}

/** Plain JSON form of a text classifier (vocabulary, idf, weights, analyzer settings). */
export function textClassifierToJson(clf: TextClassifier): TextClassifierJson {
  const tf = (m: TfidfModel | null): TfidfJson | null =>
    m && { terms: m.terms, idf: floatsToBase64(m.idf), sublinearTf: m.sublinearTf, binary: m.binary }
  const s = clf.space
  const m = clf.model
  const coefBits = isFloat32Exact(m.coef) ? 32 : 64
  return {
    format: 'rapport.text-classifier',
    version: 2,
    kind: clf.kind,
    labels: clf.labels,
    analyzer: clf.analyzer.config,
    space: s.kind === 'tfidf' ? { kind: 'tfidf', words: tf(s.words), chars: tf(s.chars) } : s,
    model: {
      nClasses: m.nClasses,
      nFeatures: m.nFeatures,
      coef: floatsToBase64(m.coef, coefBits),
      coefBits,
      bias: floatsToBase64(m.bias),
      temperature: m.temperature,
    },
  }
}

/** Rebuilds a classifier from {@link textClassifierToJson}'s output; throws on a malformed object. */
export function textClassifierFromJson(json: unknown, segmenter?: Segmenter): TextClassifier {
  const j = json as Partial<TextClassifierJson>
  if (j?.format !== 'rapport.text-classifier' || (j.version !== 1 && j.version !== 2)) throw new Error('not a rapport text-classifier model (format/version)')
  if (!j.kind || !TEXT_MODEL_KINDS.includes(j.kind) || !Array.isArray(j.labels) || !j.analyzer || !j.space || !j.model) {
    throw new Error('text-classifier model JSON is missing fields')
  }
  const tf = (t: TfidfJson | null): TfidfModel | null => t && tfidfFromTerms(t.terms, base64ToFloats(t.idf), t.sublinearTf, t.binary)
  const space: FeatureSpace = j.space.kind === 'tfidf' ? { kind: 'tfidf', words: tf(j.space.words), chars: tf(j.space.chars) } : j.space
  const m = j.model
  const model: LinearModel = {
    nClasses: m.nClasses,
    nFeatures: m.nFeatures,
    coef: base64ToFloats(m.coef, j.version === 2 && m.coefBits === 32 ? 32 : 64),
    bias: base64ToFloats(m.bias),
    temperature: m.temperature,
  }
  if (model.coef.length !== model.nClasses * model.nFeatures || model.bias.length !== model.nClasses || j.labels.length !== model.nClasses) {
    throw new Error('text-classifier model JSON: weight shapes do not match')
  }
  return { kind: j.kind, labels: j.labels, analyzer: createAnalyzer(j.analyzer, segmenter), space, model }
}
