import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rapport } from './cli-fixture.ts'

/** An experiment CSV: "mail" helps segment A (+0.30) and hurts B (−0.15); "sms" rows belong to neither arm. */
function experimentFile(rows = 600): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-uplift-'))
  let s = 4242
  const rnd = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
  const lines = ['id,segment,age,arm,bought,spend']
  for (let i = 0; i < rows; i++) {
    const seg = rnd() < 0.5 ? 'A' : 'B'
    const arm = i % 5 === 0 ? 'sms' : rnd() < 0.5 ? 'mail' : 'none'
    const p = seg === 'A' ? (arm === 'mail' ? 0.45 : 0.15) : arm === 'mail' ? 0.3 : 0.45
    const bought = rnd() < p ? 1 : 0
    lines.push(`C${i},${seg},${Math.floor(rnd() * 60)},${arm},${bought},${bought ? (rnd() * 90).toFixed(2) : '0'}`)
  }
  const file = join(dir, 'experiment.csv')
  writeFileSync(file, `${lines.join('\n')}\n`)
  return { dir, file }
}

const base = (file: string): string[] => ['eval', 'uplift', '--file', file, '--treatment-col', 'arm', '--treatment', 'mail', '--control', 'none', '--outcome', 'bought', '--drop', 'id,spend']

test('eval uplift --json: per-fold and mean qini_auc and uplift_at_30 of a fixed learner', () => {
  const { file } = experimentFile()
  const r = rapport([...base(file), '--folds', '3', '--learner', 't-learner/logistic', '--json'])
  assert.equal(r.code, 0, r.stderr)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, read field by field below
  const out = JSON.parse(r.stdout) as Record<string, any>
  assert.equal(out.learner, 't-learner/logistic')
  assert.equal(out.rows, 480)
  assert.equal(out.treated_rows + out.control_rows, 480)
  assert.equal(out.per_fold.length, 3)
  for (const f of out.per_fold) for (const k of ['qini_auc', 'uplift_at_30', 'fit_seconds']) assert.equal(typeof f[k], 'number', k)
  assert.ok(out.mean.qini_auc > 0.1, `qini ${out.mean.qini_auc}`)
  assert.match(r.stderr, /120 rows in neither arm/)
})

test('eval uplift: the default learner is auto, chosen per fold by inner CV, and the text output has a mean row', () => {
  const { file } = experimentFile(300)
  const json = rapport([...base(file), '--folds', '2', '--trees', '20', '--json'])
  assert.equal(json.code, 0, json.stderr)
  const out = JSON.parse(json.stdout) as { learner: string; per_fold: Array<{ learner: string; inner_qini_auc: Record<string, number> }> }
  assert.equal(out.learner, 'auto')
  for (const f of out.per_fold) {
    // Nine learners alone (eight meta-learner × base pairs and the uplift forest) and the 36 averages of two.
    assert.equal(Object.keys(f.inner_qini_auc).length, 45)
    assert.ok('uplift-forest/tree' in f.inner_qini_auc)
    // The best inner Qini wins only when it beats the incumbent, x-learner/gbdt, by a third of its Qini.
    const [best, top] = Object.entries(f.inner_qini_auc).sort((a, b) => b[1] - a[1])[0] as [string, number]
    const incumbent = f.inner_qini_auc['x-learner/gbdt'] as number
    assert.equal(f.learner, top > incumbent + Math.abs(incumbent) / 3 ? best : 'x-learner/gbdt')
  }
  const text = rapport([...base(file), '--folds', '2', '--learner', 'class-transformation/gbdt', '--trees', '20'])
  assert.equal(text.code, 0, text.stderr)
  assert.match(text.stdout, /^mean\s/m)
  assert.match(text.stdout, /qini_auc -?\d\.\d{4} ±/)
})

test('eval uplift: a bad outcome exits 1 naming line and column; usage mistakes exit 2', () => {
  const { dir, file } = experimentFile(60)
  const bad = join(dir, 'bad.csv')
  writeFileSync(bad, 'seg,arm,bought\nA,mail,1\nB,none,0\nA,none,maybe\n')
  const r = rapport(['eval', 'uplift', '--file', bad, '--treatment-col', 'arm', '--treatment', 'mail', '--control', 'none', '--outcome', 'bought'])
  assert.equal(r.code, 1)
  assert.match(r.stderr, /bad\.csv:4: bought: "maybe" is not 0 or 1/)
  assert.equal(rapport([...base(file), '--learner', 'x-learner/svm']).code, 2)
  assert.equal(rapport([...base(file).slice(0, -2), '--outcome', 'nope']).code, 2)
  assert.equal(rapport(['eval', 'uplift', '--file', file, '--treatment-col', 'arm', '--treatment', 'email', '--control', 'none', '--outcome', 'bought']).code, 2)
  assert.equal(rapport([...base(file), '--folds', '1']).code, 2)
  assert.equal(rapport(['eval', 'uplift', '--file', file, '--outcome', 'bought']).code, 2)
})
