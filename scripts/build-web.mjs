// Builds the web dashboard (packages/web/dist) when its sources changed since the last build, so `npm start`
// on a fresh clone serves a working dashboard without committed build output, and a second start costs
// nothing. The stamp is a hash of every source file, the Vite config and the lock file.
import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
const web = join(root, 'packages/web')
const dist = join(web, 'dist')
const stampFile = join(dist, '.build-stamp')

function files(dir) {
  const out = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...files(p))
    else out.push(p)
  }
  return out
}

const inputs = [...files(join(web, 'src')), ...files(join(web, 'public')), join(web, 'index.html'), join(web, 'vite.config.ts'), join(web, 'package.json'), join(root, 'package-lock.json')]
const hash = createHash('sha256')
for (const f of inputs) {
  if (f.endsWith('.test.ts') || f.endsWith('.test.tsx')) continue
  hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0')
}
const stamp = hash.digest('hex')

if (!process.argv.includes('--force') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(dist, 'index.html'))) {
  process.exit(0)
}
process.stderr.write('building the web dashboard (packages/web) ...\n')
const t0 = Date.now()
const res = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' })
if (res.status !== 0) {
  process.stderr.write('the web dashboard did not build; see the errors above\n')
  process.exit(res.status ?? 1)
}
// Compressed once here rather than per request: the server sends the .br or .gz file to a browser that
// accepts it (@fastify/static's preCompressed), so the dashboard's JavaScript goes out at its gzip size.
for (const f of files(dist)) {
  if (!/\.(js|css|html|svg|json)$/.test(f)) continue
  const raw = readFileSync(f)
  writeFileSync(`${f}.gz`, gzipSync(raw, { level: 9 }))
  writeFileSync(`${f}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
}
writeFileSync(stampFile, stamp)
process.stderr.write(`web dashboard built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`)
