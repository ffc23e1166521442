import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import { readdirSync } from 'node:fs'
import { buildApp } from '../../../src/api/build-app.ts'
import { uploadSpoolDir } from '../../../src/services/jobs/upload-spool-blobs.ts'
import { storedUploadBytes } from '../../../src/services/jobs/upload-store.ts'
import type { Db } from '../../../src/store/db.ts'
import { attachApp, authHeaders, errorOf, queueOf, workspace, type ApiContext, type Client } from '../harness.ts'

const MiB = 2 ** 20

interface HttpReply {
  status: number
  body: string
}

/**
 * Streamed uploads (chunks in the database on PostgreSQL, a spool file on PGlite; nothing kept of a body
 * that fails), column mapping, and the
 * located errors of a refused import as data and as a CSV of rejects.
 */
export function jobsUploadsSuite(ctx: () => ApiContext): void {
  describe('API imports: streamed uploads, column mapping, rejects', () => {
    let db: Db
    let app: FastifyInstance
    let api: Client & { id: number }
    let other: Client & { id: number }
    /** Small chunks and limits, so that a test file spans many chunks and "too large" is cheap. */
    let small: FastifyInstance
    let port = 0
    const slug = 'uploads-a'

    before(async () => {
      db = ctx().db
      app = ctx().app
      api = await workspace(db, slug)
      other = await workspace(db, 'uploads-b')
      small = buildApp({ db, queue: queueOf(db), logger: false, uploads: { chunkBytes: 1 * MiB, maxBytes: 24 * MiB } })
      attachApp(small, db)
      await small.listen({ port: 0, host: '127.0.0.1' })
      port = (small.server.address() as AddressInfo).port
    })
    after(async () => {
      await small?.close()
    })

    /** Upload rows, their bytes wherever the backend keeps them (chunk rows or spool files), import jobs. */
    const rowsOfWorkspace = async (): Promise<{ uploads: number; bytes: number; jobs: number }> => {
      const [r] = await db.query<{ u: number; j: number }>(
        `SELECT (SELECT count(*)::int FROM uploads WHERE workspace_id = $1) AS u,
                (SELECT count(*)::int FROM jobs WHERE workspace_id = $1 AND kind = 'import') AS j`,
        [api.id],
      )
      return { uploads: r?.u ?? -1, bytes: await storedUploadBytes(db, api.id), jobs: r?.j ?? -1 }
    }
    const chunkRowsOfWorkspace = async (): Promise<number> =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM upload_chunks WHERE workspace_id = $1', [api.id]))[0]?.n ?? -1
    /** PGlite: the workspace's spool files. */
    const spoolFiles = async (): Promise<string[]> => {
      try {
        return readdirSync(await uploadSpoolDir(db)).filter((n) => n.startsWith(`${api.id}-`))
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw err
      }
    }

    async function finished(id: string): Promise<Record<string, unknown>> {
      for (let i = 0; i < 600; i++) {
        const j = (await api('GET', `/api/v1/jobs/${id}`)).body
        if (['completed', 'failed', 'cancelled'].includes(j.state)) return j
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`job ${id} did not finish`)
    }

    const upload = (entity: string, body: string, type: string, query = '') =>
      app.inject({ method: 'POST', url: `/api/v1/imports/${entity}${query}`, headers: { ...authHeaders(app, slug), 'content-type': type }, payload: body })

    const q = (mapping: unknown): string => `columns=${encodeURIComponent(JSON.stringify(mapping))}`

    /** A real HTTP upload to `small`, the body written by `send` (chunked unless it sets content-length). */
    function httpUpload(path: string, headers: Record<string, string>, send: (req: ReturnType<typeof request>) => Promise<void>): Promise<HttpReply> {
      return new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...authHeaders(small, slug), 'content-type': 'text/csv', ...headers } }, (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (d: string) => (body += d))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        })
        req.on('error', reject)
        send(req).catch(reject)
      })
    }

    async function writeAll(req: ReturnType<typeof request>, data: Buffer, piece: number): Promise<void> {
      for (let at = 0; at < data.length; at += piece) {
        if (!req.write(data.subarray(at, at + piece))) await new Promise((r) => req.once('drain', r))
      }
    }

    test('a 20 MiB CSV streamed over HTTP is stored as it arrives (1 MiB chunks on PostgreSQL; a spool file, no chunk rows, on PGlite) and imported whole; the upload is gone afterwards', async () => {
      const pad = 'x'.repeat(1000)
      const n = 21_000
      const lines = ['external_id,name,padding']
      for (let i = 0; i < n; i++) lines.push(`big${i},Name ${i},${pad}`)
      const data = Buffer.from(`${lines.join('\n')}\nbig-last,最后一位,end\n`)
      assert.ok(data.length > 20 * MiB)
      let whileArriving: { bytes: number; chunkRows: number; spool: string[] } | undefined
      const half = Math.floor(data.length / 2)
      const res = await httpUpload(`/api/v1/imports/customers?file_name=big.csv`, {}, async (req) => {
        await writeAll(req, data.subarray(0, half), 256 * 1024)
        for (let i = 0; i < 400 && (await rowsOfWorkspace()).bytes < 4 * MiB; i++) await new Promise((r) => setTimeout(r, 25))
        whileArriving = { bytes: (await rowsOfWorkspace()).bytes, chunkRows: await chunkRowsOfWorkspace(), spool: await spoolFiles() }
        await writeAll(req, data.subarray(half), 256 * 1024)
        req.end()
      })
      assert.ok(whileArriving && whileArriving.bytes >= 4 * MiB, `bytes were stored while the body arrived (${JSON.stringify(whileArriving)})`)
      if (db.kind === 'pglite') {
        assert.equal(whileArriving.chunkRows, 0, 'PGlite writes no upload_chunks rows')
        assert.equal(whileArriving.spool.length, 1)
        assert.match(whileArriving.spool[0] ?? '', /\.part$/)
      } else {
        assert.ok(whileArriving.chunkRows >= 4)
      }
      assert.equal(res.status, 202, res.body)
      const done = await finished(JSON.parse(res.body).id)
      assert.equal(done.state, 'completed', JSON.stringify(done))
      assert.equal((done.result as { inserted: number }).inserted, n + 1)
      assert.deepEqual((done.result as { ignoredColumns: string[] }).ignoredColumns, ['padding'])
      assert.equal((await api('GET', '/api/v1/customers/by-external/big-last')).body.name, '最后一位', 'the last bytes arrived in order')
      const audit = (await api('GET', '/api/v1/audit?action=upload&entity=uploads')).body.data[0]
      assert.deepEqual(audit.changes.bytes, { after: data.length })
      assert.deepEqual(audit.changes.chunks, { after: Math.ceil(data.length / MiB) })
      const left = await rowsOfWorkspace()
      assert.deepEqual([left.uploads, left.bytes], [0, 0])
      assert.deepEqual(await spoolFiles(), [], 'the spool file is gone once the job ended')
      assert.equal(await chunkRowsOfWorkspace(), 0)
    })

    test('a client that disconnects mid-upload leaves no upload, no chunks and no job', async () => {
      const before = await rowsOfWorkspace()
      let storedWhileArriving = 0
      const outcome = await new Promise<string>((resolve) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/imports/customers', headers: { ...authHeaders(small, slug), 'content-type': 'text/csv' } })
        req.on('response', () => resolve('answered'))
        req.on('error', () => resolve('cut'))
        void (async () => {
          await writeAll(req, Buffer.from(`external_id,name\n${'a1,Ann\n'.repeat(450_000)}`), 64 * 1024)
          // Wait until bytes are stored (two 1 MiB pieces), then go away without ending the body.
          for (let i = 0; i < 200 && (await rowsOfWorkspace()).bytes < 2 * MiB; i++) await new Promise((r) => setTimeout(r, 25))
          storedWhileArriving = (await rowsOfWorkspace()).bytes
          req.destroy()
        })().catch(() => resolve('cut'))
      })
      assert.equal(outcome, 'cut')
      assert.ok(storedWhileArriving >= 2 * MiB, `bytes were stored while the body arrived (${storedWhileArriving})`)
      let now = await rowsOfWorkspace()
      for (let i = 0; i < 200 && (now.uploads > 0 || now.bytes > 0); i++) {
        await new Promise((r) => setTimeout(r, 25))
        now = await rowsOfWorkspace()
      }
      assert.deepEqual(now, { uploads: 0, bytes: 0, jobs: before.jobs })
      assert.deepEqual(await spoolFiles(), [])
    })

    test('a body over the limit is 413 payload_too_large, announced (Content-Length) or streamed, and leaves no rows', async () => {
      const before = await rowsOfWorkspace()
      const announced = await httpUpload('/api/v1/imports/customers', { 'content-length': String(25 * MiB) }, async (req) => {
        req.flushHeaders()
      })
      assert.equal(announced.status, 413, announced.body)
      assert.equal(JSON.parse(announced.body).error.code, 'payload_too_large')
      // A smaller limit, so that streaming past it is cheap.
      const tiny = buildApp({ db, queue: queueOf(db), logger: false, uploads: { chunkBytes: MiB / 2, maxBytes: 3 * MiB } })
      attachApp(tiny, db)
      try {
        const pieces = Array.from({ length: 4 * 4 }, () => Buffer.alloc(MiB / 4, 0x61))
        const streamed = await tiny.inject({
          method: 'POST', url: '/api/v1/imports/customers',
          headers: { ...authHeaders(tiny, slug), 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
          payload: Readable.from(pieces),
        })
        assert.equal(streamed.statusCode, 413, streamed.body)
        assert.equal(errorOf({ status: 413, body: JSON.parse(streamed.body), text: streamed.body }).code, 'payload_too_large')
        assert.match(JSON.parse(streamed.body).error.message, /3 MiB/)
        assert.deepEqual(await rowsOfWorkspace(), before)
      } finally {
        await tiny.close()
      }
    })

    test('columns maps file columns to fields, for CSV headers and JSON Lines keys; unmapped columns keep their names', async () => {
      const csv = await upload('customers', 'ID,E-mail,Town,name\nm1,ann@example.com,Oslo,Ann\n', 'text/csv', `?${q({ ID: 'external_id', 'E-mail': 'email', Town: 'city' })}`)
      assert.equal(csv.statusCode, 202, csv.body)
      assert.equal((await finished(JSON.parse(csv.body).id)).state, 'completed')
      const m1 = (await api('GET', '/api/v1/customers/by-external/m1')).body
      assert.deepEqual([m1.email, m1.city, m1.name], ['ann@example.com', 'Oslo', 'Ann'])
      const jsonl = await upload('products', '{"Code":"mp1","Title":"Tea","price":3}\n', 'application/x-ndjson', `?${q({ Code: 'sku', Title: 'name' })}`)
      assert.equal((await finished(JSON.parse(jsonl.body).id)).state, 'completed')
      const p = (await api('GET', '/api/v1/products/by-sku/mp1')).body
      assert.deepEqual([p.name, Number(p.price)], ['Tea', 3])
    })

    test('a bad mapping is 400 validation_failed naming query.columns and the entry, before any byte is stored', async () => {
      const before = await rowsOfWorkspace()
      const cases: Array<[unknown, RegExp]> = [
        [{ Town: 'cty' }, /"Town" → "cty": customers has no field "cty"/],
        [{ 'E-mail': 'email', Mail: 'email' }, /"E-mail" and "Mail" both map to field "email"/],
        [['email'], /must be a JSON object/],
      ]
      for (const [mapping, message] of cases) {
        const res = await upload('customers', 'external_id\nx1\n', 'text/csv', `?${q(mapping)}`)
        assert.equal(res.statusCode, 400, res.body)
        const e = errorOf({ status: 400, body: JSON.parse(res.body), text: res.body })
        assert.equal(e.code, 'validation_failed')
        assert.equal(e.details?.[0]?.path, 'query.columns')
        assert.match(e.details?.[0]?.message ?? '', message)
      }
      const notJson = await upload('customers', 'external_id\nx1\n', 'text/csv', '?columns=%7Bemail')
      assert.equal(notJson.statusCode, 400)
      assert.deepEqual(await rowsOfWorkspace(), before)
    })

    test('a refused import: failed with the message, the first 1000 errors as data (file column names), every error as a rejects CSV; nothing written, upload gone', async () => {
      const bad = Array.from({ length: 1200 }, (_, i) => `rf${i},not-an-email-${i}`)
      const body = `ID,E-mail\nrf-ok,ok@example.com\n${bad.join('\n')}\n`
      const res = await upload('customers', body, 'text/csv', `?file_name=people.csv&${q({ ID: 'external_id', 'E-mail': 'email' })}`)
      const id = JSON.parse(res.body).id as string
      const done = await finished(id)
      assert.equal(done.state, 'failed')
      assert.match(String(done.error), /^1200 of 1201 rows are not valid, so nothing was written: people\.csv:3: E-mail: /)
      const result = done.result as { read: number; rejected: number; errorCount: number; committed: boolean; errors: Array<{ line: number; column: string; reason: string }> }
      assert.deepEqual([result.read, result.rejected, result.errorCount, result.committed], [1201, 1200, 1200, false])
      assert.equal(result.errors.length, 1000)
      assert.deepEqual(result.errors[0] && { line: result.errors[0].line, column: result.errors[0].column }, { line: 3, column: 'E-mail' })
      assert.equal((await api('GET', '/api/v1/customers/by-external/rf-ok')).status, 404)

      const rejects = await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}/rejects`, headers: authHeaders(app, slug) })
      assert.equal(rejects.statusCode, 200)
      assert.match(String(rejects.headers['content-type']), /^text\/csv/)
      const rows = parse(rejects.body) as string[][]
      assert.deepEqual(rows[0], ['line', 'column', 'reason'])
      assert.equal(rows.length, 1201, 'all 1200 errors, not only the 1000 of the result')
      assert.deepEqual(rows.slice(1).map((r) => r[0]), bad.map((_, i) => String(i + 3)))
      assert.ok(rows.slice(1).every((r) => r[1] === 'E-mail' && (r[2] ?? '') !== ''))
      const left = await rowsOfWorkspace()
      assert.deepEqual([left.uploads, left.bytes], [0, 0])

      assert.equal((await other('GET', `/api/v1/jobs/${id}/rejects`)).status, 404, "another workspace's job")
    })

    test('a file refused as a whole (a column named twice) fails its job with an error naming the uploaded file, not the temp file', async () => {
      const res = await upload('customers', 'external_id,name,name\ndup1,Ann,Bob\n', 'text/csv', '?file_name=dup.csv')
      assert.equal(res.statusCode, 202, res.body)
      const done = await finished(JSON.parse(res.body).id)
      assert.equal(done.state, 'failed')
      assert.equal(done.error, 'dup.csv:1: column "name" appears twice in the header (columns 2 and 3)')
      assert.deepEqual([(await rowsOfWorkspace()).uploads, (await rowsOfWorkspace()).bytes], [0, 0])
    })

    test('with skip_invalid the job completes and its rejects CSV lists the skipped rows; a job that is not an import has no rejects (404)', async () => {
      const res = await upload('customers', 'external_id,email\nsk1,ok@example.com\nsk2,nope\n', 'text/csv', '?skip_invalid=true')
      const id = JSON.parse(res.body).id as string
      const done = await finished(id)
      assert.equal(done.state, 'completed')
      assert.equal((done.result as { inserted: number }).inserted, 1)
      const rows = parse((await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}/rejects`, headers: authHeaders(app, slug) })).body) as string[][]
      assert.deepEqual(rows.map((r) => r.slice(0, 2)), [['line', 'column'], ['3', 'email']])
      const clean = await upload('customers', 'external_id\nsk3\n', 'text/csv')
      const cleanId = JSON.parse(clean.body).id as string
      await finished(cleanId)
      assert.equal((await app.inject({ method: 'GET', url: `/api/v1/jobs/${cleanId}/rejects`, headers: authHeaders(app, slug) })).body, 'line,column,reason\n')
      const statsId = await queueOf(db).enqueue('workspace.stats', {}, { workspaceId: api.id, actorLabel: 'test' })
      const notImport = await api('GET', `/api/v1/jobs/${statsId}/rejects`)
      assert.equal(notImport.status, 404)
      assert.equal(errorOf(notImport).code, 'not_found')
    })
  })
}
