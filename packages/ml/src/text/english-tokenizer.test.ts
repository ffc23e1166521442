import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createEnglishTokenizer } from './english-tokenizer.ts'

test('English tokenizer expands contractions and marks negation scope up to punctuation', () => {
  const tok = createEnglishTokenizer()
  assert.deepEqual(tok.tokenize("I don't like this hotel, but the staff were GREAT!"), [
    'i', 'do', 'not', 'not_like', 'not_this', 'not_hotel', 'but', 'the', 'staff', 'were', 'great', '!',
  ])
  assert.deepEqual(tok.tokenize("It isn't good. Never again?"), ['it', 'is', 'not', 'not_good', 'never', 'not_again', '?'])
})

test('English tokenizer is Unicode-aware and can stem', () => {
  assert.deepEqual(createEnglishTokenizer({ negation: false }).tokenize('Café naïve — e-mail 24/7'), ['café', 'naïve', 'e-mail', '24', '7'])
  assert.deepEqual(createEnglishTokenizer({ stem: true }).tokenize('Running hotels'), ['run', 'hotel'])
})
