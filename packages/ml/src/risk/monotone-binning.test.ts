import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import { monotoneBinning, numericBinOf } from './monotone-binning.ts'

test('bins have monotone bad rates and respect the minimum share', () => {
  const rng = createRng(7)
  const n = 2000
  const x = new Float64Array(n)
  const bad = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    x[i] = i % 50 === 0 ? Number.NaN : rng.next() * 100
    const v = Number.isNaN(x[i] as number) ? 50 : (x[i] as number)
    bad[i] = rng.next() < 0.05 + 0.4 * (v / 100) ** 2 ? 1 : 0
  }
  const bins = monotoneBinning(x, bad, { minBinShare: 0.05, maxBins: 8 })
  assert.ok(bins.missingBin)
  const k = bins.cuts.length + 1
  assert.ok(k >= 3 && k <= 8, `${k} bins`)
  const rows = new Float64Array(k + 1)
  const bads = new Float64Array(k + 1)
  for (let i = 0; i < n; i++) {
    const b = numericBinOf(bins, x[i] as number)
    rows[b] = (rows[b] as number) + 1
    bads[b] = (bads[b] as number) + (bad[i] as number)
  }
  for (let b = 0; b < k; b++) assert.ok((rows[b] as number) >= 0.05 * n, `bin ${b} has ${rows[b]} rows`)
  for (let b = 1; b < k; b++) assert.ok((bads[b] as number) / (rows[b] as number) >= (bads[b - 1] as number) / (rows[b - 1] as number))
  assert.equal(numericBinOf(bins, Number.NaN), k)
})
