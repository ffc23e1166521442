import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Folder of the public datasets, read in place (never copied): ../shared/data beside the checkout. */
export const sharedData = process.env.RAPPORT_SHARED_DATA ?? resolve(benchDir, '../../shared/data')

/** Path of a shared dataset file, or undefined when the data is absent (benchmarks then skip it). */
export function dataFile(...parts: string[]): string | undefined {
  const p = join(sharedData, ...parts)
  return existsSync(p) ? p : undefined
}

/** One line describing the machine, printed at the top of every results table. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
}

/** Markdown table from a header and rows. */
export function markdownTable(headers: string[], rows: Array<Array<string | number>>): string {
  const fmt = (c: string | number): string => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(4)) : c)
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(fmt).join(' | ')} |`),
  ].join('\n')
}

/** Writes bench/results/<name>.md with a standard preamble (date, machine, command). */
export function writeResults(name: string, title: string, body: string): string {
  const dir = join(benchDir, 'results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${name}.md`)
  const text = [
    `# ${title}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
    `Reproduce with \`npm run bench -- ${name}\` from the repository root.`,
    '',
    body.trim(),
    '',
  ].join('\n')
  writeFileSync(file, text)
  process.stderr.write(`wrote ${file}\n`)
  return file
}

/** Wall-clock seconds of an async or sync function. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now()
  const value = await fn()
  return { value, seconds: (performance.now() - t0) / 1000 }
}
