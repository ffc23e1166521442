import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildFrame, inferSchema } from './infer-schema.ts'

test('infers numeric, boolean, date, categorical and id columns; blanks and NA are missing', () => {
  const names = ['id', 'n', 'b', 'd', 'c']
  const rows = Array.from({ length: 60 }, (_, i) => [`cust-${i}`, i === 3 ? ' ' : i === 4 ? 'NA' : String(i * 1.5), i % 2 ? 'Yes' : 'No', `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, i % 3 ? 'x' : 'y'])
  const schema = inferSchema(names, rows)
  assert.deepEqual(schema.map((s) => s.kind), ['id', 'numeric', 'boolean', 'date', 'categorical'])
  const { frame, invalid } = buildFrame(schema, rows)
  assert.equal(invalid.length, 0)
  assert.deepEqual(frame.columns.map((c) => c.name), ['n', 'b', 'd', 'c'])
  const n = frame.columns[0]
  assert.ok(n && n.kind === 'numeric' && Number.isNaN(n.values[3]) && Number.isNaN(n.values[4]) && n.values[2] === 3)
  const b = frame.columns[1]
  assert.ok(b && b.kind === 'boolean' && b.values[1] === 1 && b.values[0] === 0)
  const d = frame.columns[2]
  assert.ok(d && d.kind === 'date' && d.values[0] === Date.UTC(2024, 0, 1) / 86_400_000)
})

test('a saved schema reads new files the same way and reports unparseable numbers', () => {
  const schema = [{ name: 'x', kind: 'numeric' as const }, { name: 'k', kind: 'categorical' as const }]
  const { frame, invalid } = buildFrame(schema, [['1', '7'], ['oops', '8']], (name) => ['k', 'x'].indexOf(name) === 0 ? 0 : name === 'x' ? 1 : -1)
  // Column order in the new file differs (k first): values follow names, not positions.
  const x = frame.columns[0]
  assert.ok(x && x.kind === 'numeric' && x.values[0] === 7)
  assert.equal(invalid.length, 0)
  const again = buildFrame(schema, [['1', '7'], ['oops', '8']])
  assert.deepEqual(again.invalid, [{ column: 'x', row: 1, value: 'oops' }])
})
