// Runs every *.test.ts under packages/*/src, packages/*/test and bench with Node's test runner through tsx.
// A bare `node --test` finds no .ts files and passes vacuously (design.md), so the files are listed here.
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
const roots = ['packages', 'bench']
const files = []
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p)
    else if (name.endsWith('.test.ts')) files.push(relative(root, p))
  }
}
for (const r of roots) walk(join(root, r))
const filter = process.argv.slice(2)
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files
if (selected.length === 0) {
  console.error('no test files found')
  process.exit(1)
}
selected.sort()
// A test that hangs fails after 10 minutes instead of holding CI until its limit.
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=600000', ...selected], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(res.status ?? 1)
