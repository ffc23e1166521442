import { z } from 'zod'

/**
 * The PATCH body for an entity: every field optional, defaults removed (an absent field keeps its value),
 * and optional fields nullable so `null` clears them. Natural keys may change but not be cleared.
 */
export function patchSchema<S extends z.ZodObject>(input: S, keys: readonly string[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {}
  for (const [field, schema] of Object.entries(input.shape as Record<string, z.ZodType>)) {
    if (schema instanceof z.ZodOptional) {
      const inner = schema.unwrap() as z.ZodType
      shape[field] = keys.includes(field) ? inner.optional() : inner.nullable().optional()
    } else if (schema instanceof z.ZodDefault) {
      shape[field] = (schema.unwrap() as z.ZodType).optional()
    } else {
      shape[field] = schema.optional()
    }
  }
  return z.object(shape)
}
