import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fairnessReport } from './fairness-report.ts'

test('per-group rates and parity differences', () => {
  const y = [1, 0, 1, 0, 1, 0, 1, 0]
  const p = [0.9, 0.8, 0.7, 0.1, 0.9, 0.2, 0.3, 0.1]
  const g = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']
  const r = fairnessReport(y, p, g, 0.5)
  const a = r.groups.find((x) => x.group === 'a')
  const b = r.groups.find((x) => x.group === 'b')
  assert.equal(a?.positiveRate, 0.75)
  assert.equal(b?.positiveRate, 0.25)
  assert.equal(a?.tpr, 1)
  assert.equal(b?.tpr, 0.5)
  assert.equal(a?.fpr, 0.5)
  assert.equal(b?.fpr, 0)
  assert.equal(r.demographicParityDifference, 0.5)
  assert.equal(r.equalOpportunityDifference, 0.5)
})
