import assert from 'node:assert/strict'
import { test } from 'node:test'
import { normalizeText } from './normalize.ts'

test('normalisation folds full-width forms, converts traditional to simplified and lower-cases', () => {
  assert.equal(normalizeText('ＡＢＣ１２３，ｏｋ！'), 'abc123,ok!')
  assert.equal(normalizeText('這家酒店的服務態度'), '这家酒店的服务态度')
  assert.equal(normalizeText('這家', { traditionalToSimplified: false }), '這家')
})
