import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { backends } from '../backends.ts'
import type { Db } from '../../src/store/db.ts'
import { ENTITIES, entitySchemas } from '../../src/domain/entities.ts'
import { systemActor } from '../../src/domain/actor.ts'
import { loadDemo } from '../../src/services/demo/load-demo.ts'
import { exportEntity } from '../../src/services/export/export-entity.ts'
import { writeRecords } from '../../src/io/write-records.ts'

async function exportAll(db: Db): Promise<string> {
  let text = ''
  for (const entity of ENTITIES) {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    await writeRecords(exportEntity(db, systemActor(1), entity), Object.keys(entitySchemas[entity].shape), 'jsonl', out)
    text += `## ${entity}\n${Buffer.concat(chunks).toString('utf8')}`
  }
  return text
}

const [pglite] = backends()
const must = <T,>(v: T | undefined): T => {
  if (v === undefined) throw new Error('no PGlite backend')
  return v
}

describe('demo data through the import path', () => {
  test('same seed gives byte-identical exports in two fresh databases; reloading changes nothing', async () => {
    const a = await must(pglite).open()
    const b = await must(pglite).open()
    try {
      const sa = await loadDemo(a, { actor: systemActor(1), customers: 150, seed: 7 })
      await loadDemo(b, { actor: systemActor(1), customers: 150, seed: 7 })
      for (const s of sa) assert.ok(s.inserted > 0, `${s.entity} loaded rows`)
      const ea = await exportAll(a)
      assert.equal(ea, await exportAll(b))
      const again = await loadDemo(a, { actor: systemActor(1), customers: 150, seed: 7 })
      for (const s of again) assert.equal(s.inserted + s.updated, 0, `${s.entity} unchanged on reload`)
      await loadDemo(b, { actor: systemActor(1), customers: 150, seed: 8, reset: true })
      assert.notEqual(ea, await exportAll(b), 'another seed gives other data')
    } finally {
      await a.close()
      await b.close()
    }
  })
})
