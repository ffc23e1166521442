import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng, shuffleInPlace } from './random.ts'

test('same seed gives the same stream, different seeds differ', () => {
  const a = createRng(7)
  const b = createRng(7)
  const c = createRng(8)
  const xa = Array.from({ length: 5 }, () => a.next())
  const xb = Array.from({ length: 5 }, () => b.next())
  const xc = Array.from({ length: 5 }, () => c.next())
  assert.deepEqual(xa, xb)
  assert.notDeepEqual(xa, xc)
  for (const x of xa) assert.ok(x >= 0 && x < 1)
})

test('uniform mean and normal moments are about right', () => {
  const r = createRng(1)
  let s = 0
  let s2 = 0
  let u = 0
  const n = 20000
  for (let i = 0; i < n; i++) {
    const z = r.normal()
    s += z
    s2 += z * z
    u += r.next()
  }
  assert.ok(Math.abs(s / n) < 0.03)
  assert.ok(Math.abs(s2 / n - 1) < 0.05)
  assert.ok(Math.abs(u / n - 0.5) < 0.01)
})

test('shuffle is a permutation and seeded', () => {
  const a = shuffleInPlace(Int32Array.from({ length: 50 }, (_, i) => i), createRng(3))
  const b = shuffleInPlace(Int32Array.from({ length: 50 }, (_, i) => i), createRng(3))
  assert.deepEqual(a, b)
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i))
})
