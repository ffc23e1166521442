import assert from 'node:assert/strict'
import { test } from 'node:test'
import { detectCorpusLanguage, detectLanguage } from './language.ts'

test('language detection routes zh, en, mixed and script-less text', () => {
  const cases: Array<[string, string]> = [
    ['这家酒店的服务态度很好', 'zh'],
    ['The delivery was late again', 'en'],
    ['我的card还没到', 'zh'],
    ['I love 北京烤鸭 so much', 'mixed'],
    ['退款 refund 退款 refund please', 'mixed'],
    ['12345 !!!', 'unknown'],
  ]
  for (const [text, lang] of cases) assert.equal(detectLanguage(text).lang, lang, text)
  assert.equal(detectCorpusLanguage(['hello there', '你好', 'how are you doing today']), 'en')
})
