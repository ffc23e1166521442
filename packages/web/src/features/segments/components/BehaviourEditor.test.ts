import { describe, expect, test } from 'vitest'
import { segmentNode } from '../../../../../server/src/domain/segment-tree.ts'
import { operatorsFor } from '../lib/operators.ts'
import { BEHAVIOUR_SOURCES, MEASURES, MEASURE_FIELDS, SOURCE_FILTERS, type BehaviourLeaf } from '../lib/tree-types.ts'
import { withMeasure } from './BehaviourEditor.tsx'

const ok = (leaf: BehaviourLeaf) => {
  const r = segmentNode.safeParse(leaf)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}
const start = (source: BehaviourLeaf['source']): BehaviourLeaf => ({ type: 'behaviour', source, measure: 'count', window: { last_days: 90 }, op: '>=', value: 1 })

describe('behaviour conditions', () => {
  test('every measure the editor offers for a source gives a valid condition: a field for sum/avg/min/max, no window for the dates', () => {
    for (const source of BEHAVIOUR_SOURCES) {
      const offered = MEASURES.filter((m) => MEASURE_FIELDS[source].length > 0 || m === 'count' || m === 'first_at' || m === 'last_at')
      for (const m of offered) {
        const leaf = withMeasure({ ...start(source), value: 1 }, m)
        const filled = leaf.value === undefined ? { ...leaf, value: 3 } : leaf
        expect(ok(filled), `${source} ${m} ${JSON.stringify(filled)}`).toEqual([])
        if (m === 'first_at' || m === 'last_at') {
          expect(leaf.window).toBeUndefined()
          expect(operatorsFor('date')).toContain(leaf.op)
        }
      }
    }
  })

  test('a measure of another kind resets the operator; one of the same kind keeps operator and value', () => {
    const sum = withMeasure(start('orders'), 'sum')
    expect(sum).toMatchObject({ field: 'total', op: '>=', value: 1, window: { last_days: 90 } })
    const last = withMeasure(sum, 'last_at')
    expect(last).toMatchObject({ measure: 'last_at', op: 'within_last', value: 30 })
    expect(last.field).toBeUndefined()
    expect(withMeasure(last, 'count')).toMatchObject({ measure: 'count', op: '>=' })
    expect(withMeasure(last, 'count').value).toBeUndefined()
  })

  test('every row filter a source offers is accepted by the server for that source', () => {
    for (const source of BEHAVIOUR_SOURCES) {
      for (const key of SOURCE_FILTERS[source]) {
        const values = key === 'product_ids' ? [1, 2] : key === 'sentiment' ? ['negative'] : ['x']
        expect(ok({ ...start(source), filter: { [key]: values } }), `${source}.${key}`).toEqual([])
      }
    }
  })

  test('every window form is accepted: last N days, between A and B days ago, since a date', () => {
    for (const window of [{ last_days: 7 }, { days_ago_from: 60, days_ago_to: 30 }, { since: '2026-01-01' }]) expect(ok({ ...start('events'), window })).toEqual([])
  })
})
