import { test } from 'node:test'
import assert from 'node:assert/strict'
import { JSON_MAX_BYTES, JSON_MAX_DEPTH, jsonProblem } from './json-limits.ts'

/** `{"a":{"a":…}}` nested `levels` deep, built as text and parsed (as the importer and the API do). */
const nested = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`)

test('nesting: 32 levels pass, 33 do not, and 100,000 levels are refused without overflowing the stack', () => {
  assert.equal(jsonProblem(nested(JSON_MAX_DEPTH)), undefined)
  assert.deepEqual(jsonProblem(nested(JSON_MAX_DEPTH + 1)), { path: [], reason: 'is nested more than 32 levels deep' })
  const deepArray = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown
  assert.deepEqual(jsonProblem(deepArray), { path: [], reason: 'is nested more than 32 levels deep' })
  assert.deepEqual(jsonProblem(nested(100_000)), { path: [], reason: 'is nested more than 32 levels deep' })
})

test('size: the UTF-8 serialisation may not exceed 64 KiB; wide values are refused early', () => {
  const fits = { s: 'x'.repeat(JSON_MAX_BYTES - 8) } // {"s":"…"} adds 8 bytes
  assert.equal(jsonProblem(fits), undefined)
  assert.deepEqual(jsonProblem({ s: 'x'.repeat(JSON_MAX_BYTES - 7) }), { path: [], reason: 'is larger than 64 KiB as JSON' })
  assert.deepEqual(jsonProblem({ s: '王'.repeat(30_000) }), { path: [], reason: 'is larger than 64 KiB as JSON' })
  assert.deepEqual(jsonProblem(new Array(1_000_000).fill(0)), { path: [], reason: 'is larger than 64 KiB as JSON' })
})

test('non-finite numbers, NUL and lone surrogates are named with their path, keys included', () => {
  assert.deepEqual(jsonProblem(JSON.parse('{"n":1e400}')), { path: ['n'], reason: 'is a number out of range (JSON numbers must be finite)' })
  assert.deepEqual(jsonProblem({ a: [1, { b: 'x\u0000' }] }), { path: ['a', 1, 'b'], reason: 'contains a NUL character' })
  assert.deepEqual(jsonProblem(JSON.parse('{"k":"\\ud800"}')), { path: ['k'], reason: 'contains an invalid Unicode character (a lone surrogate)' })
  assert.deepEqual(jsonProblem({ 'bad\u0000key': 1 }), { path: ['bad\u0000key'], reason: 'has a key that contains a NUL character' })
  assert.equal(jsonProblem({ ok: [true, null, -1.5, 'text', '😀', { e: {} }] }), undefined)
})
