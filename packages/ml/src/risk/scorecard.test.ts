import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRng } from '../random.ts'
import type { Frame } from '../data/frame.ts'
import { rocAuc } from '../eval/binary-auc.ts'
import { badProbability, fitScorecard, riskBand, scoreRows, type Scorecard } from './scorecard.ts'

function applicants(seed: number, n = 1500): { frame: Frame; bad: number[] } {
  const rng = createRng(seed)
  const income = new Float64Array(n)
  const housing = new Int32Array(n)
  const noise = new Float64Array(n)
  const bad: number[] = []
  for (let i = 0; i < n; i++) {
    income[i] = 1000 + rng.next() * 4000
    housing[i] = i % 100 === 0 ? 3 : rng.int(3) // level 3 is rare → pooled into (other)
    noise[i] = rng.next()
    const z = -0.5 - ((income[i] as number) - 3000) / 800 + (housing[i] === 0 ? 1 : 0)
    bad.push(rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0)
  }
  return {
    frame: {
      nRows: n,
      columns: [
        { name: 'income', kind: 'numeric', values: income },
        { name: 'housing', kind: 'categorical', levels: ['rent', 'own', 'free', 'boat'], codes: housing },
        { name: 'noise', kind: 'numeric', values: noise },
      ],
    },
    bad,
  }
}

test('scorecard: IV screening, points scaling, bands and ranking', () => {
  const { frame, bad } = applicants(1)
  const card = fitScorecard(frame, bad)
  assert.deepEqual(card.variables.map((v) => v.name), ['income', 'housing'])
  assert.deepEqual(card.excluded.map((v) => v.name), ['noise'])
  const housing = card.variables[1]
  assert.ok(housing?.labels.some((l) => l.startsWith('(other')))
  // Income bins: higher income → more points (safer).
  const incomePoints = card.variables[0]?.points ?? []
  for (let b = 1; b < incomePoints.length; b++) assert.ok((incomePoints[b] as number) >= (incomePoints[b - 1] as number))
  // Points scaling: 600 at 50:1 odds, 20 points to double.
  assert.ok(Math.abs(badProbability(card, 600) - 1 / 51) < 1e-12)
  assert.ok(Math.abs(badProbability(card, 620) - 1 / 101) < 1e-12)
  // Sum of points = offset + factor × ln(good:bad) implied by the regression.
  const fresh = applicants(2)
  const scores = scoreRows(card, fresh.frame)
  assert.ok(rocAuc(fresh.bad, Array.from(scores, (s) => -s)) > 0.8)
  const rate = (band: string): number => {
    let r = 0
    let b = 0
    scores.forEach((s, i) => {
      if (riskBand(card, s) === band) {
        r++
        b += fresh.bad[i] as number
      }
    })
    return b / r
  }
  assert.ok(rate('high') > rate('medium') && rate('medium') > rate('low'))
  const back = JSON.parse(JSON.stringify(card)) as Scorecard
  assert.deepEqual(scoreRows(back, fresh.frame), scores)
})
