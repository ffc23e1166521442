import { test } from 'node:test'
import assert from 'node:assert/strict'
import { incrementalValue, meanLift, meanLiftFromSums, pickWinner, proportionLift, wilsonInterval } from './lift.ts'
import { studentTCdf, studentTTwoSidedP } from './distributions.ts'
import { welchTTest } from './group-tests.ts'

const close = (a: number | null, b: number, eps: number, what = ''): void => {
  assert.ok(a !== null, `${what}: null`)
  assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`)
}
const arm = (conversions: number, n: number): { n: number; conversions: number } => ({ n, conversions })

// Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10 (hybrid score), 95%.
const NEWCOMBE: [number, number, number, number, number, number][] = [
  [56, 70, 48, 80, 0.0524, 0.3339],
  [9, 10, 3, 10, 0.1705, 0.809],
  [5, 56, 0, 29, -0.0381, 0.1926],
  [0, 10, 0, 20, -0.1611, 0.2775],
  [10, 10, 0, 20, 0.6791, 1],
  [10, 10, 0, 10, 0.6075, 1],
]

test('proportionLift reproduces the method 10 intervals of Newcombe 1998 Table II', () => {
  for (const [x1, n1, x2, n2, lo, hi] of NEWCOMBE) {
    const r = proportionLift(arm(x1, n1), arm(x2, n2))
    close(r.diff, x1 / n1 - x2 / n2, 1e-12, `${x1}/${n1} − ${x2}/${n2} diff`)
    close(r.ci_low, lo, 5e-5, `${x1}/${n1} − ${x2}/${n2} low`)
    close(r.ci_high, hi, 5e-5, `${x1}/${n1} − ${x2}/${n2} high`)
  }
})

test('wilsonInterval bounds solve (p̂ − π)² = z²·π(1 − π)/n', () => {
  const z = 1.959963984540054
  for (const [x, n] of [[56, 70], [48, 80], [1, 3]] as const) {
    const p = x / n
    for (const b of wilsonInterval(arm(x, n), z)) close((p - b) ** 2, (z * z * b * (1 - b)) / n, 1e-12, `${x}/${n}`)
  }
})

test('proportionLift p-value is the pooled two-proportion z-test computed by hand', () => {
  // 56/70 vs 48/80: pooled 104/150, z = 0.2 / √(p(1−p)(1/70 + 1/80)); two-sided p = 1 − 2∫₀ᶻ φ.
  const r = proportionLift(arm(56, 70), arm(48, 80))
  const p = 104 / 150
  const z = 0.2 / Math.sqrt(p * (1 - p) * (1 / 70 + 1 / 80))
  close(z, 2.65017195, 1e-8, 'z')
  close(r.p_value, 1 - 2 * simpson((x) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), 0, z, 1000), 1e-10, 'p')
  close(r.relative_lift, 0.2 / 0.6, 1e-12, 'relative lift')
})

// Composite Simpson's rule with `m` (even) panels: an independent way to the normal tail.
function simpson(f: (x: number) => number, a: number, b: number, m: number): number {
  const h = (b - a) / m
  let s = f(a) + f(b)
  for (let i = 1; i < m; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h)
  return (s * h) / 3
}

test('proportionLift with an empty arm returns nulls for everything but the other rate', () => {
  const r = proportionLift(arm(3, 10), arm(0, 0))
  assert.deepEqual(r, { rate_treated: 0.3, rate_control: null, diff: null, ci_low: null, ci_high: null, p_value: null, relative_lift: null })
})

test('proportionLift with rates of 0 in both arms gives p = 1 and no relative lift', () => {
  const r = proportionLift(arm(0, 500), arm(0, 400))
  assert.equal(r.p_value, 1)
  assert.equal(r.relative_lift, null)
  assert.ok(r.ci_low !== null && r.ci_high !== null && r.ci_low < 0 && r.ci_high > 0)
})

test('proportionLift rejects conversions above n', () => {
  assert.throws(() => proportionLift(arm(11, 10), arm(1, 10)), RangeError)
})

// Small samples worked by hand: a has mean 4, variance 12.5; b has mean 2.125, variance 2.1875/3.
const A = [1, 2, 3, 4, 10]
const B = [2, 2.5, 3, 1]

test('meanLift gives the Welch t, Welch–Satterthwaite df and t interval of a hand-worked example', () => {
  const va = 12.5 / 5
  const vb = 2.1875 / 3 / 4
  const se = Math.sqrt(va + vb)
  const df = (va + vb) ** 2 / (va ** 2 / 4 + vb ** 2 / 3)
  close(df, 4.572188, 1e-6, 'df')
  const r = meanLift(A, B)
  close(r.diff, 1.875, 1e-12, 'diff')
  close(r.p_value, studentTTwoSidedP(1.875 / se, df), 1e-12, 'p')
  assert.ok(r.ci_low !== null && r.ci_high !== null)
  close((r.ci_high + r.ci_low) / 2, 1.875, 1e-12, 'centre')
  close(studentTCdf((r.ci_high - 1.875) / se, df), 0.975, 1e-10, 'upper bound at the 97.5% t quantile')
  // The same test as the existing Welch implementation.
  close(r.p_value, welchTTest(A, B).pValue, 1e-12, 'welchTTest p')
})

test('meanLiftFromSums equals meanLift on the same data', () => {
  const sums = (v: number[]): { n: number; sum: number; sumSquares: number } =>
    ({ n: v.length, sum: v.reduce((s, x) => s + x, 0), sumSquares: v.reduce((s, x) => s + x * x, 0) })
  const a = meanLift(A, B)
  const b = meanLiftFromSums(sums(A), sums(B))
  for (const k of ['diff', 'ci_low', 'ci_high', 'p_value'] as const) close(b[k], a[k] as number, 1e-10, k)
})

test('meanLift with fewer than two values in an arm has no interval or p-value', () => {
  assert.deepEqual(meanLift([5], [1, 2, 3]), { mean_treated: 5, mean_control: 2, diff: 3, ci_low: null, ci_high: null, p_value: null })
  assert.equal(meanLift(new Float64Array(0), [1, 2]).diff, null)
})

test('meanLift with no spread in either arm reports the exact difference', () => {
  assert.deepEqual(meanLift([0, 0, 0], [0, 0]), { mean_treated: 0, mean_control: 0, diff: 0, ci_low: 0, ci_high: 0, p_value: 1 })
})

test('incrementalValue scales the per-recipient difference and passes null through', () => {
  assert.equal(incrementalValue(0.25, 1000), 250)
  assert.equal(incrementalValue(null, 1000), null)
})

test('pickWinner picks the highest rate, skips empty variants and tests it against the runner-up', () => {
  const r = pickWinner([
    { name: 'A', n: 1000, conversions: 50 },
    { name: 'B', n: 1000, conversions: 75 },
    { name: 'C', n: 0, conversions: 0 },
    { name: 'D', n: 1000, conversions: 20 },
  ])
  assert.ok(r)
  assert.equal(r.winner, 'B')
  assert.equal(r.runner_up, 'A')
  close(r.p_value, proportionLift(arm(75, 1000), arm(50, 1000)).p_value ?? NaN, 1e-12, 'p')
  assert.equal(r.significant, true)
  assert.equal(pickWinner([{ name: 'A', n: 1000, conversions: 50 }, { name: 'B', n: 1000, conversions: 75 }], 0.01)?.significant, false)
})

test('pickWinner breaks ties by order and handles one or no usable variant', () => {
  assert.equal(pickWinner([{ name: 'X', n: 10, conversions: 1 }, { name: 'Y', n: 20, conversions: 2 }])?.winner, 'X')
  assert.deepEqual(pickWinner([{ name: 'X', n: 10, conversions: 1 }]), { winner: 'X', rate: 0.1, runner_up: null, runner_up_rate: null, p_value: null, significant: false })
  assert.equal(pickWinner([{ name: 'X', n: 0, conversions: 0 }]), null)
})
