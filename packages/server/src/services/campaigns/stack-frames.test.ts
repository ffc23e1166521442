import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cellText, type Frame } from '@rapport/ml'
import { stackFrames } from './stack-frames.ts'

const frame = (cities: Array<string | null>, levels: string[], xs: number[]): Frame => ({
  nRows: xs.length,
  columns: [
    { name: 'x', kind: 'numeric', values: Float64Array.from(xs) },
    { name: 'city', kind: 'categorical', levels, codes: Int32Array.from(cities, (c) => (c === null ? -1 : levels.indexOf(c))) },
  ],
})

test('stacked rows keep their values, categorical ones through merged sorted levels', () => {
  const out = stackFrames([frame(['Paris', null], ['Paris'], [1, 2]), frame(['Beijing', 'Paris'], ['Beijing', 'Paris'], [3, 4])])
  assert.equal(out.nRows, 4)
  const [x, city] = out.columns
  assert.ok(x && city && city.kind === 'categorical')
  assert.deepEqual(city.levels, ['Beijing', 'Paris'])
  assert.deepEqual([0, 1, 2, 3].map((i) => cellText(city, i)), ['Paris', '', 'Beijing', 'Paris'])
  assert.deepEqual([0, 1, 2, 3].map((i) => cellText(x, i)), ['1', '2', '3', '4'])
})

test('frames whose columns differ are refused', () => {
  const other: Frame = { nRows: 1, columns: [{ name: 'y', kind: 'numeric', values: Float64Array.of(1) }] }
  assert.throws(() => stackFrames([frame(['Paris'], ['Paris'], [1]), other]), /column 0/)
})
