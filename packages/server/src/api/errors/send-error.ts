import type { FastifyReply } from 'fastify'
import type { RapportError } from '../../errors/rapport-error.ts'
import { httpStatusOf } from './to-http.ts'

/** Sends an error in the one shape, with its status and, when the code says when to come back, Retry-After. */
export function sendError(reply: FastifyReply, error: RapportError): FastifyReply {
  if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter))
  return reply.code(httpStatusOf(error.code)).send(error.toBody())
}
