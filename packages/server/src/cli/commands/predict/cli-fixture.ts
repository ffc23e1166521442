import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = resolve(fileURLToPath(import.meta.url), '../../../../../bin/rapport.js')

/** Runs the CLI in a child process. */
export function rapport(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/**
 * A small churn-like CSV in a fresh temp dir: churn is likelier for short tenure and monthly plans; one blank
 * numeric cell; `gender` carries no signal. Deterministic (an LCG, no Math.random).
 */
export function churnFile(rows = 240): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-predict-'))
  let s = 12345
  const rnd = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
  const lines = ['id,gender,tenure,plan,charges,churn']
  for (let i = 0; i < rows; i++) {
    const tenure = Math.floor(rnd() * 60)
    const plan = rnd() < 0.5 ? 'monthly' : rnd() < 0.5 ? 'yearly' : 'two-year'
    const z = 1 - tenure / 12 + (plan === 'monthly' ? 1.5 : 0)
    const churn = rnd() < 1 / (1 + Math.exp(-z)) ? 'Yes' : 'No'
    const charges = i === 7 ? '' : (20 + rnd() * 80).toFixed(2)
    lines.push(`C${i},${rnd() < 0.5 ? 'F' : 'M'},${tenure},${plan},${charges},${churn}`)
  }
  const file = join(dir, 'churn.csv')
  writeFileSync(file, `${lines.join('\n')}\n`)
  return { dir, file }
}
