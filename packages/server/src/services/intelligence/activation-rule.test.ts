import { test } from 'node:test'
import assert from 'node:assert/strict'
import { decideActivation } from './activation-rule.ts'

const auc = (value: number) => ({ name: 'roc_auc', value, higherIsBetter: true })
const mae = (value: number) => ({ name: 'mae', value, higherIsBetter: false })

test('activation: the first version always; a better or slightly worse one replaces; a clearly worse one does not', () => {
  assert.equal(decideActivation(auc(0.7), undefined).activate, true)
  assert.equal(decideActivation(auc(0.81), auc(0.8)).activate, true)
  assert.equal(decideActivation(auc(0.79), auc(0.8)).activate, true, '1.25% worse is within the 2% tolerance')
  const worse = decideActivation(auc(0.75), auc(0.8))
  assert.equal(worse.activate, false)
  assert.match(worse.reason, /worse/)
})

test('activation: for an error metric lower is better', () => {
  assert.equal(decideActivation(mae(10), mae(12)).activate, true)
  assert.equal(decideActivation(mae(12.1), mae(12)).activate, true)
  assert.equal(decideActivation(mae(13), mae(12)).activate, false)
})
