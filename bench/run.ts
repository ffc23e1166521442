/**
 * `npm run bench -- <name> [...]` runs bench/<name>.ts (all benchmarks when no name is given).
 * Each benchmark reads public data from ../shared/data in place and writes bench/results/<name>.md.
 */
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort()

// Leading bare words name benchmarks; everything from the first --flag on is passed to them.
const argv = process.argv.slice(2)
const firstFlag = argv.findIndex((a) => a.startsWith('-'))
const wanted = firstFlag < 0 ? argv : argv.slice(0, firstFlag)
const names = wanted.length > 0 ? wanted : available
for (const name of names) {
  if (!available.includes(name)) {
    process.stderr.write(`unknown benchmark "${name}"; available: ${available.join(', ')}\n`)
    process.exit(2)
  }
}
for (const name of names) {
  process.stderr.write(`== bench ${name}\n`)
  const mod = (await import(join(here, `${name}.ts`))) as { run: (args: string[]) => Promise<void> }
  await mod.run(process.argv.slice(2))
}
