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
  const stringify = fastJson(z.toJSONSchema(ok, { io: 'output', unrepresentable: 'any' }) as Parameters<typeof fastJson>[0])
  return (route) => (String(route.httpStatus) === '200' ? (data) => stringify(data) : serializerCompiler(route as unknown as ZodRoute))
}
