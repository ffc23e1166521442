import { test } from 'node:test'
import assert from 'node:assert/strict'
import { safeUrl, scrub } from './logging.ts'

test('safeUrl masks personal query values and email-like path segments, keeps the rest readable', () => {
  const cases: Array<[string, string]> = [
    ['/api/v1/customers?limit=5', '/api/v1/customers?limit=5'],
    ['/api/v1/customers?email=ann%40example.com&limit=5', '/api/v1/customers?email=[redacted]&limit=5'],
    ['/api/v1/customers?q=Ann&city=Paris', '/api/v1/customers?q=[redacted]&city=Paris'],
    ['/api/v1/customers?tag=ann@example.com', '/api/v1/customers?tag=[redacted]'],
    ['/api/v1/customers/by-external/ann%40example.com', '/api/v1/customers/by-external/[redacted]'],
    ['/api/v1/orders?from=2025-01-01T00:00:00Z', '/api/v1/orders?from=2025-01-01T00:00:00Z'],
  ]
  for (const [url, want] of cases) assert.equal(safeUrl(url), want, url)
})

test('scrub masks emails and phone numbers but not dates', () => {
  assert.equal(scrub('Key (email)=(ann@example.com) exists'), 'Key (email)=([redacted]) exists')
  assert.equal(scrub('call +44 20 7946 0958 now'), 'call [redacted] now')
  assert.equal(scrub('since 2025-01-01 and 13800138000'), 'since 2025-01-01 and [redacted]')
})
