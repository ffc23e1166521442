import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  base64ToFloats,
  buildFrame,
  classifierProba,
  fitBaseline,
  fitClassifier,
  fitTextClassifier,
  floatsToBase64,
  inferSchema,
  interactions,
  predictText,
  textClassifierToJson,
} from '@rapport/ml'
import { RapportError } from '../../errors/rapport-error.ts'
import { loadClassifier, saveClassifier } from './classifier-file.ts'
import { readModelFile } from './model-envelope.ts'
import { loadRecommender, saveRecommender } from './recommender-file.ts'
import { loadTextModel, saveTextModel } from './text-model-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'rapport-models-'))
test.after(() => rmSync(dir, { recursive: true, force: true }))
const path = (name: string): string => join(dir, name)
const info = { trainedOn: { file: 'train.csv', rows: 40 }, params: { seed: 0 }, metrics: { auc: 0.9 } }

function smallClassifier() {
  const names = ['x', 'plan']
  const rows = Array.from({ length: 40 }, (_, i) => [String(i % 10), i % 3 ? 'a' : 'b'])
  const schema = inferSchema(names, rows)
  const { frame } = buildFrame(schema, rows)
  const y = Float64Array.from(rows, (r) => (Number(r[0]) > 4 ? 1 : 0))
  return { model: fitClassifier(frame, y, { schema, target: { column: 'y', positive: '1' } }, { model: 'tree' }), frame }
}

test('classifier: the envelope round-trips; a bare rapport-classifier file (the old format) still loads', () => {
  const { model, frame } = smallClassifier()
  const want = classifierProba(model, frame)
  const env = saveClassifier(path('new.json'), model, info)
  assert.equal(env.format, 'rapport.model')
  assert.equal(env.kind, 'classifier')
  assert.ok(!Number.isNaN(Date.parse(env.createdAt)))
  const saved = JSON.parse(readFileSync(path('new.json'), 'utf8'))
  assert.deepEqual(Object.keys(saved), ['format', 'kind', 'version', 'createdAt', 'trainedOn', 'params', 'metrics', 'payload'])
  assert.deepEqual(classifierProba(loadClassifier(path('new.json')).model, frame), want)
  writeFileSync(path('old.json'), JSON.stringify(model))
  const old = loadClassifier(path('old.json'))
  assert.deepEqual(classifierProba(old.model, frame), want)
  assert.equal(old.envelope.params.legacy, 'rapport-classifier')
})

test('text models: envelope, and old text-model files with classifier JSON of format 2 and format 1', () => {
  const texts = ['great room', 'lovely stay', 'great value', 'dirty room', 'rude staff', 'awful value']
  const labels = ['pos', 'pos', 'pos', 'neg', 'neg', 'neg']
  const clf = fitTextClassifier(texts, labels, { lang: 'en', model: 'logistic', seed: 0 })
  const want = texts.map((t) => predictText(clf, t))
  const settings = { task: 'sentiment' as const, polarity: { positive: 'pos', negative: 'neg' } }
  saveTextModel(path('text-new.json'), settings, clf, { trainedOn: { file: 'r.csv', rows: 6 }, params: {} })
  const loaded = loadTextModel(path('text-new.json'))
  assert.deepEqual(loaded.settings, settings)
  assert.deepEqual(texts.map((t) => predictText(loaded.classifier, t)), want)
  const v2 = textClassifierToJson(clf)
  assert.equal(v2.version, 2)
  // Format 1 stored coefficients in 64 bits without coefBits: rebuilt from format 2 with the ml float encoders.
  const { coefBits: _bits, ...model1 } = v2.model
  const v1 = { ...v2, version: 1, model: { ...model1, coef: floatsToBase64(base64ToFloats(v2.model.coef, v2.model.coefBits ?? 64), 64) } }
  for (const [name, classifier] of [['text-old-2.json', v2], ['text-old-1.json', v1]] as const) {
    writeFileSync(path(name), JSON.stringify({ format: 'rapport.text-model', version: 1, ...settings, classifier, trainedOn: { file: 'r.csv', rows: 6 } }))
    const old = loadTextModel(path(name))
    assert.equal(old.envelope.trainedOn.rows, 6, name)
    assert.deepEqual(old.settings, settings, name)
    assert.deepEqual(texts.map((t) => predictText(old.classifier, t)), want, name)
  }
})

test('recommenders: the envelope round-trips; a bare toJSON() file still loads', () => {
  const data = interactions(Int32Array.from([0, 0, 1, 1, 2]), Int32Array.from([0, 1, 0, 2, 1]), Float64Array.from([5, 3, 4, 1, 2]), 3, 3)
  const model = fitBaseline(data)
  const want = [model.predict(0, 2), model.predict(2, 0)]
  saveRecommender(path('rec-new.json'), model, info)
  const again = loadRecommender(path('rec-new.json')).model
  assert.deepEqual([again.predict(0, 2), again.predict(2, 0)], want)
  writeFileSync(path('rec-old.json'), JSON.stringify(model.toJSON()))
  const old = loadRecommender(path('rec-old.json')).model
  assert.deepEqual([old.predict(0, 2), old.predict(2, 0)], want)
})

test('bad files: each is an input error naming the file and the problem', () => {
  const { model } = smallClassifier()
  const good = JSON.parse(JSON.stringify(saveClassifier(path('good.json'), model, info))) as Record<string, unknown>
  const cases: Array<[string, string, RegExp]> = [
    ['missing.json', '', /missing\.json: no such file/],
    ['notjson.json', '{oops', /notjson\.json: not JSON/],
    ['array.json', '[]', /array\.json: not a rapport model file/],
    ['other.json', '{"format":"other"}', /other\.json: not a rapport classifier model \(format "other"/],
    ['future.json', JSON.stringify({ ...good, version: 9 }), /future\.json: model envelope version 9 is not supported/],
    ['nodate.json', JSON.stringify({ ...good, createdAt: 'yesterday' }), /nodate\.json: invalid model file: createdAt/],
    ['nopayload.json', JSON.stringify({ ...good, payload: undefined }), /nopayload\.json: invalid model file: payload/],
    ['badpayload.json', JSON.stringify({ ...good, payload: { format: 'rapport-classifier', version: 7 } }), /badpayload\.json: invalid model payload/],
  ]
  for (const [name, text, message] of cases) {
    if (text !== '') writeFileSync(path(name), text)
    assert.throws(() => loadClassifier(path(name)), (e: unknown) => e instanceof RapportError && e.code === 'validation_failed' && message.test(e.message), name)
  }
  assert.throws(() => readModelFile(path('good.json'), 'text'), /good\.json: this is a classifier model, not a text model/)
  assert.throws(() => loadTextModel(path('other.json')), /other\.json: not a rapport text model/)
})
