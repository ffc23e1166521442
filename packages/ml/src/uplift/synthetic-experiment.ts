import type { Frame } from '../data/frame.ts'
import type { ColumnSchema } from '../data/infer-schema.ts'
import { createRng } from '../random.ts'
import type { UpliftData } from './cross-validate-uplift.ts'

/**
 * A randomised experiment with a planted heterogeneous effect, for tests: customers of group A respond at
 * 15 % untreated and 45 % treated (the message helps, +0.30), group B at 45 % untreated and 30 % treated (it
 * hurts, −0.15); `age` carries a small main effect and no uplift. `treatedShare` sets the arms' sizes. Seeded.
 * (The effect is deliberately not a pure crossover: with equal and opposite effects neither the group nor the
 * treatment alone would predict the outcome, and no greedy tree split could start on either.)
 */
export function plantedExperiment(n: number, seed: number, treatedShare = 0.5): UpliftData & { group: Int32Array } {
  const rng = createRng(seed)
  const group = new Int32Array(n)
  const age = new Float64Array(n)
  const y = new Float64Array(n)
  const treatment = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    group[i] = rng.int(2)
    age[i] = 20 + rng.next() * 50
    treatment[i] = rng.next() < treatedShare ? 1 : 0
    const helps = group[i] === 0
    const base = (helps ? 0.15 : 0.45) + (age[i] as number - 45) / 500
    const p = treatment[i] === 1 ? base + (helps ? 0.3 : -0.15) : base
    y[i] = rng.next() < p ? 1 : 0
  }
  const frame: Frame = {
    nRows: n,
    columns: [
      { name: 'group', kind: 'categorical', levels: ['A', 'B'], codes: group },
      { name: 'age', kind: 'numeric', values: age },
    ],
  }
  const schema: ColumnSchema[] = [
    { name: 'group', kind: 'categorical' },
    { name: 'age', kind: 'numeric' },
  ]
  return { frame, y, treatment, schema, group }
}
