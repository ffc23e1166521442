/**
 * The fixed list of error codes every Rapport failure carries, in the API, the CLI and jobs alike. Clients
 * switch on these; the mapping to HTTP statuses lives in api/ (to-http.ts) and to exit codes in cli/.
 */
export const ERROR_CODES = [
  'validation_failed',
  'usage',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'precondition_failed',
  'too_expensive',
  'unavailable',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]
