import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { systemActor } from '../../domain/actor.ts'
import { migrate } from '../../store/migrate.ts'
import { openPgliteDb } from '../../store/pglite-db.ts'
import type { Db } from '../../store/db.ts'
import { importFile } from './import-file.ts'
import type { RowError } from './row-error.ts'

describe('importFile with a column mapping', () => {
  let db: Db
  let dir: string
  before(async () => {
    db = await openPgliteDb('memory://')
    await migrate(db)
    dir = mkdtempSync(join(tmpdir(), 'rapport-map-'))
  })
  after(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  for (const parseInWorker of [false, true]) {
    it(`reports errors by the file's column names, in the summary, to onReject and in the rejects file (${parseInWorker ? 'parse worker' : 'this thread'})`, async () => {
      const file = join(dir, `people-${parseInWorker}.csv`)
      const id = parseInWorker ? 'w' : 't'
      writeFileSync(file, `ID,E-mail,Town\n${id}1,ann@example.com,Oslo\n${id}2,not-an-email,Bergen\n`)
      const seen: RowError[] = []
      const summary = await importFile(db, file, {
        entity: 'customers', actor: systemActor(1), map: { ID: 'external_id', 'E-mail': 'email', Town: 'city' }, parseInWorker,
        skipInvalid: true, onReject: (_origin, errors) => seen.push(...errors),
      })
      assert.equal(summary.inserted, 1)
      assert.deepEqual(summary.errors.map((e) => [e.line, e.column]), [[3, 'E-mail']])
      assert.deepEqual(seen.map((e) => [e.line, e.column]), [[3, 'E-mail']])
      assert.match(readFileSync(summary.rejectsFile ?? '', 'utf8'), /^_line,_errors,ID,E-mail,Town\n3,E-mail: /)
      const [row] = await db.query<{ city: string }>('SELECT city FROM customers WHERE external_id = $1', [`${id}1`])
      assert.equal(row?.city, 'Oslo')
    })
  }
})
