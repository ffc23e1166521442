// The part of autocannon 8's API the API benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'
  interface RequestSpec {
    method?: string
    path?: string
    headers?: Record<string, string>
    setupRequest?: (req: RequestSpec) => RequestSpec
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    overallRate?: number
    headers?: Record<string, string>
    requests?: RequestSpec[]
    ignoreCoordinatedOmission?: boolean
    timeout?: number
  }
  interface Result {
    duration: number
    requests: { average: number; total: number; sent: number }
    latency: { p50: number; p99: number }
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
  }
  interface Instance extends EventEmitter {
    stop(): void
  }
  function autocannon(opts: Options, cb: (err: Error | null, result: Result) => void): Instance
  export default autocannon
}
