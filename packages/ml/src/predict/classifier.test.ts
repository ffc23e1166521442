import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import type { Frame } from '../data/frame.ts'
import { classifierFromJson, classifierProba, fitClassifier, type ModelKind } from './classifier.ts'
import { explainRows } from './explain-classifier.ts'

function customers(seed: number, n = 300): { frame: Frame; y: number[] } {
  const rng = createRng(seed)
  const tenure = new Float64Array(n)
  const plan = new Int32Array(n)
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    tenure[i] = i % 17 === 0 ? Number.NaN : Math.floor(rng.next() * 72)
    plan[i] = rng.int(3)
    const t = Number.isNaN(tenure[i] as number) ? 30 : (tenure[i] as number)
    y.push(rng.next() < 1 / (1 + Math.exp(-(1 - t / 15 + (plan[i] === 0 ? 1 : 0)))) ? 1 : 0)
  }
  return {
    frame: { nRows: n, columns: [{ name: 'tenure', kind: 'numeric', values: tenure }, { name: 'plan', kind: 'categorical', levels: ['monthly', 'yearly', 'two-year'], codes: plan }] },
    y,
  }
}

const meta = { schema: [{ name: 'tenure', kind: 'numeric' as const }, { name: 'plan', kind: 'categorical' as const }], target: { column: 'churn', positive: 'yes' } }

for (const kind of ['logistic', 'gbdt', 'tree', 'blend'] as ModelKind[]) {
  test(`${kind}: JSON round-trip gives identical probabilities; explanations add up`, () => {
    const { frame, y } = customers(1)
    const model = fitClassifier(frame, y, meta, { model: kind, gbdt: { nTrees: 40 } })
    const back = classifierFromJson(JSON.stringify(model))
    assert.deepEqual(classifierProba(back, frame), classifierProba(model, frame))
    const p = classifierProba(model, frame)
    for (const e of explainRows(model, frame, [0, 1, 17])) {
      const sum = e.contributions.reduce((a, c) => a + c.logOdds, e.baseLogOdds)
      assert.ok(Math.abs(sum - e.logOdds) < 1e-9)
      assert.deepEqual(e.contributions.map((c) => c.input).sort(), ['plan', 'tenure'])
      const dp = e.contributions.reduce((a, c) => a + c.probability, 0)
      assert.ok(Math.abs(dp - (e.probability - 1 / (1 + Math.exp(-e.baseLogOdds)))) < 1e-9)
    }
    // Uncalibrated models: explanation probability is the predicted probability (CART up to its 1e-6 clip).
    const [e0] = explainRows(model, frame, [0])
    assert.ok(Math.abs((e0?.probability ?? 0) - (p[0] as number)) < 1e-5)
  })
}

test('tenure drives churn: low tenure gets a positive contribution under logistic regression', () => {
  const { frame, y } = customers(2, 600)
  const model = fitClassifier(frame, y, meta, { model: 'logistic' })
  const tenure = frame.columns[0]
  assert.ok(tenure?.kind === 'numeric')
  const low = Array.from(tenure.values).findIndex((v) => v < 3)
  const [e] = explainRows(model, frame, [low])
  const c = e?.contributions.find((x) => x.input === 'tenure')
  assert.ok(c && c.logOdds > 0.3, `tenure contribution ${c?.logOdds}`)
})

test('calibrated models round-trip too', () => {
  const { frame, y } = customers(3)
  for (const calibration of ['platt', 'isotonic'] as const) {
    const model = fitClassifier(frame, y, meta, { model: 'gbdt', gbdt: { nTrees: 20 }, calibration })
    assert.ok(model.calibrator?.type === calibration)
    assert.deepEqual(classifierProba(classifierFromJson(JSON.stringify(model)), frame), classifierProba(model, frame))
  }
})
