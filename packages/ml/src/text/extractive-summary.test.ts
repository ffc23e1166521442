import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractiveSummary, splitSentences } from './extractive-summary.ts'

test('sentences split at Chinese and English ends, not at decimal points', () => {
  assert.deepEqual(splitSentences('包裹坏了。我要退款！价格是 12.5 元? Thanks. Bye'), ['包裹坏了。', '我要退款！', '价格是 12.5 元?', 'Thanks.', 'Bye'])
})

test('the summary keeps the sentences about the thread’s subject, in their order, and drops small talk', () => {
  const thread = [
    'Hello there. My order 1234 arrived with a broken lamp and a broken box.',
    'Thanks for writing. Could you send a photo of the broken lamp?',
    'Here is the photo of the broken lamp. Have a nice day.',
    'We will send a new lamp for order 1234 today.',
  ]
  const s = extractiveSummary(thread, 2).map((x) => x.text)
  assert.equal(s.length, 2)
  assert.ok(s.every((x) => /lamp/.test(x)), JSON.stringify(s))
  const all = thread.flatMap((t) => splitSentences(t))
  assert.ok(all.indexOf(s[0] ?? '') < all.indexOf(s[1] ?? ''), 'in thread order')
  assert.deepEqual(extractiveSummary(['', '   ']), [])
})
