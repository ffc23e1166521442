/**
 * Micro-benchmark of the importer's CPU side: reads a generated CSV of order lines (the shape of
 * `npm run bench -- import`) and parses and validates every row on this thread, as the parse worker does,
 * without a database. Prints the median of `--runs` (default 3) passes: wall seconds, and CPU seconds of
 * the process (user + system), which a machine shared with other work disturbs less.
 *
 *   nice -n 10 node --import tsx packages/server/src/services/import/parse-validate.bench.ts [--rows 1000000] [--entity order_items|orders]
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { entitySchemas } from '../../domain/entities.ts'
import { openImportSource } from '../../io/import-source.ts'
import { ChunkCollector } from './valid-batch.ts'

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}
const rows = Number(arg('rows', '1000000'))
const runs = Number(arg('runs', '3'))
const entity = arg('entity', 'order_items') === 'orders' ? 'orders' : 'order_items'

async function writeLines(path: string, header: string, n: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path)
  out.write(`${header}\n`)
  for (let i = 0; i < n; i++) if (!out.write(`${line(i)}\n`)) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
}

const dir = mkdtempSync(join(tmpdir(), 'rapport-pv-'))
const file = join(dir, `${entity}.csv`)
const t0 = Date.UTC(2024, 0, 1)
if (entity === 'order_items') {
  await writeLines(file, 'order_id,sku,quantity,unit_price', rows, (i) => {
    const o = Math.floor(i / 4)
    const sku = (o * 7 + (i % 4) * 500) % 2000
    return `O${o},P${sku},${1 + (i % 3)},${(1 + (sku % 97)).toFixed(2)}`
  })
} else {
  await writeLines(file, 'external_id,customer_id,ordered_at,status,total', rows, (i) =>
    `O${i},C${i % 20000},${new Date(t0 + i * 60_000).toISOString()},completed,${(10 + (i % 200)).toFixed(2)}`,
  )
}

const times: number[] = []
const cpus: number[] = []
try {
  for (let r = 0; r < runs; r++) {
    const start = performance.now()
    const cpu0 = process.cpuUsage()
    const source = openImportSource(file, Object.keys(entitySchemas[entity].shape))
    const collector = new ChunkCollector(entity, false, 5000)
    let valid = 0
    let rejected = 0
    for await (const batch of source.rows) {
      for (const row of batch) {
        const chunk = collector.push(row)
        if (chunk) {
          valid += chunk.batch?.lines.length ?? 0
          rejected += chunk.rejects.length
        }
      }
    }
    const last = collector.finish()
    valid += last.batch?.lines.length ?? 0
    rejected += last.rejects.length
    const s = (performance.now() - start) / 1000
    const cpu = process.cpuUsage(cpu0)
    cpus.push((cpu.user + cpu.system) / 1e6)
    if (valid !== rows || rejected !== 0) throw new Error(`expected ${rows} valid rows, got ${valid} valid and ${rejected} rejected`)
    times.push(s)
    process.stderr.write(`run ${r + 1}: ${s.toFixed(3)} s, cpu ${(cpus[cpus.length - 1] ?? 0).toFixed(3)} s\n`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const wall = median(times)
console.log(
  `${entity}: ${rows} rows parsed and validated; median wall ${wall.toFixed(3)} s (${Math.round(rows / wall)} rows/s), ` +
    `median cpu ${median(cpus).toFixed(3)} s; runs (wall/cpu): ${times.map((t, i) => `${t.toFixed(2)}/${(cpus[i] ?? 0).toFixed(2)}`).join(', ')}`,
)
