/**
 * Recently verified credentials, kept for a moment so that a burst of requests with one API key or session
 * costs one database lookup instead of one per request (authentication was most of the API's overhead over
 * a bare handler under load, bench/results/api.md). Only successful lookups are kept, for `ttlMs`; every
 * change that takes access away in this process (revoking a key, signing out, ending sessions, changing a
 * role, switching workspace) clears the whole cache at once. A change made by another process (the CLI, a
 * second server) takes effect within the TTL.
 */
export const CREDENTIAL_TTL_MS = 2_000
const MAX_ENTRIES = 10_000

export class CredentialCache<T> {
  readonly #entries = new Map<string, { value: T; until: number }>()
  constructor(private readonly ttlMs = CREDENTIAL_TTL_MS) {}

  get(key: string, now = Date.now()): T | undefined {
    const e = this.#entries.get(key)
    if (!e) return undefined
    if (e.until <= now) {
      this.#entries.delete(key)
      return undefined
    }
    return e.value
  }

  set(key: string, value: T, now = Date.now()): void {
    // Bounded: a flood of distinct credentials can't grow it without limit.
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear()
    this.#entries.set(key, { value, until: now + this.ttlMs })
  }

  clear(): void {
    this.#entries.clear()
  }
}

const caches = new Set<CredentialCache<unknown>>()

/** A cache that forgetCredentials() clears. */
export function credentialCache<T>(ttlMs?: number): CredentialCache<T> {
  const c = new CredentialCache<T>(ttlMs)
  caches.add(c as CredentialCache<unknown>)
  return c
}

/** Call after any change that takes access away: no request of this process is let in on an old answer. */
export function forgetCredentials(): void {
  for (const c of caches) c.clear()
}
