import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRng } from '../random.ts'
import { decideAnswer, pickAnswerPolicy, policyGrid, sweepAnswerPolicy, type AnswerPolicy, type LabelledScores, type PolicyPoint } from './answer-policy.ts'

const policy = (minConfidence: number, clarifyMargin = 0, minRetrievalShare = 0): AnswerPolicy => ({ minConfidence, clarifyMargin, minRetrievalShare })
const scores = (probability: number[], retrieval: number[] = probability.map(() => 1)) => ({ probability, retrieval })

test('answers a confident question, hands off an unsure one, clarifies between two close ones', () => {
  assert.deepEqual(decideAnswer(scores([0.05, 0.9, 0.05]), policy(0.8, 0.2)), { action: 'answer', article: 1, confidence: 0.9 })
  assert.deepEqual(decideAnswer(scores([0.5, 0.3, 0.2]), policy(0.8, 0.1)), { action: 'hand_off', reason: 'low_confidence' })
  // 0.48 vs 0.46: too close to pick, and together 0.94 >= 0.8, so ask which one.
  assert.deepEqual(decideAnswer(scores([0.06, 0.46, 0.48]), policy(0.8, 0.1)), { action: 'clarify', articles: [2, 1], confidence: 0.94 })
  // Close but the pair is still unlikely: a person, not a question.
  assert.deepEqual(decideAnswer(scores([0.3, 0.35, 0.35]), policy(0.8, 0.1)), { action: 'hand_off', reason: 'low_confidence' })
  // Margin 0 never clarifies, even on an exact tie (the lower row wins the tie).
  assert.deepEqual(decideAnswer(scores([0.5, 0.5]), policy(0.5)), { action: 'answer', article: 0, confidence: 0.5 })
  assert.deepEqual(decideAnswer(scores([0.5, 0.5]), policy(0.5, 0.01)), { action: 'clarify', articles: [0, 1], confidence: 1 })
})

test('the retrieval guard hands off when the knowledge base disagrees or has nothing similar', () => {
  const s = scores([0.9, 0.1], [2, 8])
  assert.equal(decideAnswer(s, policy(0.8)).action, 'answer')
  // Article 0's best question scores 2 against article 1's 8: share 0.25.
  assert.deepEqual(decideAnswer(s, policy(0.8, 0, 0.2)), { action: 'answer', article: 0, confidence: 0.9 })
  assert.deepEqual(decideAnswer(s, policy(0.8, 0, 0.3)), { action: 'hand_off', reason: 'weak_retrieval' })
  assert.deepEqual(decideAnswer(scores([0.9, 0.1], [0, 0]), policy(0.8, 0, 0.01)), { action: 'hand_off', reason: 'weak_retrieval' })
  assert.deepEqual(decideAnswer(scores([], []), policy(0)), { action: 'hand_off', reason: 'no_articles' })
  // A single article cannot be close to anything.
  assert.deepEqual(decideAnswer(scores([1]), policy(0.5, 0.5)), { action: 'answer', article: 0, confidence: 1 })
})

/**
 * A perfectly calibrated toy model: groups of m questions whose top probability c is exactly the share of
 * the group the top article answers rightly, so the precision above any threshold is the m-weighted mean c
 * of the accepted groups — which cannot fall as the threshold rises and drops the lowest groups.
 */
function calibratedToy(seed: number): LabelledScores[] {
  const rng = createRng(seed)
  const out: LabelledScores[] = []
  for (let g = 0; g < 40; g++) {
    const m = 5 + rng.int(20)
    const right = Math.ceil(0.3 * m) + rng.int(m - Math.ceil(0.3 * m) + 1)
    const c = right / m
    const rest = (1 - c) / 3
    for (let j = 0; j < m; j++) out.push({ scores: scores([c, rest, rest, rest]), truth: j < right ? 0 : 1 + (j % 3) })
  }
  return out
}

test('on a perfectly calibrated toy model a higher threshold never lowers precision nor raises the share answered', () => {
  for (const seed of [1, 2, 3]) {
    const thresholds = Array.from({ length: 71 }, (_, i) => 0.3 + i * 0.01)
    const curve = sweepAnswerPolicy(calibratedToy(seed), policyGrid(thresholds))
    const answering = curve.filter((pt) => pt.answered > 0)
    assert.ok(answering.length > 10)
    for (let i = 1; i < answering.length; i++) {
      const [lo, hi] = [answering[i - 1] as PolicyPoint, answering[i] as PolicyPoint]
      assert.ok(hi.precision >= lo.precision - 1e-12, `seed ${seed}: precision fell from ${lo.precision} to ${hi.precision} at ${hi.policy.minConfidence}`)
      assert.ok(hi.answered <= lo.answered)
    }
    for (const pt of curve) assert.ok(Math.abs(pt.answered + pt.clarified + pt.handedOff - 1) < 1e-12)
  }
})

test('the sweep counts answers, clarifications and hand-offs against the truth', () => {
  const items: LabelledScores[] = [
    { scores: scores([0.9, 0.1, 0]), truth: 0 }, // answered, right
    { scores: scores([0.1, 0.85, 0.05]), truth: 0 }, // answered, wrong
    { scores: scores([0.45, 0.44, 0.11]), truth: 1 }, // clarified, pair holds the truth
    { scores: scores([0.45, 0.44, 0.11]), truth: 2 }, // clarified, missed
    { scores: scores([0.6, 0.2, 0.2]), truth: 0 }, // handed off
  ]
  const [pt] = sweepAnswerPolicy(items, [policy(0.8, 0.1)])
  assert.ok(pt)
  assert.equal(pt.questions, 5)
  assert.equal(pt.answered, 0.4)
  assert.equal(pt.precision, 0.5)
  assert.equal(pt.clarified, 0.4)
  assert.equal(pt.clarifyHit, 0.5)
  assert.equal(pt.handedOff, 0.2)
  assert.deepEqual(pt.handOffReasons, { low_confidence: 1, weak_retrieval: 0, no_articles: 0 })
  const [empty] = sweepAnswerPolicy([], [policy(0.5)])
  assert.ok(empty && Number.isNaN(empty.answered) && Number.isNaN(empty.precision))
})

const point = (minConfidence: number, answered: number, precision: number, minRetrievalShare = 0): PolicyPoint => ({
  policy: policy(minConfidence, 0, minRetrievalShare),
  questions: 100,
  answered,
  precision,
  clarified: 0,
  clarifyHit: Number.NaN,
  handedOff: 1 - answered,
  handOffReasons: { low_confidence: 0, weak_retrieval: 0, no_articles: 0 },
})

test('the picker answers the most it can without going under the precision floor', () => {
  const curve = [point(0.5, 0.95, 0.93), point(0.6, 0.9, 0.949999), point(0.7, 0.85, 0.95), point(0.8, 0.8, 0.97)]
  assert.equal(pickAnswerPolicy(curve, 0.95)?.policy.minConfidence, 0.7)
  assert.equal(pickAnswerPolicy(curve, 0.9)?.policy.minConfidence, 0.5)
  assert.equal(pickAnswerPolicy(curve, 0.99), undefined)
  assert.equal(pickAnswerPolicy([], 0.95), undefined)
  // Answering nothing has no precision and is never "the most it can".
  assert.equal(pickAnswerPolicy([point(0.99, 0, Number.NaN)], 0.95), undefined)
})

test('picker ties go to higher precision, then the stricter policy, then the first', () => {
  assert.equal(pickAnswerPolicy([point(0.6, 0.8, 0.96), point(0.7, 0.8, 0.98)])?.policy.minConfidence, 0.7)
  assert.equal(pickAnswerPolicy([point(0.7, 0.8, 0.98), point(0.6, 0.8, 0.98)])?.policy.minConfidence, 0.7)
  const guarded = pickAnswerPolicy([point(0.7, 0.8, 0.98, 0), point(0.7, 0.8, 0.98, 0.5)])
  assert.equal(guarded?.policy.minRetrievalShare, 0.5)
  const first = point(0.7, 0.8, 0.98)
  assert.equal(pickAnswerPolicy([first, point(0.7, 0.8, 0.98)]), first)
})

test('policyGrid crosses every threshold', () => {
  const g = policyGrid([0.5, 0.9], [0, 0.5], [0.1])
  assert.equal(g.length, 4)
  assert.deepEqual(g[1], { minConfidence: 0.9, minRetrievalShare: 0, clarifyMargin: 0.1 })
  assert.deepEqual(g[2], { minConfidence: 0.5, minRetrievalShare: 0.5, clarifyMargin: 0.1 })
})
