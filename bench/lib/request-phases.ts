import type { FastifyInstance, FastifyRequest } from 'fastify'

/** Phases of a request inside the server, in ms, between Fastify's hooks (see phaseHooks). */
export const PHASES = ['auth', 'validate', 'handler', 'serialize', 'send', 'total'] as const
export type Phase = (typeof PHASES)[number]
export type PhaseSummary = Record<Phase, { p50: number; p99: number }> & { count: number }

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
}

/**
 * Records, per route and credential (API key, session cookie, none), how long each request spends in each
 * phase: onRequest hooks (Rapport: cookie parsing and authentication), parsing and schema validation, the
 * handler (the service and its queries), preSerialization hooks and serialisation, and the rest until the
 * response is written. The start is Fastify's own (`reply.elapsedTime` counts from just before the onRequest
 * hooks run; hooks added from outside would run after the app's own). Costs a few performance.now() calls.
 */
export function phaseHooks(app: FastifyInstance): { reset: () => void; summary: () => Record<string, PhaseSummary> } {
  const marks = new WeakMap<FastifyRequest, number[]>()
  let samples = new Map<string, number[][]>()
  const mark = (req: FastifyRequest): void => void marks.get(req)?.push(performance.now())
  app.addHook('preParsing', async (req, reply) => {
    const t = performance.now()
    marks.set(req, [t - reply.elapsedTime, t])
  })
  app.addHook('preHandler', async (req) => mark(req))
  app.addHook('preSerialization', async (req, _reply, payload) => (mark(req), payload))
  app.addHook('onSend', async (req, _reply, payload) => (mark(req), payload))
  app.addHook('onResponse', async (req) => {
    const m = marks.get(req)
    if (!m || m.length !== 5) return
    const t = [...m, performance.now()] as [number, number, number, number, number, number]
    const cred = req.headers.authorization !== undefined ? 'key' : req.headers.cookie !== undefined ? 'session' : 'none'
    const label = `${req.routeOptions.url ?? req.url} ${cred}`
    let s = samples.get(label)
    if (!s) samples.set(label, (s = PHASES.map(() => [])))
    const values = [t[1] - t[0], t[2] - t[1], t[3] - t[2], t[4] - t[3], t[5] - t[4], t[5] - t[0]]
    values.forEach((v, i) => s[i]?.push(v))
  })
  return {
    reset: () => void (samples = new Map()),
    summary: () => {
      const out: Record<string, PhaseSummary> = {}
      for (const [label, s] of samples) {
        const entry = { count: s[0]?.length ?? 0 } as PhaseSummary
        PHASES.forEach((p, i) => {
          const sorted = [...(s[i] ?? [])].sort((a, b) => a - b)
          entry[p] = { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) }
        })
        out[label] = entry
      }
      return out
    },
  }
}
