import { test } from 'node:test'
import assert from 'node:assert/strict'
import { classificationMetrics, confusionMatrix } from './classification-metrics.ts'

test('confusion matrix and derived metrics', () => {
  const c = confusionMatrix([1, 1, 0, 0, 1, 0], [0.9, 0.4, 0.6, 0.1, 0.7, 0.2], 0.5)
  assert.deepEqual(c, { tp: 2, fp: 1, tn: 2, fn: 1 })
  const m = classificationMetrics(c)
  assert.ok(Math.abs(m.accuracy - 4 / 6) < 1e-12)
  assert.ok(Math.abs(m.precision - 2 / 3) < 1e-12)
  assert.ok(Math.abs(m.recall - 2 / 3) < 1e-12)
  assert.ok(Math.abs(m.fpr - 1 / 3) < 1e-12)
  assert.ok(Math.abs(m.f1 - 2 / 3) < 1e-12)
  assert.equal(classificationMetrics({ tp: 0, fp: 0, tn: 3, fn: 0 }).f1, 0)
})
