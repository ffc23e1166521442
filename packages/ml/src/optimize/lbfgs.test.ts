import assert from 'node:assert/strict'
import { test } from 'node:test'
import { minimizeLbfgs } from './lbfgs.ts'

test('L-BFGS finds the minimum of the Rosenbrock function', () => {
  const res = minimizeLbfgs((x, g) => {
    const a = x[0]!
    const b = x[1]!
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a)
    g[1] = 200 * (b - a * a)
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2
  }, Float64Array.from([-1.2, 1]), { maxIter: 1000, gtol: 1e-10, ftol: 0 })
  assert.ok(Math.abs(res.x[0]! - 1) < 1e-5 && Math.abs(res.x[1]! - 1) < 1e-5, `${res.x[0]}, ${res.x[1]}`)
})

test('a stalled line search is not reported as convergence', () => {
  // f is flat but the reported gradient is not zero: no step can satisfy the sufficient-decrease test, and
  // every step leaves f unchanged (a relative decrease of 0, below ftol).
  let calls = 0
  const res = minimizeLbfgs((_x, g) => {
    calls++
    g[0] = 1
    return 1
  }, Float64Array.from([0]))
  assert.equal(res.converged, false)
  assert.equal(res.x[0], 0, 'the start is kept: no step was accepted')
  assert.ok(calls <= 42, `one line search of at most 40 trials, got ${calls} evaluations`)
})

test('a stall after real progress restarts once from steepest descent, then stops unconverged', () => {
  // f = (x − 5)² left of 2, flat at 9 from there on, but the reported gradient there is −1: L-BFGS takes two
  // honest steps (0 → 1 → 5, building a history), then no step along its direction or along −g lowers f.
  let calls = 0
  const res = minimizeLbfgs((x, g) => {
    calls++
    const a = x[0]!
    g[0] = a < 2 ? 2 * (a - 5) : -1
    return a < 2 ? (a - 5) ** 2 : 9
  }, Float64Array.from([0]))
  assert.equal(res.converged, false)
  assert.equal(res.x[0], 5)
  assert.equal(calls, 3 + 40 + 40, 'two line searches of 40 trials at x = 5: the L-BFGS direction, then steepest descent')
})
