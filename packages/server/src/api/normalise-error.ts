import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { ApiError, type FieldIssue } from './api-error.ts'

/** Postgres SQLSTATEs that mean the client asked for something the data forbids, not that we broke. */
const PG_CONFLICT: Record<string, string> = {
  '23505': 'a record with this key already exists',
  '23503': 'the record is still referenced by other records, or references one that does not exist',
}
const PG_INVALID = new Set(['22P02', '22007', '22008', '22003', '23514', '23502'])

/**
 * Turns anything thrown while handling a request into an ApiError: schema validation failures become 400
 * with field paths, Postgres unique/foreign-key violations 409, Fastify's own client errors their matching
 * code. Whatever is left is a bug: 500 `internal`, whose message never reaches the client.
 */
export function normaliseError(err: unknown): { error: ApiError; unexpected: boolean } {
  if (err instanceof ApiError) return { error: err, unexpected: false }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = contextName((err as { validationContext?: string }).validationContext)
    const details: FieldIssue[] = err.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is not valid',
    }))
    return { error: new ApiError('validation_failed', 'the request is not valid', details), unexpected: false }
  }
  if (isResponseSerializationError(err)) return { error: internal(), unexpected: true }
  const e = err as { code?: unknown; statusCode?: unknown; message?: unknown }
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
    const conflict = PG_CONFLICT[e.code]
    if (conflict) return { error: new ApiError('conflict', conflict), unexpected: false }
    if (PG_INVALID.has(e.code)) return { error: new ApiError('validation_failed', 'a value is not valid for its field'), unexpected: false }
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    // Fastify's own client errors (malformed JSON, wrong content type, body too large): their messages
    // describe the request, never our internals, so they are safe to return.
    const message = typeof e.message === 'string' ? e.message : 'bad request'
    if (e.statusCode === 413) return { error: new ApiError('payload_too_large', message), unexpected: false }
    if (e.statusCode === 415) return { error: new ApiError('unsupported_media_type', message), unexpected: false }
    if (e.statusCode === 404) return { error: new ApiError('not_found', message), unexpected: false }
    return { error: new ApiError('validation_failed', message), unexpected: false }
  }
  return { error: internal(), unexpected: true }
}

const internal = (): ApiError => new ApiError('internal', 'something went wrong on our side; it has been logged')

function contextName(ctx: string | undefined): string {
  return ctx === 'querystring' ? 'query' : (ctx ?? 'body')
}
