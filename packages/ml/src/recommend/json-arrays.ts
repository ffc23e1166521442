import type { ModelJson } from './types.ts'

/** Typed arrays as plain number arrays for JSON (doubles print in shortest round-trip form, so reading back
 * gives bit-identical values and identical predictions). */
export function arr(a: ArrayLike<number>): number[] {
  return Array.from(a)
}

export function f64(json: ModelJson, key: string): Float64Array {
  const v = json[key]
  if (!Array.isArray(v)) throw new Error(`model JSON (${json.kind}): "${key}" is not an array`)
  return Float64Array.from(v as number[])
}

export function i32(json: ModelJson, key: string): Int32Array {
  const v = json[key]
  if (!Array.isArray(v)) throw new Error(`model JSON (${json.kind}): "${key}" is not an array`)
  return Int32Array.from(v as number[])
}

export function num(json: ModelJson, key: string): number {
  const v = json[key]
  if (typeof v !== 'number') throw new Error(`model JSON (${json.kind}): "${key}" is not a number`)
  return v
}

export function expectKind(json: ModelJson, kind: string): void {
  if (json.kind !== kind) throw new Error(`model JSON: expected kind "${kind}", got "${String(json.kind)}"`)
}

/** Clips a prediction to the training rating scale. */
export function clip(x: number, min: number, max: number): number {
  return x < min ? min : x > max ? max : x
}
