import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parsePart, renderPart } from './liquid-engines.ts'

const parsed = (part: 'html' | 'text', source: string) => {
  const p = parsePart(part, source)
  assert.equal(p.ok, true, p.ok ? '' : p.reason)
  return p.ok ? p.templates : []
}

test('escapes output in HTML only', () => {
  const ctx = { v: '<b>&' }
  assert.equal(renderPart('html', parsed('html', '{{ v }}|{{ v | raw }}'), ctx), '&lt;b&gt;&amp;|<b>&')
  assert.equal(renderPart('text', parsed('text', '{{ v }}'), ctx), '<b>&')
})

test('reports a syntax error with line and column and without liquidjs\'s own position suffix', () => {
  const p = parsePart('text', 'Hello\n\n  {% if x %} never closed')
  assert.deepEqual(p, { ok: false, reason: 'line 3, column 3: tag {% if x %} not closed' })
})

test('refuses unknown filters and the tags that would load files', () => {
  assert.deepEqual(parsePart('text', '{{ "a" | shout }}'), { ok: false, reason: 'line 1, column 1: unknown filter "shout"' })
  for (const tag of ['include', 'render', 'layout']) {
    const p = parsePart('html', `x {% ${tag} "/etc/passwd" %}`)
    assert.deepEqual(p, { ok: false, reason: `line 1, column 3: unknown tag "${tag}"` })
  }
})

test('formats dates in UTC whatever the server\'s time zone', () => {
  const tz = process.env.TZ
  process.env.TZ = 'America/New_York'
  try {
    assert.equal(renderPart('text', parsed('text', '{{ d | date: "%Y-%m-%d %H:%M" }}'), { d: '2025-01-31T23:30:00Z' }), '2025-01-31 23:30')
  } finally {
    if (tz === undefined) delete process.env.TZ
    else process.env.TZ = tz
  }
})

test('does not expose prototype properties of the context', () => {
  assert.equal(renderPart('text', parsed('text', '[{{ o.constructor }}]'), { o: {} }), '[]')
})
