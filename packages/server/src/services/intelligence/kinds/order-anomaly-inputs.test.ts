import { test } from 'node:test'
import assert from 'node:assert/strict'
import { hourRarity, quantileSorted, robustStats, robustZ } from './order-anomaly-inputs.ts'

test('hour rarity is 0 down to half the uniform share and grows as ln of how much quieter the hour is', () => {
  assert.equal(hourRarity(1 / 24), 0)
  assert.equal(hourRarity(0.5 / 24), 0)
  assert.ok(Math.abs(hourRarity(0.125 / 24) - Math.log(4)) < 1e-12)
  assert.ok(Number.isFinite(hourRarity(0)) && hourRarity(0) > hourRarity(1e-6 / 24), "an unused hour is rarer than any used one")
})

test('robust scale: 1.4826 · MAD, else 1.2533 · mean absolute deviation, else 1', () => {
  // Column 0: 1..5 (MAD 1); column 1: nine zeros and a 10 (MAD 0, mean |dev| 1); column 2: constant.
  const rows = 10
  const data = new Float64Array(rows * 3)
  for (let i = 0; i < rows; i++) {
    data[i * 3] = (i % 5) + 1
    data[i * 3 + 1] = i === 9 ? 10 : 0
    data[i * 3 + 2] = 7
  }
  const X = { rows, cols: 3, data }
  const s = robustStats(X, [])
  assert.deepEqual(s.median, [3, 0, 7])
  assert.ok(Math.abs((s.scale[0] as number) - 1.4826) < 1e-12)
  assert.ok(Math.abs((s.scale[1] as number) - 1.2533) < 1e-12)
  assert.equal(s.scale[2], 1)
  const z = robustZ(X, 9, s)
  assert.ok(Math.abs((z[1] as number) - 10 / 1.2533) < 1e-9)
  assert.equal(z[2], 0)
})

test('quantiles interpolate between neighbours; empty is NaN', () => {
  assert.equal(quantileSorted([0, 10], 0.25), 2.5)
  assert.equal(quantileSorted([1, 2, 3], 0.5), 2)
  assert.ok(Number.isNaN(quantileSorted([], 0.5)))
})
