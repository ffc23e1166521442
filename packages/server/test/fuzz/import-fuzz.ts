/**
 * The importer's fuzz run (issue 13): RAPPORT_FUZZ_CASES generated files (default 10,000) per backend —
 * PGlite, and PostgreSQL when TEST_DATABASE_URL is set — checked by the property in import-fuzz-property.ts.
 * RAPPORT_FUZZ_SEED fixes the seed (default: random, printed). Prints the tally per backend as JSON.
 *
 *   RAPPORT_FUZZ_CASES=10000 nice -n 10 node --import tsx packages/server/test/fuzz/import-fuzz.ts
 */
import fc from 'fast-check'
import { backends } from '../backends.ts'
import { checkCase, fuzzCase, fuzzDir, newTally, seedFuzzDb } from './import-fuzz-property.ts'

const cases = Number(process.env.RAPPORT_FUZZ_CASES ?? 10_000)
const seed = Number(process.env.RAPPORT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
let failed = false
for (const backend of backends()) {
  const db = await backend.open()
  const { dir, remove } = fuzzDir()
  const tally = newTally()
  const t0 = performance.now()
  try {
    await seedFuzzDb(db, dir)
    await fc.assert(fc.asyncProperty(fuzzCase, (c) => checkCase(db, dir, c, tally)), { numRuns: cases, seed, endOnFailure: true })
  } catch (err) {
    failed = true
    console.error(`${backend.name}: ${(err as Error).message}`)
  } finally {
    await db.close()
    remove()
  }
  const seconds = (performance.now() - t0) / 1000
  console.log(JSON.stringify({ backend: backend.name, seed, seconds: Math.round(seconds), ...tally }))
}
process.exitCode = failed ? 1 : 0
