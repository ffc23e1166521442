import { test } from 'node:test'
import assert from 'node:assert/strict'
import { confidenceOf, fitConfidenceTable, scoreBin } from './sentiment-confidence.ts'

test('score bins by |score| at 0.05, 0.15, 0.3 and 0.5', () => {
  assert.deepEqual([0, 0.049, -0.05, 0.2, -0.35, 0.5, 1].map((s) => scoreBin(s)), [0, 0, 1, 2, 3, 4, 4])
})

test('confidence is the add-one smoothed agreement of its label × bin cell', () => {
  // Strong positives: 3 of 4 agree; weak negatives: 0 of 1.
  const table = fitConfidenceTable(['positive', 'positive', 'positive', 'positive', 'negative'], [0.8, 0.9, 0.7, 0.6, -0.1], ['positive', 'positive', 'positive', 'neutral', 'neutral'])
  assert.equal(confidenceOf(table, 'positive', 0.75), 4 / 6)
  assert.equal(confidenceOf(table, 'negative', -0.1), 1 / 3)
  assert.equal(confidenceOf(table, 'neutral', 0), 0.5, 'an empty cell says ½')
})

test('without a table: 0.5 + |score| / 2, capped at 1; neutral 0.5', () => {
  assert.equal(confidenceOf(null, 'positive', 0.4), 0.7)
  assert.equal(confidenceOf(null, 'negative', -1), 1)
  assert.equal(confidenceOf(null, 'neutral', 0.01), 0.5)
})
