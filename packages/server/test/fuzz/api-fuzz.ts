/**
 * The API's fuzz run (issue 13): RAPPORT_FUZZ_CASES generated requests (default 10,000) per backend, checked
 * by the property in api-fuzz-property.ts. Prints the tally per backend as JSON.
 *
 *   RAPPORT_FUZZ_CASES=10000 node --import tsx packages/server/test/fuzz/api-fuzz.ts
 */
import { runApiFuzz } from './run-api-fuzz.ts'
import { backends } from '../backends.ts'

const cases = Number(process.env.RAPPORT_FUZZ_CASES ?? 10_000)
const seed = Number(process.env.RAPPORT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
let failed = false
for (const backend of backends()) {
  const db = await backend.open()
  const t0 = performance.now()
  try {
    const tally = await runApiFuzz(db, cases, seed)
    console.log(JSON.stringify({ backend: backend.name, seed, seconds: Math.round((performance.now() - t0) / 1000), ...tally }))
  } catch (err) {
    failed = true
    console.error(`${backend.name} (seed ${seed}): ${(err as Error).message}`)
  } finally {
    await db.close()
  }
}
process.exitCode = failed ? 1 : 0
