/**
 * The importer's fuzz run (issue 13): RAPPORT_FUZZ_CASES generated files (default 10,000) per backend —
 * PGlite, and PostgreSQL when TEST_DATABASE_URL is set — checked by the property in import-fuzz-property.ts.
 * RAPPORT_FUZZ_SEED fixes the seed (default: random, printed); RAPPORT_FUZZ_BACKEND=PGlite|PostgreSQL runs
 * one backend only. Prints the tally per backend as JSON (and progress every 500 cases on stderr).
 *
 *   RAPPORT_FUZZ_CASES=10000 nice -n 10 node --import tsx packages/server/test/fuzz/import-fuzz.ts
 */
import fc from 'fast-check'
import { backends } from '../backends.ts'
import { checkCase, fuzzCase, fuzzDir, newTally, seedFuzzDb } from './import-fuzz-property.ts'

const cases = Number(process.env.RAPPORT_FUZZ_CASES ?? 10_000)
const seed = Number(process.env.RAPPORT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
let failed = false
const only = process.env.RAPPORT_FUZZ_BACKEND
for (const backend of backends().filter((b) => only === undefined || b.name === only)) {
  const db = await backend.open()
  const { dir, remove } = fuzzDir()
  const tally = newTally()
  const t0 = performance.now()
  try {
    await seedFuzzDb(db, dir)
    const check = async (c: Parameters<typeof checkCase>[2]): Promise<void> => {
      await checkCase(db, dir, c, tally)
      if (tally.cases % 500 === 0) process.stderr.write(`${backend.name}: ${JSON.stringify(tally)}\n`)
    }
    await fc.assert(fc.asyncProperty(fuzzCase, check), { numRuns: cases, seed, endOnFailure: true })
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
