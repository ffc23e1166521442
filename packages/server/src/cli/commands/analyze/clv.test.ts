import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { runCli, tempFiles } from './run-cli.test-helper.ts'
import { createRng } from '@rapport/ml'

test('analyze clv --json fits BG/NBD and Gamma-Gamma and compares with the holdout', (t) => {
  // 60 customers over 2020 (purchase rates vary, customers drop out), whitespace-separated like CDNOW: id YYYYMMDD amount.
  const rng = createRng(11)
  const lines: string[] = []
  for (let c = 1; c <= 60; c++) {
    let day = rng.int(60)
    const rate = 0.02 + 0.1 * rng.next()
    // Each customer stops buying at an exponential time (mean 250 days), so there is dropout to model.
    const death = day - 250 * Math.log(1 - rng.next())
    while (day < Math.min(366, death)) {
      const d = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10).replaceAll('-', '')
      lines.push(`${c} ${d} ${(10 + 30 * rng.next()).toFixed(2)}`)
      day += 1 + Math.floor(-Math.log(1 - rng.next()) / rate)
    }
  }
  const f = tempFiles({ 'log.txt': lines.join('\n') })
  t.after(f.cleanup)
  const args = ['analyze', 'clv', '--file', f.path('log.txt'), '--sep', 'whitespace', '--no-header', '--customer-col', 'c1', '--date-col', 'c2', '--amount-col', 'c3', '--calibration-end', '2020-06-30']
  for (const model of ['bgnbd', 'paretonbd']) {
    const r = runCli([...args, '--model', model, '--json', '--out', f.path(`${model}.csv`)])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout)
    assert.equal(out.model, model)
    assert.equal(out.customers, 60)
    assert.ok(Number.isFinite(out.logLikelihood) && out.logLikelihood < 0)
    assert.ok(out.gammaGamma.params.p > 0)
    assert.ok(out.holdout.length > 26 && out.holdout.length < 27)
    assert.ok(out.holdout.actual > 0)
    // Steady buyers: the model's holdout prediction lands within 35% of what happened.
    assert.ok(Math.abs(out.holdout.predicted / out.holdout.actual - 1) < 0.35, `${model}: ${out.holdout.predicted} vs ${out.holdout.actual}`)
    const csv = readFileSync(f.path(`${model}.csv`), 'utf8').trim().split('\n')
    assert.equal(csv.length, 61)
    assert.match(csv[0] as string, /pAlive/)
  }
  assert.equal(runCli([...args.slice(0, -2), '--calibration-end', 'soon']).code, 2)
})
