import { test } from 'node:test'
import assert from 'node:assert/strict'
import { perfectQiniCurve, qiniAucScore, qiniCurve, trapezoidArea } from './qini.ts'

// Six rows worked by hand (comments give the running counts n_t, r_t, n_c, r_c at each point).
const y = [1, 0, 1, 0, 1, 0]
const w = [1, 0, 0, 1, 1, 0]
const score = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]

test('qiniCurve: hand-computed points of six rows with distinct scores', () => {
  const c = qiniCurve(y, score, w)
  assert.deepEqual(Array.from(c.x), [0, 1, 2, 3, 4, 5, 6])
  // (1,1,0,0)→1  (1,1,1,0)→1  (1,1,2,1)→1−½  (2,1,2,1)→1−1  (3,2,2,1)→2−3/2  (3,2,3,1)→2−1
  assert.deepEqual(Array.from(c.y), [0, 1, 1, 0.5, 0, 0.5, 1])
})

test('perfectQiniCurve: treated responders first, control responders last, tie groups collapsed', () => {
  const p = perfectQiniCurve(y, w)
  assert.deepEqual(Array.from(p.x), [0, 2, 5, 6])
  assert.deepEqual(Array.from(p.y), [0, 2, 2, 1])
})

test('qiniAucScore: (3.5 − 3) / (9.5 − 3) = 1/13 on the hand example', () => {
  assert.equal(trapezoidArea([0, 1, 2, 3, 4, 5, 6], [0, 1, 1, 0.5, 0, 0.5, 1]), 3.5)
  assert.ok(Math.abs(qiniAucScore(y, score, w) - 1 / 13) < 1e-12)
})

test('qiniAucScore: the perfect ranking scores 1 and its reverse scores below 0', () => {
  const ideal = y.map((v, i) => v * (w[i] === 1 ? 1 : -1))
  assert.ok(Math.abs(qiniAucScore(y, ideal, w) - 1) < 1e-12)
  assert.ok(qiniAucScore(y, ideal.map((v) => -v), w) < 0)
})

test('qiniCurve: tied scores give one point at the end of the tie group, whatever their order', () => {
  const tied = [0.9, 0.9, 0.7, 0.6, 0.5, 0.4]
  const c = qiniCurve(y, tied, w)
  assert.deepEqual(Array.from(c.x), [0, 2, 3, 4, 5, 6])
  assert.deepEqual(Array.from(c.y), [0, 1, 0.5, 0, 0.5, 1])
  // Area 3.0 equals the random line's, so the score is 0; swapping the tied rows changes nothing.
  assert.ok(Math.abs(qiniAucScore(y, tied, w)) < 1e-12)
  const swap = [1, 0, 2, 3, 4, 5]
  assert.equal(qiniAucScore(swap.map((i) => y[i] as number), swap.map((i) => tied[i] as number), swap.map((i) => w[i] as number)), qiniAucScore(y, tied, w))
})

test('qiniAucScore: a constant score is exactly the random line (0)', () => {
  assert.equal(qiniAucScore(y, y.map(() => 0.3), w), 0)
})

test('qiniCurve: rejects non-binary outcomes, mismatched lengths and non-finite scores', () => {
  assert.throws(() => qiniCurve([2, 0], [0.1, 0.2], [1, 0]), /must be 0 or 1/)
  assert.throws(() => qiniCurve([1, 0], [0.1], [1, 0]), /rows/)
  assert.throws(() => qiniCurve([1, 0], [Number.NaN, 0.2], [1, 0]), /not a finite number/)
})
