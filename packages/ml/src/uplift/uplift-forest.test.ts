import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fitPipeline } from '../data/pipeline.ts'
import { fitUplift, predictUplift, UPLIFT_FOREST } from './meta-learners.ts'
import { qiniAucScore } from './qini.ts'
import { plantedExperiment } from './synthetic-experiment.ts'
import { fitUpliftForest, upliftForestPredict } from './uplift-forest.ts'

const train = plantedExperiment(1600, 1)
const fresh = plantedExperiment(600, 2)

function meanByGroup(u: Float64Array, group: Int32Array): [number, number] {
  const s = [0, 0]
  const c = [0, 0]
  for (let i = 0; i < u.length; i++) {
    const g = group[i] as number
    s[g] = (s[g] as number) + (u[i] as number)
    c[g] = (c[g] as number) + 1
  }
  return [(s[0] as number) / (c[0] as number), (s[1] as number) / (c[1] as number)]
}

test('uplift-forest/tree: predicted uplift is near +0.30 for group A and negative for B (−0.15 planted); Qini far above random', () => {
  const model = fitUplift(train.frame, train.y, train.treatment, train.schema, UPLIFT_FOREST, { seed: 0 })
  const u = predictUplift(model, fresh.frame)
  const [a, b] = meanByGroup(u, fresh.group)
  assert.ok(a > 0.2 && a < 0.4, `group A mean uplift ${a}`)
  assert.ok(b < -0.05, `group B mean uplift ${b}`)
  assert.ok(qiniAucScore(fresh.y, u, fresh.treatment) > 0.2)
})

test('uplift forest: every leaf holds at least minLeafShare of each arm of the rows it was grown on', () => {
  const { matrix } = fitPipeline(train.frame, undefined, { splineKnots: 0 })
  // Not honest and no subsampling, so the tree is grown on every row and cover counts are comparable.
  const forest = fitUpliftForest(matrix, train.y, train.treatment, { nTrees: 1, subsample: 1, honest: false, minLeafShare: 0.3, maxDepth: 6 })
  const tree = forest.trees[0]
  assert.ok(tree)
  let treated = 0
  for (let i = 0; i < train.y.length; i++) treated += train.treatment[i] as number
  const smaller = Math.min(treated, train.y.length - treated)
  const leaves = tree.feature.flatMap((f, k) => (f < 0 ? [k] : []))
  assert.ok(leaves.length >= 2, 'the planted effect is worth a split')
  // Each leaf has ≥ 0.3 × smaller arm rows of each arm, so ≥ 2 × that in all; and 0.3 allows at most 3 leaves.
  for (const k of leaves) assert.ok((tree.cover[k] as number) >= 2 * Math.ceil(0.3 * smaller), `leaf ${k} covers ${tree.cover[k]}`)
  assert.ok(leaves.length <= 3, `${leaves.length} leaves`)
})

test('uplift forest: honest leaves shrink an effect that is pure noise; the dishonest forest overstates it', () => {
  // No effect anywhere: outcome independent of arm and features. Leaf effects estimated on the rows that chose
  // the split are biased away from 0; estimated on held-out rows they are not.
  const n = 4000
  const d = plantedExperiment(n, 9)
  const noise = Float64Array.from({ length: n }, (_, i) => (((i * 2654435761) >>> 0) % 100 < 30 ? 1 : 0))
  const { matrix } = fitPipeline(d.frame, undefined, { splineKnots: 0 })
  const spread = (honest: boolean): number => {
    const u = upliftForestPredict(fitUpliftForest(matrix, noise, d.treatment, { honest, minLeafShare: 0.05, seed: 3 }), matrix)
    let s = 0
    for (const v of u) s += v * v
    return Math.sqrt(s / n)
  }
  const honest = spread(true)
  const greedy = spread(false)
  assert.ok(honest < greedy, `honest rms ${honest} vs greedy ${greedy}`)
})

test('uplift forest: the same seed gives identical predictions; another seed other trees; a model survives JSON', () => {
  const opts = { seed: 4, forest: { nTrees: 30 } }
  const model = fitUplift(train.frame, train.y, train.treatment, train.schema, UPLIFT_FOREST, opts)
  const a = predictUplift(model, fresh.frame)
  assert.deepEqual(Array.from(predictUplift(fitUplift(train.frame, train.y, train.treatment, train.schema, UPLIFT_FOREST, opts), fresh.frame)), Array.from(a))
  assert.deepEqual(Array.from(predictUplift(JSON.parse(JSON.stringify(model)), fresh.frame)), Array.from(a))
  const other = predictUplift(fitUplift(train.frame, train.y, train.treatment, train.schema, UPLIFT_FOREST, { ...opts, seed: 5 }), fresh.frame)
  assert.notDeepEqual(Array.from(other), Array.from(a))
})

test('fitUplift: the tree base belongs to the uplift forest alone', () => {
  assert.throws(() => fitUplift(train.frame, train.y, train.treatment, train.schema, { learner: 't-learner', base: 'tree' }), /no uplift learner t-learner\/tree/)
  assert.throws(() => fitUplift(train.frame, train.y, train.treatment, train.schema, { learner: 'uplift-forest', base: 'gbdt' }), /no uplift learner/)
})
