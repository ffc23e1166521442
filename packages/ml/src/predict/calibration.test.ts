import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import { calibrate, fitIsotonic, fitPlatt } from './calibration.ts'

test('isotonic calibration pools adjacent violators (hand-computed)', () => {
  // Labels by increasing score: 0, 1, 0, 1 → blocks [0], [0.5 (x=2.5)], [1].
  const c = fitIsotonic([1, 2, 3, 4], [0, 1, 0, 1])
  assert.ok(c.type === 'isotonic')
  assert.deepEqual(c.y, [0, 0.5, 1])
  assert.deepEqual(c.x, [1, 2.5, 4])
  assert.equal(calibrate(c, 2.5), 0.5)
  assert.equal(calibrate(c, 10), 1)
})

test('Platt scaling recovers a known logistic link', () => {
  const rng = createRng(2)
  const s: number[] = []
  const y: number[] = []
  for (let i = 0; i < 20000; i++) {
    const v = rng.normal() * 2
    s.push(v)
    y.push(rng.next() < 1 / (1 + Math.exp(-(1.5 * v - 0.5))) ? 1 : 0)
  }
  const c = fitPlatt(s, y)
  assert.ok(c.type === 'platt')
  assert.ok(Math.abs(c.a - 1.5) < 0.1 && Math.abs(c.b + 0.5) < 0.1, `a=${c.a} b=${c.b}`)
})
