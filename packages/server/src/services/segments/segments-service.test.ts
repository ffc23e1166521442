import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { InProcessQueue } from '../../adapters/queue/inprocess-queue.ts'
import { systemActor, type Actor } from '../../domain/actor.ts'
import { permissionsOf } from '../../domain/permissions.ts'
import type { SegmentNode } from '../../domain/segment-tree.ts'
import type { Db } from '../../store/db.ts'
import { boundedSegmentQuery } from './compile-for-workspace.ts'
import { NOW, segmentWorld, type SegmentWorld } from './compiler/segment-fixture.ts'
import { explainMembership } from './explain-membership.ts'
import { previewSegment } from './preview-segment.ts'
import { refreshSegment } from './refresh-segment.ts'
import { segmentGrowth } from './segment-growth.ts'
import { customerSegments, listSegmentMembers } from './segment-members.ts'
import { createSegment, deleteSegment, getSegment, updateSegment } from './segments-service.ts'

const SHANGHAI_ACTIVE: SegmentNode = {
  type: 'all',
  conditions: [
    { type: 'profile', field: 'city', op: 'in', value: ['上海', 'Shanghai'] },
    { type: 'any', conditions: [
      { type: 'behaviour', source: 'orders', measure: 'count', window: { last_days: 90 }, op: '>=', value: 2 },
      { type: 'prediction', field: 'clv_band', op: 'is', value: 'high' },
    ] },
    { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' },
  ],
}

const errorOf = (fn: () => Promise<unknown>) => fn().then(() => assert.fail('expected an error'), (e: unknown) => e as { code: string; message: string; details?: Array<{ path: string; message: string }> })

for (const backend of backends()) {
  describe(`segments service on ${backend.name}`, () => {
    let db: Db
    let w: SegmentWorld
    let actor: Actor
    let queue: InProcessQueue
    const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000)
    before(async () => {
      db = await backend.open()
      w = await segmentWorld(db, 'seg-service')
      actor = systemActor(w.ws, 'cli')
      queue = new InProcessQueue(db, { concurrency: 1, pollMs: 50 })
    })
    after(async () => db?.close())

    test('preview: the total, a sample of members and each condition counted on its own', async () => {
      const p = await previewSegment(db, actor, SHANGHAI_ACTIVE, { now: NOW })
      assert.equal(p.total, 1)
      assert.deepEqual(p.sample.map((s) => s.external_id), ['A'])
      assert.deepEqual(p.conditions, [
        { path: '$.conditions[0]', count: 3 },
        { path: '$.conditions[1].conditions[0]', count: 1 },
        { path: '$.conditions[1].conditions[1]', count: 1 },
        { path: '$.conditions[2]', count: 1 },
      ])
      const rows = await db.query<{ id: number }>(p.sql, p.params)
      assert.deepEqual(rows.map((r) => Number(r.id)), [w.ids.A])
    })

    test('create, refresh, then a change of data: members enter and leave with history, and growth counts them by day', async () => {
      const seg = await createSegment(db, queue, actor, { name: 'Shanghai active', kind: 'dynamic', tree: SHANGHAI_ACTIVE })
      assert.equal(seg.member_count, null)
      assert.ok(seg.refresh_job_id, 'a refresh job is queued')
      const first = await refreshSegment(db, actor, seg.id, { now: NOW })
      assert.deepEqual({ members: first.members, added: first.added, dropped: first.dropped }, { members: 1, added: 1, dropped: 0 })
      // E (上海) gets e-mail consent and two purchases: in at the next refresh; A revokes consent: out.
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES
        ($1, 'k-e', $2, 'email', 'marketing', 'granted', $4), ($1, 'k-a', $3, 'email', 'marketing', 'revoked', $4)`, [w.ws, w.ids.E, w.ids.A, day(1).toISOString()])
      for (const n of [1, 2]) {
        await db.query(`INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, status, total) VALUES ($1, $2, $3, $4, 'completed', 10)`, [w.ws, `o-e${n}`, w.ids.E, day(1).toISOString()])
      }
      const second = await refreshSegment(db, actor, seg.id, { now: day(2) })
      assert.deepEqual({ members: second.members, added: second.added, dropped: second.dropped }, { members: 1, added: 1, dropped: 1 })
      const page = await listSegmentMembers(db, actor, seg.id, { sort: 'id', limit: 50 })
      assert.deepEqual(page.data.map((m) => m.external_id), ['E'])
      assert.equal((await getSegment(db, actor, seg.id)).member_count, 1)

      // Was A in the segment on day 1? Yes; now? No.
      const atDay1 = await customerSegments(db, actor, w.ids.A, day(1))
      assert.deepEqual(atDay1.map((s) => s.segment.name), ['Shanghai active'])
      assert.deepEqual(await customerSegments(db, actor, w.ids.A), [])

      const growth = await segmentGrowth(db, w.ws, seg.id, 5, day(2))
      const byDay = Object.fromEntries(growth.map((g) => [g.day, g]))
      assert.deepEqual(byDay['2026-06-15'], { day: '2026-06-15', added: 1, dropped: 0, size: 1 })
      assert.deepEqual(byDay['2026-06-17'], { day: '2026-06-17', added: 1, dropped: 1, size: 1 })
      assert.equal(byDay['2026-06-14']?.size, 0)

      // A refresh that fails after computing leaves the stored membership as it was.
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES ($1, 'k-e2', $2, 'email', 'marketing', 'revoked', $3)`, [w.ws, w.ids.E, day(3).toISOString()])
      const failing = <T>(fn: (tx: Db) => Promise<T>) => db.transaction(async (tx) => { await fn(tx); throw new Error('killed half-way') })
      await assert.rejects(refreshSegment(db, actor, seg.id, { now: day(4), transaction: failing }), /killed half-way/)
      assert.deepEqual((await listSegmentMembers(db, actor, seg.id, { sort: 'id', limit: 50 })).data.map((m) => m.external_id), ['E'])
      assert.equal((await getSegment(db, actor, seg.id)).member_count, 1)
    })

    test('why: a member and a non-member, each condition with the value it looked at', async () => {
      const seg = await createSegment(db, queue, actor, { name: 'why', kind: 'dynamic', tree: SHANGHAI_ACTIVE })
      await refreshSegment(db, actor, seg.id, { now: NOW })
      const a = await explainMembership(db, actor, seg.id, w.ids.A, NOW)
      assert.equal(a.matched, true)
      assert.deepEqual(a.conditions.map((c) => [c.path, c.actual, c.matched]), [
        ['$.conditions[0]', '上海', true],
        ['$.conditions[1].conditions[0]', 2, true],
        ['$.conditions[1].conditions[1]', 'high', true],
        ['$.conditions[2]', 'granted', true],
      ])
      const c = await explainMembership(db, actor, seg.id, w.ids.C, NOW)
      assert.equal(c.matched, false)
      assert.equal(c.member, false)
      assert.deepEqual(c.conditions.map((x) => [x.actual, x.matched]), [['北京', false], [0, false], ['low', false], ['unknown', false]])
      for (const x of [...a.conditions, ...c.conditions]) {
        assert.ok(x.text.en.length > 3 && x.text['zh-CN'].length > 1 && !/undefined/.test(x.text.en + x.text['zh-CN']), JSON.stringify(x.text))
      }
    })

    test('a reference to a missing segment and a cycle are refused at the JSON path of the referring condition', async () => {
      const missing = await errorOf(() => createSegment(db, queue, actor, { name: 'missing', kind: 'dynamic', tree: { type: 'all', conditions: [{ type: 'segment', op: 'in', segment_id: 999_999 }] } }))
      assert.equal(missing.code, 'validation_failed')
      assert.equal(missing.details?.[0]?.path, 'body.tree.conditions.0')
      const x = await createSegment(db, queue, actor, { name: 'x', kind: 'dynamic', tree: { type: 'profile', field: 'city', op: 'is', value: '上海' } })
      const y = await createSegment(db, queue, actor, { name: 'y', kind: 'dynamic', tree: { type: 'any', conditions: [{ type: 'segment', op: 'in', segment_id: x.id }] } })
      const cycle = await errorOf(() => updateSegment(db, queue, actor, x.id, { tree: { type: 'not', condition: { type: 'segment', op: 'in', segment_id: y.id } } }))
      assert.equal(cycle.code, 'validation_failed')
      assert.equal(cycle.details?.[0]?.path, 'body.tree.condition')
      assert.match(cycle.details?.[0]?.message ?? '', new RegExp(`${x.id} → ${y.id} → ${x.id}`))
      const inUse = await errorOf(() => deleteSegment(db, queue, actor, x.id))
      assert.equal(inUse.code, 'conflict')
      assert.match(inUse.message, /"y"/)
      await deleteSegment(db, queue, actor, y.id)
      await deleteSegment(db, queue, actor, x.id)
      assert.equal((await errorOf(() => getSegment(db, actor, x.id))).code, 'not_found')
    })

    test('a tree change is a new version; members record the version that let them in', async () => {
      const s = await createSegment(db, queue, actor, { name: 'versions', kind: 'dynamic', tree: { type: 'profile', field: 'city', op: 'is', value: '北京' } })
      await refreshSegment(db, actor, s.id, { now: NOW })
      const changed = await updateSegment(db, queue, actor, s.id, { tree: { type: 'profile', field: 'city', op: 'is', value: 'Shanghai' } })
      assert.equal(changed.version, 2)
      assert.equal((await updateSegment(db, queue, actor, s.id, { name: 'versions renamed' })).version, 2)
      await refreshSegment(db, actor, s.id, { now: day(1) })
      const rows = await db.query<{ customer_id: number; segment_version: number; exited: boolean }>(
        'SELECT customer_id, segment_version, exited_at IS NOT NULL AS exited FROM segment_members WHERE workspace_id = $1 AND segment_id = $2 ORDER BY id', [w.ws, s.id])
      assert.deepEqual(rows.map((r) => [Number(r.customer_id), Number(r.segment_version), r.exited]), [[w.ids.C, 1, true], [w.ids.B, 2, false]])
    })

    test('a viewer may preview but not create; a duplicate name is refused at body.name', async () => {
      const viewer: Actor = { ...actor, kind: 'user', id: 1, label: 'viewer@example.com', role: 'viewer', permissions: permissionsOf('viewer') }
      assert.equal((await previewSegment(db, viewer, SHANGHAI_ACTIVE, { now: NOW })).total, 1)
      assert.equal((await errorOf(() => createSegment(db, queue, viewer, { name: 'no', kind: 'dynamic', tree: SHANGHAI_ACTIVE }))).code, 'forbidden')
      await createSegment(db, queue, actor, { name: 'twice', kind: 'static', tree: SHANGHAI_ACTIVE })
      const dup = await errorOf(() => createSegment(db, queue, actor, { name: 'twice', kind: 'static', tree: SHANGHAI_ACTIVE }))
      assert.equal(dup.details?.[0]?.path, 'body.name')
    })

    if (backend.name === 'PostgreSQL') {
      test('a segment query that runs past the statement timeout is answered too_expensive', async () => {
        const e = await errorOf(() => boundedSegmentQuery(db, (tx) => tx.query('SELECT pg_sleep(2)'), { timeoutMs: 100 }))
        assert.equal(e.code, 'too_expensive')
      })
    }
  })
}
