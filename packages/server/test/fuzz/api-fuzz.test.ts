import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../backends.ts'
import { runApiFuzz } from './run-api-fuzz.ts'

// A fixed, small number of generated requests on every `npm test` (a fixed seed, so a failure reproduces);
// `npm run fuzz` runs thousands with a random seed.
for (const backend of backends()) {
  describe(`API fuzz on ${backend.name}`, () => {
    test('300 generated requests over every route: no 5xx, the one error shape, no change from a refused request', async () => {
      const db = await backend.open()
      try {
        const tally = await runApiFuzz(db, 300, 20261202)
        assert.equal(tally.requests, 300)
        assert.ok(Object.keys(tally.byStatus).some((s) => s.startsWith('2')), JSON.stringify(tally.byStatus))
      } finally {
        await db.close()
      }
    })
  })
}
