import { test } from 'node:test'
import assert from 'node:assert/strict'
import { weightOfEvidence } from './woe.ts'

test('WoE and IV on a hand-checkable table', () => {
  // Bins: goods 40/60, bads 10/40 → good shares .4/.6, bad shares .2/.8.
  // WoE = ln(.4/.2) = ln 2, ln(.6/.8) = ln .75; IV = .2 ln 2 + (−.2) ln .75.
  const { bins, iv } = weightOfEvidence([40, 60], [10, 40], 0)
  assert.ok(Math.abs((bins[0]?.woe ?? 0) - Math.log(2)) < 1e-12)
  assert.ok(Math.abs((bins[1]?.woe ?? 0) - Math.log(0.75)) < 1e-12)
  assert.ok(Math.abs(iv - (0.2 * Math.log(2) - 0.2 * Math.log(0.75))) < 1e-12)
})

test('smoothing keeps an all-good bin finite', () => {
  const { bins, iv } = weightOfEvidence([10, 0], [0, 10], 0.5)
  assert.ok(Number.isFinite(bins[0]?.woe ?? Number.NaN) && Number.isFinite(iv))
  // (10.5/11) / (0.5/11) = 21
  assert.ok(Math.abs((bins[0]?.woe ?? 0) - Math.log(21)) < 1e-12)
})
