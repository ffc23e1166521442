import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import type { Db } from '../../store/db.ts'
import { backends } from '../../../test/backends.ts'
import { checkCase, fuzzCase, fuzzDir, newTally, seedFuzzDb } from '../../../test/fuzz/import-fuzz-property.ts'

// A fixed, small number of generated hostile files per backend (the long run: test/fuzz/import-fuzz.ts).
const CASES = 60

for (const backend of backends()) {
  describe(`import fuzz on ${backend.name}`, () => {
    let db: Db
    const scratch = fuzzDir()
    before(async () => {
      db = await backend.open()
      await seedFuzzDb(db, scratch.dir)
    })
    after(async () => {
      await db.close()
      scratch.remove()
    })

    test(`${CASES} generated files: only located RapportErrors, exactly the hostile rows rejected, refused imports write nothing`, async () => {
      const tally = newTally()
      await fc.assert(fc.asyncProperty(fuzzCase, (c) => checkCase(db, scratch.dir, c, tally)), { numRuns: CASES, seed: 13 })
    })
  })
}
