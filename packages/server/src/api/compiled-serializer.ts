import fastJson from 'fast-json-stringify'
import { serializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'

import type { FastifySerializerCompiler } from 'fastify'

type ZodRoute = Parameters<typeof serializerCompiler>[0]

/**
 * A route-level serializer compiler for hot reads with large bodies (the 360° view): the 200 response is
 * written by fast-json-stringify from the zod schema's JSON Schema (only the declared fields, each in its
 * declared shape), other statuses by the zod serializer as everywhere else. Measured with
 * `npm run bench -- api`: zod's encode-then-JSON.stringify of a 360 body was the largest part of Rapport's
 * own CPU per request beside the bare handler. The route's tests check its bodies field by field.
 */
export function compiledOkSerializer<S>(ok: z.ZodType): FastifySerializerCompiler<S> {
  const schema = forWriting(z.toJSONSchema(ok, { io: 'output', unrepresentable: 'any' }))
  const stringify = fastJson(schema as Parameters<typeof fastJson>[0])
  return (route) => (String(route.httpStatus) === '200' ? (data) => stringify(data) : serializerCompiler(route as unknown as ZodRoute))
}

type Json = { [key: string]: unknown }
const isNull = (x: unknown): boolean => typeof x === 'object' && x !== null && (x as Json).type === 'null'
const CHECKS_ONLY = new Set(['format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems'])

/**
 * The JSON Schema as fast-json-stringify best writes it. zod writes a nullable date-time, integer or object
 * as `anyOf: [X, { type: 'null' }]`, and fast-json-stringify picks an anyOf branch by validating the value
 * against each (Ajv, with zod's date-time regular expression) — per field, per row. `type: [X, 'null']` says
 * the same for writing without any check; formats, patterns and bounds only validate, so they are dropped.
 */
export function forWriting(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forWriting)
  if (typeof node !== 'object' || node === null) return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node as Json)) {
    if (CHECKS_ONLY.has(k) && typeof v !== 'object') continue
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([name, p]) => [name, forWriting(p)])) : forWriting(v)
  }
  const anyOf = out.anyOf
  if (Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNull)) {
    const other = anyOf.find((b) => !isNull(b)) as Json | undefined
    if (other && typeof other.type === 'string' && other.anyOf === undefined) {
      const { anyOf: _, ...rest } = out
      return { ...rest, ...other, type: [other.type, 'null'] }
    }
  }
  return out
}
