// Runs every *.test.ts under packages/*/src, packages/*/test, packages/web/e2e (the browser tests, against a
// fresh build of the dashboard) and bench with Node's test runner through tsx; then the dashboard's component
// tests with Vitest (packages/web/src). A bare `node --test` finds no .ts files and passes vacuously
// (design.md), so the files are listed here.
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
const roots = ['packages', 'bench']
const files = []
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
    const p = join(dir, name)
    // The dashboard's own sources are tested by Vitest (below), in a DOM environment.
    if (relative(root, p) === 'packages/web/src') continue
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
if (selected.some((f) => f.startsWith('packages/web/'))) {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-web.mjs')], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
// A test that hangs fails after 10 minutes instead of holding CI until its limit. Two files at a time: Node's
// default (available cores − 1) is one file at a time on a 2-core machine, which leaves a core idle whenever a
// file waits on PostgreSQL, a child process, a socket or a timer. RAPPORT_TEST_CONCURRENCY overrides it.
const concurrency = Number(process.env.RAPPORT_TEST_CONCURRENCY ?? 2)
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`RAPPORT_TEST_CONCURRENCY must be a whole number of at least 1, not "${process.env.RAPPORT_TEST_CONCURRENCY}"`)
  process.exit(2)
}
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=600000', `--test-concurrency=${concurrency}`, ...selected], {
  cwd: root,
  stdio: 'inherit',
})
let status = res.status ?? 1
if (filter.length === 0 || filter.some((x) => 'packages/web/src'.includes(x) || x.startsWith('packages/web/src'))) {
  const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run'], { cwd: join(root, 'packages/web'), stdio: 'inherit' })
  if (vitest.status !== 0) status = status || (vitest.status ?? 1)
}
process.exit(status)
