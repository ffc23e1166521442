import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import { rocAuc } from '../eval/binary-auc.ts'
import { permutationImportance } from './permutation-importance.ts'
import { fitLogistic, logisticPredictProba } from './logistic.ts'

test('the informative feature group matters most; noise matters about nothing', () => {
  const rng = createRng(5)
  const n = 500
  const data = new Float64Array(n * 3)
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) data[i * 3 + j] = rng.normal()
    y.push((data[i * 3 + 1] as number) + (data[i * 3 + 2] as number) + 0.5 * rng.normal() > 0 ? 1 : 0)
  }
  const X = { rows: n, cols: 3, data }
  const m = fitLogistic(X, y)
  // Features 1 and 2 form one group (like the one-hot columns of one input).
  const imp = permutationImportance((Z) => logisticPredictProba(m, Z), X, y, rocAuc, [0, 1, 1], { repeats: 3, seed: 1 })
  assert.equal(imp.length, 2)
  assert.ok((imp[1]?.drop ?? 0) > 0.2)
  assert.ok(Math.abs(imp[0]?.drop ?? 1) < 0.02)
})
