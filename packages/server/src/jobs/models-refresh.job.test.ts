import { test } from 'node:test'
import assert from 'node:assert/strict'
import { refreshedKinds } from '../services/intelligence/model-kinds.ts'
import { refreshOrder } from './models-refresh.job.ts'

test('a refresh trains the ticket intent model first and the other kinds in their listed order', () => {
  const all = refreshedKinds()
  const order = refreshOrder(all)
  assert.equal(order[0], 'ticket_intent')
  assert.deepEqual(order.slice(1), all.filter((k) => k !== 'ticket_intent'))
  assert.deepEqual(refreshOrder(['clv', 'churn']), ['clv', 'churn'])
})
