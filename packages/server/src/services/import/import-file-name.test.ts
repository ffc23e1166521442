import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemActor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { migrate } from '../../store/migrate.ts'
import { openPgliteDb } from '../../store/pglite-db.ts'
import { importFile } from './import-file.ts'

let db: Db
let dir: string
before(async () => {
  db = await openPgliteDb('memory://')
  await migrate(db)
  dir = mkdtempSync(join(tmpdir(), 'rapport-ifn-'))
})
after(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a file refused as a whole is named by `source` (an upload read from a temp file), parsed here or on the worker', async () => {
  const file = join(dir, 'upload.csv')
  writeFileSync(file, 'external_id,name,name\nc1,Ann,Bob\n')
  for (const parseInWorker of [false, true]) {
    await assert.rejects(importFile(db, file, { entity: 'customers', actor: systemActor(1), source: 'big.csv', parseInWorker }), {
      message: 'big.csv:1: column "name" appears twice in the header (columns 2 and 3)',
    })
  }
  // Without it, the path, as `rapport import` shows it.
  await assert.rejects(importFile(db, file, { entity: 'customers', actor: systemActor(1), parseInWorker: false }), {
    message: `${file}:1: column "name" appears twice in the header (columns 2 and 3)`,
  })
})
