import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { machineLine } from './report.ts'

const resultsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'results')

/**
 * Writes one section of bench/results/<name>.md, between `<!-- section:id -->` markers, leaving the other
 * sections as they are: several benchmark commands (each with its own reproduce line) share one results file.
 */
export function writeResultsSection(name: string, title: string, id: string, heading: string, command: string, body: string): string {
  mkdirSync(resultsDir, { recursive: true })
  const file = join(resultsDir, `${name}.md`)
  const begin = `<!-- section:${id} -->`
  const end = `<!-- /section:${id} -->`
  const section = [
    begin,
    `## ${heading}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine()}.`,
    `Reproduce with \`${command}\` from the repository root.`,
    '',
    body.trim(),
    end,
  ].join('\n')
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `# ${title}\n`
  const at = old.indexOf(begin)
  const stop = old.indexOf(end)
  const text = at >= 0 && stop > at ? `${old.slice(0, at)}${section}${old.slice(stop + end.length)}` : `${old.trimEnd()}\n\n${section}\n`
  writeFileSync(file, text)
  process.stderr.write(`wrote ${file} (section ${id})\n`)
  return file
}

/** The sections other commands wrote into bench/results/<name>.md, for a command that rewrites the rest of it. */
export function sectionsOf(name: string): string {
  const file = join(resultsDir, `${name}.md`)
  if (!existsSync(file)) return ''
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/<!-- section:([\w-]+) -->[\s\S]*?<!-- \/section:\1 -->/g)].map((m) => m[0]).join('\n\n')
}
