import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../../../bin/rapport.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'rapport-text-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function rapport(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr }
}

const pos = ['great room and friendly staff', 'lovely stay, great breakfast', '房间干净，服务很好', '早餐很好，推荐', 'clean and quiet, great value', '服务热情，位置方便']
const neg = ['dirty room and rude staff', 'terrible breakfast, noisy', '房间很脏，服务差', '太吵了，很差', 'rude and dirty, awful value', '设施陈旧，很失望']

// A quoted CSV with a newline inside a field (Banking77-style) and one empty text (ChnSentiCorp has one).
const csvRows = ['label,review']
for (let r = 0; r < 3; r++) {
  pos.forEach((t) => csvRows.push(`1,"${t}${r ? `, ${'really '.repeat(r)}` : ''}"`))
  neg.forEach((t) => csvRows.push(`0,"${t}\n${'so '.repeat(r)}bad"`))
}
csvRows.push('1,')
const csv = join(dir, 'reviews.csv')
writeFileSync(csv, `${csvRows.join('\n')}\n`)

// A tab-separated file without quoting, whose texts contain bare double quotes.
const tsv = join(dir, 'intents.tsv')
const intents: Record<string, string[]> = {
  card: ['my card has not arrived', 'where is my "new" card', 'card still not delivered', 'when will my card come'],
  refund: ['i want a refund', 'how do i get my money back', 'refund my "order" please', 'request a refund now'],
  password: ['reset my password', 'i forgot my password', 'cannot log in, password wrong', 'change my password'],
}
const tsvRows = ['text\tintent']
for (let r = 0; r < 3; r++) for (const [k, ts] of Object.entries(intents)) for (const t of ts) tsvRows.push(`${t}${r ? ' pls'.repeat(r) : ''}\t${k}`)
writeFileSync(tsv, `${tsvRows.join('\n')}\n`)

test('eval text: k-fold on a CSV with quoted newlines and an empty review', () => {
  const r = rapport('eval', 'text', '--file', csv, '--text-col', 'review', '--label-col', 'label', '--folds', '3', '--report', '--json')
  assert.equal(r.code, 0, r.err)
  const j = JSON.parse(r.out)
  assert.equal(j.rows, 37)
  // No --model: the default's nested estimate, with the candidate chosen inside each of the 3 outer folds.
  assert.equal(j.model, 'default')
  assert.match(j.estimate, /nested/)
  assert.equal(j.selection.length, 3)
  for (const s of j.selection) {
    assert.ok(j.candidates.includes(s.chosen), s.chosen)
    assert.deepEqual(s.innerAccuracy.map((c: { name: string }) => c.name), j.candidates)
    const best = Math.max(...s.innerAccuracy.map((c: { accuracy: number }) => c.accuracy))
    assert.equal(s.innerAccuracy.find((c: { name: string }) => c.name === s.chosen).accuracy, best)
  }
  assert.equal(j.foldAccuracy.length, 3)
  assert.ok(j.accuracy >= 0 && j.accuracy <= 1 && j.macroF1 >= 0 && typeof j.fitSeconds === 'number')
  assert.equal(j.perClass.length, 2)
  assert.match(r.err, /1 row\(s\) with empty text/)
})

test('eval text: fixed --train/--test split on a tab file without quoting', () => {
  const r = rapport('eval', 'text', '--train', tsv, '--test', tsv, '--text-col', 'text', '--label-col', 'intent', '--quote', 'none', '--model', 'nbsvm', '--json')
  assert.equal(r.code, 0, r.err)
  const j = JSON.parse(r.out)
  assert.equal(j.protocol, 'fixed split')
  assert.equal(j.model, 'nbsvm')
  assert.equal(j.accuracy, 1) // training data re-predicted: a separable toy set
  assert.equal(j.selection, undefined, 'an explicit --model is evaluated as it is, without selection')
})

test('eval text: the default on a fixed split is chosen on --train and names its choice; --model logistic still works', () => {
  const r = rapport('eval', 'text', '--train', tsv, '--test', tsv, '--text-col', 'text', '--label-col', 'intent', '--quote', 'none', '--json')
  assert.equal(r.code, 0, r.err)
  const j = JSON.parse(r.out)
  assert.equal(j.model, 'default')
  assert.equal(j.selection.length, 1)
  assert.ok(j.candidates.includes(j.selection[0].chosen))
  assert.equal(j.accuracy, 1)
  const plain = rapport('eval', 'text', '--train', tsv, '--test', tsv, '--text-col', 'text', '--label-col', 'intent', '--quote', 'none')
  assert.equal(plain.code, 0, plain.err)
  assert.match(plain.out, /default chosen on --train/)
  assert.match(plain.out, /chosen: /)
  const lg = rapport('eval', 'text', '--file', csv, '--text-col', 'review', '--label-col', 'label', '--folds', '3', '--model', 'logistic', '--json')
  assert.equal(lg.code, 0, lg.err)
  assert.equal(JSON.parse(lg.out).model, 'logistic')
})

test('text train + predict: sentiment and intent models round-trip through a file', () => {
  const sm = join(dir, 'sent.json')
  const t = rapport('text', 'train', '--file', csv, '--text-col', 'review', '--label-col', 'label', '--out', sm, '--json')
  assert.equal(t.code, 0, t.err)
  const tj0 = JSON.parse(t.out)
  assert.equal(tj0.task, 'sentiment')
  // No --model: the default chose a candidate by inner CV and says which, with every candidate's score.
  assert.equal(typeof tj0.selection.chosen, 'string')
  assert.ok(tj0.selection.innerAccuracy.some((c: { name: string }) => c.name === tj0.selection.chosen))
  assert.equal(tj0.model, 'svm')
  const probe = join(dir, 'probe.csv')
  writeFileSync(probe, 'text\ngreat friendly staff\n房间很脏，服务差\n')
  const p = rapport('text', 'predict', '--model', sm, '--file', probe, '--text-col', 'text', '--json')
  assert.equal(p.code, 0, p.err)
  const preds = JSON.parse(p.out).predictions
  assert.equal(preds[0].label, '1')
  assert.ok(preds[0].score > 0 && preds[1].score < 0 && preds[1].score >= -1)
  const im = join(dir, 'intent.json')
  const ti = rapport('text', 'train', '--file', tsv, '--text-col', 'text', '--label-col', 'intent', '--quote', 'none', '--out', im, '--json')
  assert.equal(ti.code, 0, ti.err)
  const tj = JSON.parse(ti.out)
  assert.equal(tj.task, 'intent')
  assert.equal(typeof tj.selection.chosen, 'string')
  assert.ok(tj.threshold >= 0)
  const pi = rapport('text', 'predict', '--model', im, '--file', tsv, '--text-col', 'text', '--quote', 'none', '--json')
  assert.equal(pi.code, 0, pi.err)
  const first = JSON.parse(pi.out).predictions[0]
  assert.equal(first.label, 'card')
  assert.equal(first.line, 2)
  assert.equal(first.top.length, 3)
})

test('text predict --lexicon works without a model', () => {
  const probe = join(dir, 'lex.csv')
  writeFileSync(probe, 'text\nThe staff were wonderful\n房间不干净，很失望\n')
  const r = rapport('text', 'predict', '--lexicon', '--file', probe, '--text-col', 'text', '--json')
  assert.equal(r.code, 0, r.err)
  const j = JSON.parse(r.out)
  assert.equal(j.mode, 'lexicon')
  assert.deepEqual(j.predictions.map((p: { label: string }) => p.label), ['positive', 'negative'])
})

test('text keywords per group and text answer', () => {
  const r = rapport('text', 'keywords', '--file', tsv, '--text-col', 'text', '--group-col', 'intent', '--quote', 'none', '--top', '3', '--json')
  assert.equal(r.code, 0, r.err)
  const groups = JSON.parse(r.out).groups as Array<{ group: string; keywords: Array<{ term: string }> }>
  assert.equal(JSON.parse(r.out).method, 'distinctive', 'groups are contrasted by default')
  assert.deepEqual(groups.map((g) => g.group), ['card', 'password', 'refund'])
  assert.ok(groups[1]?.keywords.some((k) => k.term.includes('password')))
  // Words of every group ("pls", "my") are no group's tag.
  for (const g of groups) assert.ok(!g.keywords.some((k) => /\bpls\b/.test(k.term)), JSON.stringify(g))
  const whole = rapport('text', 'keywords', '--file', tsv, '--text-col', 'text', '--quote', 'none', '--json')
  assert.equal(JSON.parse(whole.out).method, 'tfidf', 'one list for the whole file: nothing to contrast')
  const alone = rapport('text', 'keywords', '--file', tsv, '--text-col', 'text', '--quote', 'none', '--method', 'distinctive')
  assert.equal(alone.code, 2)
  assert.match(alone.err, /contrasts groups/)
  const rows = rapport('text', 'keywords', '--file', tsv, '--text-col', 'text', '--per-row', '--method', 'textrank', '--quote', 'none', '--json')
  assert.equal(rows.code, 0, rows.err)
  const perRow = JSON.parse(rows.out).groups as Array<{ group: string; keywords: Array<{ term: string }> }>
  assert.equal(perRow.length, tsvRows.length - 1)
  assert.equal(perRow[0]?.group, 'line 2')
  assert.ok(perRow[0]?.keywords.some((k) => k.term.includes('card')))
  const kb = join(dir, 'kb.csv')
  writeFileSync(kb, 'q,a\nHow do I reset my password?,Use the forgot-password link.\nWhere is my card?,Cards arrive in 5 days.\n怎么申请退款,在订单页面申请退款。\n')
  const a = rapport('text', 'answer', '--kb', kb, '--question-col', 'q', '--answer-col', 'a', 'I need to reset the password', '--json')
  assert.equal(a.code, 0, a.err)
  const s = JSON.parse(a.out).suggestions
  assert.equal(s[0].matchedQuestion, 'How do I reset my password?')
  assert.equal(s[0].line, 2)
  const z = rapport('text', 'answer', '--kb', kb, '--question-col', 'q', '--answer-col', 'a', '退款怎么申请', '--json')
  assert.equal(JSON.parse(z.out).suggestions[0].answer, '在订单页面申请退款。')
})

test('exit codes: usage errors 2, bad input 1 with file:line: column', () => {
  assert.equal(rapport('eval', 'text', '--text-col', 't', '--label-col', 'l').code, 2)
  assert.equal(rapport('eval', 'text', '--file', csv, '--text-col', 'nope', '--label-col', 'label').code, 2)
  const bad = join(dir, 'bad.csv')
  writeFileSync(bad, 'text,label\nhello,a\nworld,\n')
  const r = rapport('text', 'train', '--file', bad, '--text-col', 'text', '--label-col', 'label', '--out', join(dir, 'x.json'))
  assert.equal(r.code, 1)
  assert.match(r.err, /bad\.csv:3: label: empty label/)
  assert.equal(rapport('text', 'predict', '--model', join(dir, 'missing.json'), '--file', csv, '--text-col', 'review').code, 1)
  assert.equal(rapport('text', 'predict', '--file', csv, '--text-col', 'review').code, 2)
  assert.equal(rapport('text', 'train', '--help').code, 0)
})
