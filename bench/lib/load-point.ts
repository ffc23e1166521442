/// <reference path="./autocannon.d.ts" />
import autocannon from 'autocannon'
import { percentile } from './request-phases.ts'

export interface LoadSpec {
  url: string
  /** A request path; called for every request (random ids, cities). */
  path: () => string
  headers?: Record<string, string>
  /** Requests per second over all connections; none: as fast as the connections go. */
  rate?: number
  connections: number
  seconds: number
}

export interface LoadResult {
  rate: number | null
  seconds: number
  requests: number
  reqPerSec: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

/**
 * One autocannon run. Latency percentiles come from every response's own time (autocannon measures it in
 * fractions of a millisecond, but its histogram keeps whole milliseconds, and with a rate its
 * coordinated-omission correction at a 1 ms interval adds made-up shorter samples): so the correction is off
 * and the times are kept here.
 */
export function loadPoint(spec: LoadSpec): Promise<LoadResult> {
  const times: number[] = []
  let bad = 0
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: spec.url,
      connections: spec.connections,
      duration: spec.seconds,
      ...(spec.rate !== undefined && { overallRate: spec.rate }),
      ...(spec.headers && { headers: spec.headers }),
      requests: [{ method: 'GET', path: spec.path(), setupRequest: (req) => ({ ...req, path: spec.path() }) }],
      ...(spec.rate !== undefined && { ignoreCoordinatedOmission: true }),
      timeout: 30,
    }, (err, result) => {
      if (err) return reject(err)
      const sorted = times.sort((a, b) => a - b)
      resolve({
        rate: spec.rate ?? null, seconds: result.duration, requests: sorted.length, reqPerSec: sorted.length / result.duration,
        p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), non2xx: bad, errors: result.errors + result.timeouts,
      })
    })
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) times.push(ms)
      else bad++
    })
  })
}
