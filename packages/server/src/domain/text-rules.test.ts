import { test } from 'node:test'
import assert from 'node:assert/strict'
import { safeText, textProblem } from './text-rules.ts'

test('NUL and lone surrogates are problems; pairs, other controls and CJK are not', () => {
  assert.equal(textProblem('a\u0000b'), 'contains a NUL character')
  for (const s of ['\ud800', 'x\udc00', '\ud83d', '\ud83dx', '\udc00\ud800']) {
    assert.equal(textProblem(s), 'contains an invalid Unicode character (a lone surrogate)', JSON.stringify(s))
  }
  for (const s of ['', 'plain', '王小明', '😀', 'a\u0001\tb', '\ud83d\ude00\ud83d\ude00']) assert.equal(textProblem(s), undefined, s)
})

test('safeText is a zod string whose issue carries the message and the field path', () => {
  const schema = safeText().trim().max(5)
  assert.equal(schema.safeParse(' ok ').data, 'ok')
  const r = schema.safeParse('a\u0000')
  assert.equal(r.success, false)
  assert.deepEqual(r.error?.issues.map((i) => [i.path, i.message]), [[[], 'contains a NUL character']])
})
