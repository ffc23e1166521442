import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bgnbdCustomerLogLikelihood, bgnbdLogLikelihood } from './bgnbd.ts'
import { gammaGammaCustomerLogLikelihood, gammaGammaLogLikelihood } from './gamma-gamma.ts'

// Customers with whole and fractional frequencies, zero spend and repeats of the same x.
const frequency = Float64Array.from([0, 1, 1, 2, 5, 0, 3, 2.5, 40, 7, 1, 0])
const recency = Float64Array.from([0, 3, 10.5, 20, 30, 0, 12, 9, 38, 33, 1, 0])
const age = Float64Array.from([38, 20, 30, 25, 38.9, 5, 13, 30, 39, 35, 2, 0])
const monetary = Float64Array.from([0, 12, 0, 30.5, 8, 0, 100, 20, 15, 22, 3, 0])

test('the per-frequency BG/NBD sum equals the sum of per-customer log-likelihoods bit for bit', () => {
  for (const p of [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { r: 2, alpha: 0.5, a: 1.5, b: 0.2 }]) {
    let direct = 0
    for (let i = 0; i < frequency.length; i++) direct += bgnbdCustomerLogLikelihood(p, frequency[i]!, recency[i]!, age[i]!)
    assert.equal(bgnbdLogLikelihood(p, { frequency, recency, age, monetary }), direct)
  }
})

test('the per-frequency Gamma-Gamma sum equals the sum of per-customer log-likelihoods bit for bit', () => {
  const g = { p: 6.25, q: 3.74, gamma: 15.44 }
  let direct = 0
  for (let i = 0; i < frequency.length; i++) if (frequency[i]! > 0 && monetary[i]! > 0) direct += gammaGammaCustomerLogLikelihood(g, frequency[i]!, monetary[i]!)
  assert.equal(gammaGammaLogLikelihood(g, frequency, monetary), direct)
})
