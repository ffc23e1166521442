import type { ErrorCode } from '../errors/codes.ts'

/**
 * The exit code of the `rapport` command for each error code: 1 for anything the input or the data
 * caused (the message names the file, line and reason), 2 for a command used wrongly. 0 is success.
 */
export function exitCodeOf(code: ErrorCode): 1 | 2 {
  switch (code) {
    case 'usage':
      return 2
    case 'validation_failed':
    case 'not_found':
    case 'conflict':
    case 'unauthenticated':
    case 'forbidden':
    case 'rate_limited':
    case 'payload_too_large':
    case 'unsupported_media_type':
    case 'precondition_failed':
    case 'too_expensive':
    case 'unavailable':
    case 'internal':
      return 1
    default: {
      const never: never = code
      return never
    }
  }
}
