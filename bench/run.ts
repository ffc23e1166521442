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

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
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
