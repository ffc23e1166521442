import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runSweep, sweepInverse } from './sweep-inverse.ts'
import { spdInverse } from './spd-inverse.ts'
import { createSimdSweep } from './simd-sweep.ts'
import { splitTriangle, threadedKernel } from './sweep-threads.ts'
import { createRng } from '../random.ts'

/** A random SPD matrix: Gram of a sparse 0/1 matrix plus a ridge, like EASE's. */
function randomSpd(n: number, seed: number): Float64Array {
  const rng = createRng(seed)
  const g = new Float64Array(n * n)
  for (let r = 0; r < 3 * n; r++) {
    const items: number[] = []
    for (let i = 0; i < n; i++) if (rng.next() < 0.1) items.push(i)
    for (const i of items) for (const j of items) g[i * n + j]! += 1
  }
  for (let i = 0; i < n; i++) g[i * n + i]! += 2
  return g
}

const maxRelDiff = (a: Float64Array, b: Float64Array): number => {
  let d = 0
  let m = 0
  for (let k = 0; k < a.length; k++) {
    d = Math.max(d, Math.abs(a[k]! - b[k]!))
    m = Math.max(m, Math.abs(b[k]!))
  }
  return d / m
}

test('block sweep inverse matches the Cholesky inverse, with padding (n = 37, blocks of 8) and without', () => {
  for (const [n, nb] of [[37, 8], [40, 8], [5, 4], [64, 32]] as const) {
    const a = randomSpd(n, n)
    const inv = sweepInverse(a, n, nb)
    assert.equal(inv.length, n * n)
    assert.ok(maxRelDiff(inv, spdInverse(a, n)) < 1e-12, `n ${n}`)
  }
  // 3×3 by hand: [[4, 2, 0], [2, 3, 1], [0, 1, 2]]⁻¹ = adj / 12.
  const inv = sweepInverse(Float64Array.from([4, 2, 0, 2, 3, 1, 0, 1, 2]), 3, 4)
  const expected = [5, -4, 2, -4, 8, -4, 2, -4, 8].map((v) => v / 12)
  for (let k = 0; k < 9; k++) assert.ok(Math.abs(inv[k]! - expected[k]!) < 1e-12)
})

test('block sweep inverse rejects a matrix that is not positive definite', () => {
  // The second pivot block is the Schur complement 1 − 4 = −3 < 0.
  const a = new Float64Array(64)
  for (let i = 0; i < 8; i++) a[i * 8 + i] = 1
  a[0 * 8 + 4] = 2
  a[4 * 8 + 0] = 2
  assert.throws(() => sweepInverse(a, 8, 4), /not positive definite/)
})

test('the WebAssembly SIMD kernel, alone and on two threads, gives the JavaScript kernel bit for bit', (t) => {
  const n = 101
  const a = randomSpd(n, 3)
  const js = sweepInverse(a, n, 8)
  const simd = createSimdSweep(n, 8)
  if (simd === undefined) return t.skip('WebAssembly SIMD or shared memory unavailable')
  const fill = (s: NonNullable<ReturnType<typeof createSimdSweep>>) => {
    for (let i = 0; i < n; i++) s.state.a.set(a.subarray(i * n, (i + 1) * n), i * s.state.np)
  }
  fill(simd)
  assert.deepEqual(runSweep(simd.state, simd.kernel), js)
  const again = createSimdSweep(n, 8)
  assert.ok(again)
  const threaded = threadedKernel(again, 2)
  assert.ok(threaded)
  try {
    fill(again)
    assert.deepEqual(runSweep(again.state, threaded.kernel), js)
    assert.equal(threaded.active(), 1)
  } finally {
    threaded.close()
  }
})

test('rows are split into ranges of equal lower-triangle area, on multiples of 4', () => {
  const cuts = splitTriangle(1000, 2)
  assert.deepEqual([cuts[0], cuts[2]], [0, 1000])
  assert.equal(cuts[1]! % 4, 0)
  const area = (a: number, b: number) => (b * b - a * a) / 2
  assert.ok(Math.abs(area(0, cuts[1]!) - area(cuts[1]!, 1000)) < 1000 * 4)
  assert.deepEqual(splitTriangle(8, 1), [0, 8])
})
