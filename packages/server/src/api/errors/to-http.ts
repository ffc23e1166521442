import type { ErrorCode } from '../../errors/codes.ts'

/** The HTTP status of each error code: the only place where codes meet statuses. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'usage':
      return 400
    case 'unauthenticated':
      return 401
    case 'forbidden':
      return 403
    case 'not_found':
      return 404
    case 'conflict':
      return 409
    case 'precondition_failed':
      return 412
    case 'payload_too_large':
      return 413
    case 'unsupported_media_type':
      return 415
    case 'too_expensive':
      return 422
    case 'rate_limited':
      return 429
    case 'internal':
      return 500
    case 'unavailable':
      return 503
    default: {
      const never: never = code
      return never
    }
  }
}
