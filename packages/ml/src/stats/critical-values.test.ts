import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normalCriticalValue, normalTwoSidedP, studentTCriticalValue } from './critical-values.ts'

const close = (a: number, b: number, eps: number, what = ''): void =>
  assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`)

test('normalCriticalValue gives the tabulated 1.959964 (95%) and 2.575829 (99%)', () => {
  close(normalCriticalValue(0.05), 1.959963984540054, 1e-12)
  close(normalCriticalValue(0.01), 2.5758293035489, 1e-12)
})

test('normalTwoSidedP at the critical value returns alpha', () => {
  close(normalTwoSidedP(1.959963984540054), 0.05, 1e-12)
  assert.equal(normalTwoSidedP(0), 1)
})

test('studentTCriticalValue matches the closed forms for 1 and 2 degrees of freedom', () => {
  for (const alpha of [0.2, 0.05, 0.01]) {
    // df = 1 is Cauchy: P(|T| ≥ t) = 1 − (2/π)·atan(t).
    close(studentTCriticalValue(alpha, 1), Math.tan((Math.PI * (1 - alpha)) / 2), 1e-10, `df 1, alpha ${alpha}`)
    // df = 2: P(|T| ≥ t) = 1 − t/√(2 + t²).
    const q = 1 - alpha
    close(studentTCriticalValue(alpha, 2), q * Math.sqrt(2 / (1 - q * q)), 1e-10, `df 2, alpha ${alpha}`)
  }
})

test('studentTCriticalValue gives the tabulated 2.228139 for 10 df and approaches z for large df', () => {
  close(studentTCriticalValue(0.05, 10), 2.228138851986274, 1e-10)
  close(studentTCriticalValue(0.05, 1e7), 1.959963984540054, 1e-6)
})

test('critical values reject alpha outside (0, 1)', () => {
  assert.throws(() => normalCriticalValue(0), RangeError)
  assert.throws(() => studentTCriticalValue(1, 5), RangeError)
})
