import type { FastifyInstance } from 'fastify'
import { maskPii } from '../../domain/mask-pii.ts'

/**
 * Masks e-mail addresses and phone numbers in every response to a caller whose role lacks pii:read. One
 * hook over all routes, so a new route cannot leak them by forgetting. `signed-in` routes (the caller's own
 * account) are left alone.
 */
export function maskResponses(app: FastifyInstance): void {
  app.addHook('preSerialization', async (req, _reply, payload) => {
    const access = req.routeOptions.config.access
    if (access === undefined || access === 'public' || access === 'signed-in') return payload
    if (!req.actor || req.actor.permissions.has('pii:read')) return payload
    return maskPii(payload)
  })
}
