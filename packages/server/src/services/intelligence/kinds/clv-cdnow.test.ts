import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { backends } from '../../../../test/backends.ts'
import { systemActor } from '../../../domain/actor.ts'
import { importFile } from '../../import/import-file.ts'
import { trainModel } from '../run-model.ts'

const FILE = '/work/shared/data/cdnow/CDNOW_sample.txt'
// Fader, Hardie & Lee (2005), table 1: BG/NBD on the CDNOW sample, weeks, calibration weeks 1–39.
const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }

/**
 * CDNOW through the platform, the steps of the README: the whitespace file (master id, sample id, YYYYMMDD,
 * CDs, dollars; no header) imported once as customers and once as orders keyed by line, then the clv kind
 * trained with the paper's calibration end.
 */
test('CDNOW imported and trained through the platform reproduces the BG/NBD parameters of FHL 2005 within 1 %', { skip: !existsSync(FILE) && `${FILE} is absent` }, async () => {
  const pglite = backends()[0]
  if (!pglite) throw new Error('no PGlite backend')
  const db = await pglite.open()
  try {
    const actor = systemActor(1, 'cli')
    const table = { sep: 'whitespace', header: false } as const
    const customers = await importFile(db, FILE, { ...table, entity: 'customers', actor, map: { c1: 'external_id' } })
    assert.equal(customers.inserted, 2357)
    const orders = await importFile(db, FILE, { ...table, entity: 'orders', actor, map: { _line: 'external_id', c1: 'customer_id', c3: 'ordered_at', c5: 'total' } })
    assert.equal(orders.inserted, 6919)
    const r = await trainModel({ db, actor }, 'clv', { calibration_end: '1997-09-30', time_unit: 'week' })
    assert.equal(r.status, 'active')
    const fitted = r.fitted as Record<string, number>
    for (const [k, v] of Object.entries(PAPER)) assert.ok(Math.abs((fitted[k] as number) / v - 1) < 0.01, `${k}: ${fitted[k]} vs the paper's ${v}`)
    assert.equal(r.training.rows.calibration_customers, 2357)
    assert.equal(r.scored?.rows, 2357)
  } finally {
    await db.close()
  }
})
