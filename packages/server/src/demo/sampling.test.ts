import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRng } from '@rapport/ml'
import { beta, cumulative, gamma, pickIndex, poisson, streamRng } from './sampling.ts'

const moments = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length
  return [m, xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length] as const
}

test('gamma has mean shape·scale and variance shape·scale², below and above shape 1', () => {
  for (const [shape, scale] of [[0.5, 2], [0.9, 0.2], [3, 1.5]] as const) {
    const rng = createRng(11)
    const [m, v] = moments(Array.from({ length: 40_000 }, () => gamma(rng, shape, scale)))
    assert.ok(Math.abs(m - shape * scale) < 0.03 * shape * scale + 0.01, `shape ${shape}: mean ${m}`)
    assert.ok(Math.abs(v - shape * scale * scale) < 0.08 * shape * scale * scale, `shape ${shape}: var ${v}`)
  }
})

test('beta(2, 6) has mean 0.25; poisson has mean = variance', () => {
  const rng = createRng(5)
  const [mb] = moments(Array.from({ length: 20_000 }, () => beta(rng, 2, 6)))
  assert.ok(Math.abs(mb - 0.25) < 0.01, `beta mean ${mb}`)
  for (const lambda of [0.4, 3, 25]) {
    const [m, v] = moments(Array.from({ length: 20_000 }, () => poisson(rng, lambda)))
    assert.ok(Math.abs(m - lambda) < 0.03 * lambda + 0.01 && Math.abs(v - lambda) < 0.08 * lambda + 0.02, `λ ${lambda}: ${m}, ${v}`)
  }
})

test('pickIndex draws in proportion to weight and never picks a zero weight', () => {
  const rng = createRng(9)
  const cum = cumulative([1, 0, 3])
  const hits = [0, 0, 0]
  for (let i = 0; i < 40_000; i++) {
    const k = pickIndex(rng, cum)
    hits[k] = (hits[k] ?? 0) + 1
  }
  assert.equal(hits[1], 0)
  assert.ok(Math.abs((hits[2] ?? 0) / 40_000 - 0.75) < 0.01)
})

test('streams differ by name and repeat by seed', () => {
  assert.equal(streamRng(1, 'orders').next(), streamRng(1, 'orders').next())
  assert.notEqual(streamRng(1, 'orders').next(), streamRng(1, 'events').next())
  assert.notEqual(streamRng(1, 'orders').next(), streamRng(2, 'orders').next())
})
