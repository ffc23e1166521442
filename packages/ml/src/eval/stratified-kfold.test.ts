import { test } from 'node:test'
import assert from 'node:assert/strict'
import { kFold, stratifiedKFold } from './stratified-kfold.ts'

test('each fold gets its share of every class', () => {
  const labels = [...Array(30).fill(0), ...Array(10).fill(1)]
  const folds = stratifiedKFold(labels, 5, 1)
  for (let f = 0; f < 5; f++) {
    const rows = labels.map((y, i) => [y, folds[i]] as const).filter(([, g]) => g === f)
    assert.equal(rows.filter(([y]) => y === 0).length, 6)
    assert.equal(rows.filter(([y]) => y === 1).length, 2)
  }
})

test('seeded and seed-sensitive', () => {
  const labels = Array.from({ length: 50 }, (_, i) => i % 3)
  assert.deepEqual(stratifiedKFold(labels, 5, 3), stratifiedKFold(labels, 5, 3))
  assert.notDeepEqual(stratifiedKFold(labels, 5, 3), stratifiedKFold(labels, 5, 4))
})

test('kFold sizes differ by at most one', () => {
  const folds = kFold(23, 5, 0)
  const sizes = [0, 0, 0, 0, 0]
  for (const f of folds) sizes[f]!++
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1)
  assert.throws(() => kFold(3, 5), /cannot fill/)
})
