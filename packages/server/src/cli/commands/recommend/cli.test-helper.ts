import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = resolve(fileURLToPath(import.meta.url), '../../../../../bin/rapport.js')

/** Runs the rapport CLI in a child process. */
export function rapport(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/** Writes files into a fresh temp dir; call cleanup when done. */
export function tempDir(files: Record<string, string>): { path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-recommend-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return { path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A small tab-separated ratings file like MovieLens u.data (no header): two taste groups, 12 users × 10 items. */
export function ratingsTsv(header = false): string {
  const lines: string[] = header ? ['user\titem\trating\tts'] : []
  for (let u = 1; u <= 12; u++) {
    for (let i = 1; i <= 10; i++) {
      if ((u * 7 + i * 3) % 5 === 0) continue
      const r = u % 2 === i % 2 ? 4 + ((u + i) % 2) : 1 + ((u * i) % 2)
      lines.push(`${u}\t${100 + i}\t${r}\t${880000000 + u * 10 + i}`)
    }
  }
  return `${lines.join('\n')}\n`
}
