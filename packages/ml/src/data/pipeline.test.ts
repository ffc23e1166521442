import { test } from 'node:test'
import assert from 'node:assert/strict'
import { selectRows, type Frame } from './frame.ts'
import { fitPipeline, transform, type Pipeline } from './pipeline.ts'

function frame(): Frame {
  return {
    nRows: 6,
    columns: [
      { name: 'age', kind: 'numeric', values: Float64Array.from([20, 30, Number.NaN, 40, 50, 1000]) },
      { name: 'plan', kind: 'categorical', levels: ['a', 'b', 'z'], codes: Int32Array.from([0, 1, 0, -1, 1, 2]) },
    ],
  }
}

test('imputes the median, standardises, one-hot encodes with missing and rare buckets', () => {
  const { pipeline, matrix } = fitPipeline(frame(), undefined, { minLevelCount: 2, rareShare: 0 })
  assert.deepEqual(pipeline.features, ['age', 'age (missing)', 'plan=a', 'plan=b', 'plan=(other)', 'plan=(missing)'])
  const spec = pipeline.inputs[0]
  assert.ok(spec?.kind === 'numeric')
  assert.equal(spec.median, 40)
  const row2 = Array.from(matrix.data.subarray(2 * 6, 3 * 6))
  assert.ok(Math.abs((row2[0] as number) - (40 - spec.mean) / spec.std) < 1e-12)
  assert.deepEqual(row2.slice(1), [1, 1, 0, 0, 0])
  assert.deepEqual(Array.from(matrix.data.subarray(5 * 6 + 2, 6 * 6)), [0, 0, 1, 0]) // z is rare → (other)
  assert.deepEqual(Array.from(matrix.data.subarray(3 * 6 + 2, 4 * 6)), [0, 0, 0, 1]) // missing level
})

test('leakage: the pipeline fitted on training rows is unchanged by anything in the test rows', () => {
  const f = frame()
  const train = [0, 1, 2, 3]
  const fitted = fitPipeline(selectRows(f, train), [0, 1, 0, 1]).pipeline
  // Make the test rows wildly different: the fitted statistics must not move.
  const age = f.columns[0]
  if (age?.kind === 'numeric') age.values.set([1e9, -1e9], 4)
  const again = fitPipeline(selectRows(f, train), [0, 1, 0, 1]).pipeline
  assert.deepEqual(again, fitted)
  const spec = fitted.inputs[0]
  assert.ok(spec?.kind === 'numeric' && spec.median === 30 && Math.abs(spec.mean - 30) < 1e-12)
  // An unseen level in test rows maps to no seen level.
  const test = transform(fitted, selectRows(f, [5]))
  assert.equal(test.data.length, fitted.features.length)
})

test('target encoding is out-of-fold on training rows and uses full-train means on new rows', () => {
  const n = 200
  const levels = Array.from({ length: 40 }, (_, k) => `L${k}`)
  const codes = Int32Array.from({ length: n }, (_, i) => i % 40)
  const y = Array.from({ length: n }, (_, i) => (i % 40 < 10 ? 1 : 0))
  const f: Frame = { nRows: n, columns: [{ name: 'city', kind: 'categorical', levels, codes }] }
  const { pipeline, matrix } = fitPipeline(f, y, { maxOneHotLevels: 30, minLevelCount: 1, rareShare: 0 })
  assert.deepEqual(pipeline.features, ['city (target mean)'])
  const spec = pipeline.inputs[0]
  assert.ok(spec?.kind === 'target')
  const full = transform(pipeline, f)
  // Out-of-fold values differ from the full-data encoding (the row's own label is never used).
  let differs = 0
  for (let i = 0; i < n; i++) if (Math.abs((matrix.data[i] as number) - (full.data[i] as number)) > 1e-12) differs++
  assert.ok(differs > n / 2)
  assert.ok(Math.abs((full.data[0] as number) - (5 + 0.25 * 20) / (5 + 20)) < 1e-12)
})

test('pipeline JSON round-trip transforms identically', () => {
  const { pipeline } = fitPipeline(frame(), [0, 1, 0, 1, 1, 0], { splineKnots: 2, minLevelCount: 1 })
  const back = JSON.parse(JSON.stringify(pipeline)) as Pipeline
  assert.deepEqual(transform(back, frame()).data, transform(pipeline, frame()).data)
})
