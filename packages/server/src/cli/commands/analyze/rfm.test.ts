import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { runCli, tempFiles } from './run-cli.test-helper.ts'

const csv = [
  'Invoice,Customer,Date,Qty,Price',
  '1,a,1/1/2011 10:00,2,5',
  '2,a,3/1/2011 10:00,1,5',
  'C3,a,3/2/2011 10:00,-1,5',
  '4,b,3/20/2011 9:30,10,3',
  '5,c,bad-date,1,1',
].join('\n')

test('analyze rfm --json scores customers; a bad date names file, line and column', (t) => {
  const f = tempFiles({ 'tx.csv': csv, 'ok.csv': csv.split('\n').slice(0, 5).join('\n') })
  t.after(f.cleanup)
  const args = ['analyze', 'rfm', '--customer-col', 'Customer', '--date-col', 'Date', '--amount-col', 'Price', '--quantity-col', 'Qty', '--invoice-col', 'Invoice', '--exclude-cancellations']
  const bad = runCli([...args, '--file', f.path('tx.csv')])
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /tx\.csv:6: Date: "bad-date" is not a date/)
  const r = runCli([...args, '--file', f.path('ok.csv'), '--as-of', '2011-03-31', '--json', '--out', f.path('scores.csv')])
  assert.equal(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout)
  assert.equal(out.customers, 2)
  assert.equal(out.droppedCancellations, 1)
  const a = out.scores.find((s: { customer: string }) => s.customer === 'a')
  assert.deepEqual([a.recency, a.frequency, a.monetary], [30, 2, 15])
  const b = out.scores.find((s: { customer: string }) => s.customer === 'b')
  assert.deepEqual([b.recency, b.frequency, b.monetary, b.r], [11, 1, 30, 5])
  assert.equal(out.segments.reduce((s: number, g: { customers: number }) => s + g.customers, 0), 2)
  assert.match(readFileSync(f.path('scores.csv'), 'utf8'), /^customer,recency,frequency/)
})
