import { test } from 'node:test'
import assert from 'node:assert/strict'
import { RapportError } from '../../errors/rapport-error.ts'
import { decodeCursor, encodeCursor } from './cursor.ts'

test('a cursor round-trips, NULL sort values included', () => {
  for (const c of [{ sort: 'name', value: 'Ann', id: 7 }, { sort: '-signup_at', value: null, id: 12 }, { sort: 'price', value: '12.50', id: 1 }]) {
    assert.deepEqual(decodeCursor(encodeCursor(c), c.sort), c)
  }
})

test('a cursor for another sort, or garbage, is a validation error on query.cursor', () => {
  const c = encodeCursor({ sort: 'name', value: 'Ann', id: 7 })
  for (const [text, sort] of [[c, '-name'], ['%%%', 'id'], [Buffer.from('[1,2]').toString('base64url'), 'id'], [Buffer.from('["id",null,1.5]').toString('base64url'), 'id']] as const) {
    assert.throws(() => decodeCursor(text, sort), (e: unknown) => e instanceof RapportError && e.code === 'validation_failed' && e.details?.[0]?.path === 'query.cursor')
  }
})
