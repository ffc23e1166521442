import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createChineseTokenizer } from './chinese-tokenizer.ts'
import { jiebaEngine, jiebaSegmenter } from './jieba.ts'

test('jieba segments a fixed hotel-review sentence', () => {
  const tok = createChineseTokenizer(jiebaSegmenter(), { negation: false })
  assert.deepEqual(tok.tokenize('这家酒店的服务态度不好，价格太贵了！'), ['这家', '酒店', '的', '服务态度', '不好', '价格', '太贵', '了', '!'])
  assert.ok(jiebaEngine() === 'node-rs' || jiebaEngine() === 'wasm')
})

test('Chinese negation marks the next word within the clause; punctuation ends the scope', () => {
  const spaces = (t: string): string[] => t.split(' ')
  const tok = createChineseTokenizer(spaces)
  assert.deepEqual(tok.tokenize('房间 不 干净 ， 没有 ！ 早餐 很 好吃'), ['房间', '不', '不_干净', '没有', '!', '早餐', '很', '好吃'])
})
