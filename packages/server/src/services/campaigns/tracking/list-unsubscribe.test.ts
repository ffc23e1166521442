import { test } from 'node:test'
import assert from 'node:assert/strict'
import { listUnsubscribeHeaders } from './list-unsubscribe.ts'

test('an https unsubscribe URL gives List-Unsubscribe and the RFC 8058 one-click header', () => {
  assert.deepEqual(listUnsubscribeHeaders('https://r.example/u/TOKEN'), {
    'List-Unsubscribe': '<https://r.example/u/TOKEN>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  })
})

test('a mailto address is added after the https URI', () => {
  assert.equal(listUnsubscribeHeaders('https://r.example/u/T', 'unsub@r.example')['List-Unsubscribe'],
    '<https://r.example/u/T>, <mailto:unsub@r.example?subject=unsubscribe>')
})

test('a plain-http URL gets no one-click header', () => {
  assert.deepEqual(listUnsubscribeHeaders('http://localhost:3000/u/T'), { 'List-Unsubscribe': '<http://localhost:3000/u/T>' })
})

test('characters that could break the header are encoded or rejected', () => {
  assert.equal(listUnsubscribeHeaders('https://r.example/u/a b>c')['List-Unsubscribe'], '<https://r.example/u/a%20b%3Ec>')
  assert.throws(() => listUnsubscribeHeaders('javascript:alert(1)'))
  assert.throws(() => listUnsubscribeHeaders('https://r.example/u/T', 'x@y.example>, <https://evil.example'))
})
