import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDb } from '../../../store/open-db.ts'

const bin = resolve(fileURLToPath(import.meta.url), '../../../../../bin/rapport.js')

test('rapport segments: preview counts, create computes the members, list shows them, export writes them; a bad tree file names the JSON path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-segments-cli-'))
  const data = join(dir, 'data')
  try {
    const db = await openDb({ dataDir: data })
    await db.query(`INSERT INTO customers (workspace_id, external_id, email, city) SELECT 1, 'k' || g, 'k' || g || '@example.com', CASE WHEN g <= 3 THEN '上海' ELSE '北京' END FROM generate_series(1, 10) g`)
    await db.close()
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, RAPPORT_DATA_DIR: data } })
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
    }
    const treeFile = join(dir, 'tree.json')
    writeFileSync(treeFile, JSON.stringify({ type: 'profile', field: 'city', op: 'is', value: '上海' }))

    const preview = run(['segments', 'preview', '--file', treeFile, '--json'])
    assert.equal(preview.code, 0, preview.stderr)
    assert.equal(JSON.parse(preview.stdout).total, 3)

    const created = run(['segments', 'create', '--file', treeFile, '--name', 'Shanghai', '--json'])
    assert.equal(created.code, 0, created.stderr)
    const { segment, refresh } = JSON.parse(created.stdout) as { segment: { id: number }; refresh: { members: number } }
    assert.equal(refresh.members, 3)

    const list = run(['segments', 'list', '--json'])
    assert.deepEqual((JSON.parse(list.stdout) as { segments: Array<{ name: string; member_count: number }> }).segments.map((s) => [s.name, s.member_count]), [['Shanghai', 3]])

    const csv = join(dir, 'members.csv')
    assert.equal(run(['segments', 'export', String(segment.id), '--out', csv]).code, 0)
    const lines = readFileSync(csv, 'utf8').trim().split('\n')
    assert.equal(lines.length, 4)
    assert.ok(lines.slice(1).every((l) => l.includes('上海')))

    writeFileSync(treeFile, JSON.stringify({ type: 'all', conditions: [{ type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 0 }, op: '>=', value: 1 }] }))
    const bad = run(['segments', 'preview', '--file', treeFile])
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /tree\.json: conditions\[0\]\.window\.last_days: must be at least 1 day/)
    assert.equal(run(['segments', 'create', '--file', treeFile]).code, 1, 'a bad tree is bad input (exit 1)')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
