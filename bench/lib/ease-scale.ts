/**
 * EASE fit time on a large synthetic catalogue (issue 19, item 6), beside numpy on the same data.
 * The interactions are generated (seeded): `users` users with `perUser` distinct items each, items drawn
 * with Zipf-like popularity ∝ 1/(rank + 10), so the Gram matrix has the skew of real catalogues. Rapport's
 * `easeWeights` (Gram, sweep inverse, weights) is timed wall-clock and in process CPU seconds (all threads);
 * then bench/lib/ease_numpy.py times the same steps with numpy/scipy on the same rows, if python3 with
 * numpy and scipy is installed. The two weight matrices are compared on one entry as a sanity check.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { binarise, createRng, easeWeights, interactions, userItemMatrix } from '@rapport/ml'

export interface EaseScaleResult {
  nItems: number
  users: number
  nnz: number
  threads: number
  rapport: { wall: number; cpu: number }
  numpy?: { gram: number; inverse: number; weights: number; total: number; cpu: number; numpy: string }
  numpyNote?: string
  agree?: boolean
  load: number[]
}

export function easeAtScale(nItems = 10_000, users = 50_000, perUser = 40, lambda = 500, threads = 2): EaseScaleResult {
  const rng = createRng(19)
  // Zipf-like sampling by inverse CDF over cumulative weights.
  const cum = new Float64Array(nItems)
  let s = 0
  for (let i = 0; i < nItems; i++) cum[i] = s += 1 / (i + 10)
  const us: number[] = []
  const is: number[] = []
  for (let u = 0; u < users; u++) {
    const seen = new Set<number>()
    while (seen.size < perUser) {
      const r = rng.next() * s
      let lo = 0
      let hi = nItems - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if ((cum[mid] ?? 0) < r) lo = mid + 1
        else hi = mid
      }
      seen.add(lo)
    }
    for (const i of seen) {
      us.push(u)
      is.push(i)
    }
  }
  const data = interactions(Int32Array.from(us), Int32Array.from(is), new Float64Array(us.length).fill(1), users, nItems)
  const x = binarise(userItemMatrix(data))
  const load = loadavg()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const w = easeWeights(x, { lambda, threads })
  const wall = (performance.now() - t0) / 1000
  const c = process.cpuUsage(c0)
  const result: EaseScaleResult = { nItems, users, nnz: us.length, threads, rapport: { wall, cpu: (c.user + c.system) / 1e6 }, load }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-ease-'))
  try {
    const file = join(dir, 'rows.csv')
    writeFileSync(file, us.map((u, k) => `${u},${is[k]}`).join('\n'))
    const script = join(dirname(fileURLToPath(import.meta.url)), 'ease_numpy.py')
    const py = spawnSync('python3', [script, file, String(nItems), String(lambda)], { encoding: 'utf8', maxBuffer: 1 << 20 })
    if (py.status === 0) {
      const j = JSON.parse(py.stdout.trim().split('\n').pop() ?? '{}') as NonNullable<EaseScaleResult['numpy']> & { b00: number }
      result.numpy = j
      result.agree = Math.abs(j.b00 - (w[1] ?? Number.NaN)) <= 1e-9 * Math.max(1, Math.abs(j.b00))
    } else {
      result.numpyNote = `python3 with numpy/scipy not usable here: ${(py.stderr || py.error?.message || '').trim().split('\n').pop()}`
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return result
}
