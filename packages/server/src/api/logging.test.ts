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

test('scrub masks phone numbers written with dots, ideographic or no-break spaces, full-width digits, and e-mails used as query keys', () => {
  for (const phone of ['138.0013.8007', '138\u30000013\u30008000', '+86\u00a0138\u00a00013\u00a08000', '１３８００１３８０００', '(020) 7946-0958', '020/7946/0958']) {
    const out = scrub(`x ${phone} y`)
    assert.match(out, /\[redacted\]/, phone)
    assert.doesNotMatch(out, /[0-9０-９]/, `${phone} → ${out}`)
  }
  assert.equal(safeUrl('/api/v1/customers?probe2%40example.com=1'), '/api/v1/customers?[redacted]=1')
  assert.equal(scrub('total 12.50 and 3 items'), 'total 12.50 and 3 items')
})
