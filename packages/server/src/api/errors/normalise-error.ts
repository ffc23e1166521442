import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { RapportError, type FieldIssue } from '../../errors/rapport-error.ts'

/** Postgres SQLSTATEs that mean the client asked for something the data forbids, not that we broke. */
const PG_CONFLICT: Record<string, string> = {
  '23505': 'a record with this key already exists',
  '23503': 'the record is still referenced by other records, or references one that does not exist',
}
const PG_INVALID = new Set(['22P02', '22007', '22008', '22003', '23514', '23502', '22021', '22P05', '54001'])
/** Deadlock and serialisation failures that survived the services' retries: the client may try again. */
const PG_RETRY = new Set(['40P01', '40001'])

/** Fastify's own client errors, by code: what the caller did wrong, in our codes. */
const FASTIFY: Record<string, { code: RapportError['code']; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'the request body is larger than this route accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'this route takes application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'validation_failed', message: 'the content-length header does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'validation_failed', message: 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'validation_failed', message: 'the body is not valid JSON' },
  FST_ERR_BAD_URL: { code: 'validation_failed', message: 'the URL is malformed' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'validation_failed', message: 'the request is not valid' },
}

/**
 * Turns anything thrown while handling a request into a RapportError: schema validation failures become
 * validation_failed with field paths, Postgres unique/foreign-key violations conflicts, Fastify's own client
 * errors their matching code. Whatever is left is a bug: `internal`, whose message never reaches the client.
 */
export function normaliseError(err: unknown): { error: RapportError; unexpected: boolean } {
  if (err instanceof RapportError) return { error: err, unexpected: err.code === 'internal' }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = contextName((err as { validationContext?: string }).validationContext)
    const details: FieldIssue[] = err.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is not valid',
    }))
    return { error: new RapportError('validation_failed', 'the request is not valid', { details }), unexpected: false }
  }
  if (isResponseSerializationError(err)) return { error: internal(), unexpected: true }
  const e = err as { code?: unknown; statusCode?: unknown; message?: unknown }
  if (typeof e.code === 'string') {
    if (/^[0-9A-Z]{5}$/.test(e.code)) {
      const conflict = PG_CONFLICT[e.code]
      if (conflict) return { error: new RapportError('conflict', conflict), unexpected: false }
      if (PG_INVALID.has(e.code)) return { error: new RapportError('validation_failed', 'a value is not valid for its field'), unexpected: false }
      if (PG_RETRY.has(e.code)) return { error: new RapportError('unavailable', 'the database is busy with a conflicting change; retry shortly', { retryAfter: 1 }), unexpected: false }
    }
    const known = FASTIFY[e.code]
    if (known) return { error: new RapportError(known.code, known.message), unexpected: false }
  }
  if (err instanceof SyntaxError && typeof e.statusCode === 'number') {
    return { error: new RapportError('validation_failed', 'the body is not valid JSON'), unexpected: false }
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    // Other client errors from Fastify or a plugin: we know the class of problem, not a safe message.
    if (e.statusCode === 413) return { error: new RapportError('payload_too_large', 'the request body is too large'), unexpected: false }
    if (e.statusCode === 415) return { error: new RapportError('unsupported_media_type', 'this content type is not accepted here'), unexpected: false }
    if (e.statusCode === 404) return { error: new RapportError('not_found', 'not found'), unexpected: false }
    if (e.statusCode === 429) return { error: new RapportError('rate_limited', 'too many requests; slow down and retry'), unexpected: false }
    if (e.statusCode === 401) return { error: new RapportError('unauthenticated', 'sign in or send an API key'), unexpected: false }
    if (e.statusCode === 403) return { error: new RapportError('forbidden', 'this request is not allowed'), unexpected: false }
    return { error: new RapportError('validation_failed', 'the request is not valid'), unexpected: false }
  }
  return { error: internal(), unexpected: true }
}

const internal = (): RapportError => new RapportError('internal', 'something went wrong on our side; it has been logged')

function contextName(ctx: string | undefined): string {
  return ctx === 'querystring' ? 'query' : (ctx ?? 'body')
}
