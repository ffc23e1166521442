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

  test('the demo desk: finished tickets solved 2 to 71 hours after opening; the help centre and saved replies once, also after a reload', async () => {
    const db = await must(pglite).open()
    try {
      await loadDemo(db, { actor: systemActor(1), customers: 150, seed: 7 })
      await loadDemo(db, { actor: systemActor(1), customers: 150, seed: 7 })
      const rows = await db.query<{ status: string; hours: number | null }>(
        `SELECT t.status, extract(epoch FROM c.solved_at - t.opened_at) / 3600 AS hours FROM tickets t JOIN conversations c ON c.workspace_id = t.workspace_id AND c.ticket_id = t.id WHERE t.workspace_id = 1`)
      const finished = rows.filter((r) => r.status === 'solved' || r.status === 'closed')
      assert.ok(finished.length > 0, `${finished.length} of ${rows.length} finished`)
      for (const r of finished) assert.ok(r.hours !== null && Number(r.hours) >= 2 && Number(r.hours) < 72, `solved after ${r.hours} h`)
      const [kb] = await db.query<{ n: string; langs: string }>(`SELECT count(*) AS n, string_agg(DISTINCT lang, ',' ORDER BY lang) AS langs FROM kb_articles WHERE workspace_id = 1 AND status = 'published'`)
      assert.deepEqual([Number(kb?.n), kb?.langs], [28, 'en,zh'])
      const [canned] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM desk_canned_responses WHERE workspace_id = 1`)
      assert.equal(Number(canned?.n), 8)
    } finally {
      await db.close()
    }
  })
})
