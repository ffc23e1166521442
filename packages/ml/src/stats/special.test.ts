import { test } from 'node:test'
import assert from 'node:assert/strict'
import { digamma, logBeta, logGamma, regularizedBeta, regularizedGammaP, regularizedGammaQ } from './special.ts'
import { chiSquareCdf, chiSquareSurvival, studentTCdf, studentTTwoSidedP } from './distributions.ts'

const close = (a: number, b: number, eps: number, what = ''): void =>
  assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`)

test('logGamma matches factorials and Γ(1/2) = √π', () => {
  close(logGamma(1), 0, 1e-14)
  close(logGamma(10), Math.log(362880), 1e-13, 'lnΓ(10)')
  close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-13, 'lnΓ(1/2)')
  close(logGamma(0.1), 2.252712651734206, 1e-13, 'lnΓ(0.1)')
  // Stirling series with three correction terms is exact to ~1e-12 at x = 171.5
  const z = 171.5
  const stirling = (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * z) - 1 / (360 * z ** 3) + 1 / (1260 * z ** 5)
  close(logGamma(z), stirling, 1e-14, 'lnΓ(171.5)')
  close(logBeta(2, 3), Math.log(1 / 12), 1e-13, 'lnB(2,3)')
})

test('regularised incomplete beta against binomial sums', () => {
  // I_{1/2}(2,3) = P(Bin(4,1/2) ≥ 2) = 11/16
  close(regularizedBeta(0.5, 2, 3), 11 / 16, 1e-13)
  // I_x(1,1) = x; I_x(a,1) = x^a
  close(regularizedBeta(0.3, 1, 1), 0.3, 1e-13)
  close(regularizedBeta(0.7, 2.5, 1), 0.7 ** 2.5, 1e-13)
  close(regularizedBeta(0.9, 3, 4) + regularizedBeta(0.1, 4, 3), 1, 1e-13)
})

test('regularised incomplete gamma: exponential and Poisson identities', () => {
  close(regularizedGammaP(1, 2), 1 - Math.exp(-2), 1e-13)
  // Q(3, x) = e^-x (1 + x + x²/2)
  const x = 4.2
  close(regularizedGammaQ(3, x), Math.exp(-x) * (1 + x + (x * x) / 2), 1e-13)
  close(regularizedGammaQ(3, 1.1), Math.exp(-1.1) * (1 + 1.1 + 1.21 / 2), 1e-13)
})

test('t and chi-square tails against printed tables', () => {
  close(studentTCdf(2, 10), 0.9633059826146, 1e-9, 't(10) cdf at 2')
  close(studentTTwoSidedP(2.228138851986, 10), 0.05, 1e-9, 't(10) 97.5%')
  close(studentTCdf(-1.959963984540, 1e7), 0.025, 1e-6, 't → normal')
  close(studentTCdf(1, 1), 0.75, 1e-12, 'Cauchy')
  close(chiSquareCdf(3.841458820694, 1), 0.95, 1e-9, 'chi2(1)')
  close(chiSquareSurvival(11.070497693516, 5), 0.05, 1e-9, 'chi2(5)')
  close(chiSquareSurvival(2, 2), Math.exp(-1), 1e-13, 'chi2(2) is exponential')
})

test('digamma: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, the recurrence, and the derivative of logGamma', () => {
  const euler = 0.5772156649015329
  close(digamma(1), -euler, 1e-13, 'ψ(1)')
  close(digamma(0.5), -euler - 2 * Math.log(2), 1e-13, 'ψ(1/2)')
  for (const x of [0.03, 0.7, 3.2, 12, 250]) {
    close(digamma(x + 1), digamma(x) + 1 / x, 1e-12, `ψ(${x} + 1)`)
    const h = 1e-5 * x
    close(digamma(x), (logGamma(x + h) - logGamma(x - h)) / (2 * h), 1e-6, `ψ(${x}) by differences`)
  }
})
