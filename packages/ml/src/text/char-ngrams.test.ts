import assert from 'node:assert/strict'
import { test } from 'node:test'
import { charNgrams, wordNgrams } from './char-ngrams.ts'

test('character n-grams: all n-grams inside Han runs, padded char_wb n-grams inside other words', () => {
  assert.deepEqual(charNgrams('好吃!', { han: [1, 2], word: [2, 3] }), ['好', '吃', '好吃'])
  assert.deepEqual(charNgrams('ok', { han: [1, 2], word: [2, 3] }), [' o', 'ok', 'k ', ' ok', 'ok '])
  assert.deepEqual(charNgrams('不错 ok', { han: [2, 2], word: [4, 4] }), ['不错', ' ok '])
})

test('word n-grams join with a space', () => {
  assert.deepEqual(wordNgrams(['a', 'b', 'c'], 1, 2), ['a', 'b', 'c', 'a b', 'b c'])
})
