import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parsePart } from './liquid-engines.ts'
import { unknownMergeFields } from './unknown-merge-fields.ts'

const unknown = (source: string) => {
  const p = parsePart('html', source)
  assert.equal(p.ok, true, p.ok ? '' : p.reason)
  return p.ok ? unknownMergeFields(p.templates) : []
}

test('finds unknown fields at top level, inside if and inside for, each once with its first position', () => {
  const src = 'Hi {{ customer.nmae }}\n{% if churn_bnd == "high" %}x{% endif %}\n{% for p in recommendations %}{{ phone }}{% endfor %}{{ customer.nmae }}'
  assert.deepEqual(unknown(src), [
    { name: 'customer.nmae', line: 1, column: 7 },
    { name: 'churn_bnd', line: 2, column: 7 },
    { name: 'phone', line: 3, column: 34 },
  ])
})

test('accepts loop variables over recommendations, forloop, and the author\'s own assign and capture', () => {
  const src = '{% for p in recommendations limit: 3 %}{{ forloop.index }}. {{ p.name }} {{ p.price }} {{ p.url }}'
    + '{% for q in recommendations reversed %}{{ q.category }}{{ p.image_url }}{{ forloop.parentloop.first }}{% endfor %}{% endfor %}'
    + '{% assign n = customer.first_name | default: "friend" %}{{ n }}{% capture c %}x{% endcapture %}{{ c }}'
    + '{% tablerow r in recommendations cols: 2 %}{{ r.name }}{{ tablerowloop.col }}{% endtablerow %}'
  assert.deepEqual(unknown(src), [])
})

test('refuses a field a recommendation does not have, and loop objects outside or misspelt', () => {
  const src = '{% for p in recommendations %}{{ p.sku }}{{ forloop.idx }}{% endfor %}{{ forloop.index }}'
  assert.deepEqual(unknown(src).map((f) => f.name), ['p.sku', 'forloop.idx', 'forloop.index'])
})
