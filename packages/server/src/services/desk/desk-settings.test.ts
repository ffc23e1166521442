import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { systemActor, type Actor } from '../../domain/actor.ts'
import type { Db } from '../../store/db.ts'
import { setWorkspaceTimeZone } from '../workspaces/workspace-time-zone.ts'
import { getConversation, updateConversation } from './conversations-service.ts'
import { deskWorkspace, insertTicket } from './desk-fixture.ts'
import { getDeskSettings, setDeskSettings } from './desk-settings.ts'
import { inboxCounts, listInbox } from './inbox.ts'
import { triagePending } from './triage.ts'

const errorOf = (fn: () => Promise<unknown>) => fn().then(() => assert.fail('expected an error'), (e: unknown) => e as { code: string; details?: Array<{ path: string }> })

for (const backend of backends()) {
  describe(`service levels on ${backend.name}`, () => {
    let db: Db
    let ws: number
    let customer: number
    let agent: Actor
    before(async () => {
      db = await backend.open()
      const w = await deskWorkspace(db, 'sla', ['agent'])
      ws = w.ws
      customer = w.customer
      agent = w.people[0] as Actor
      await setWorkspaceTimeZone(db, systemActor(ws, 'cli'), 'Asia/Shanghai')
    })
    after(async () => db?.close())

    test('triage sets deadlines in business time of the workspace zone; a priority change moves them', async () => {
      assert.equal((await getDeskSettings(db, agent)).default, true)
      await setDeskSettings(db, systemActor(ws, 'cli'), {
        business_hours: { week: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] }, holidays: [] },
        sla: { first_response_minutes: { urgent: 30, high: 60, normal: 120, low: 240 }, resolution_minutes: { urgent: 120, high: 480, normal: 600, low: 1200 }, warn_minutes: 30 },
      })
      // Monday 2026-06-01 17:00 Shanghai (09:00 UTC): normal first response 120 business minutes → Tuesday 10:00 local.
      const id = await insertTicket(db, ws, customer, { key: 'S1', subject: 'Where is it', body: 'hello', status: 'new', openedAt: '2026-06-01T09:00:00Z' })
      await triagePending(db, ws, { ids: [id] })
      const c = await getConversation(db, agent, id)
      assert.equal(c.first_response_due_at, '2026-06-02T02:00:00.000Z')
      assert.equal(c.resolution_due_at, '2026-06-02T10:00:00.000Z', '600 min: 60 on Monday and the whole 540 of Tuesday, to 18:00 local')
      assert.equal(c.sla_state, 'breached', 'those dates are in the past')
      const urgent = await updateConversation(db, agent, id, { priority: 'urgent' })
      assert.equal(urgent.first_response_due_at, '2026-06-01T09:30:00.000Z')
      assert.deepEqual((await listInbox(db, agent, { view: 'breaching', sort: 'due', limit: 50 })).data.map((x) => x.id), [id])
      assert.equal((await inboxCounts(db, agent)).breaching, 1)
    })

    test('a conversation whose deadlines are ahead is ok; solved ones leave the breaching view', async () => {
      const id = await insertTicket(db, ws, customer, { key: 'S2', subject: 'Later', body: 'hi', status: 'new', openedAt: new Date().toISOString() })
      await setDeskSettings(db, systemActor(ws, 'cli'), {
        business_hours: { week: { sun: [['00:00', '24:00']], mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']] } },
        sla: { first_response_minutes: { urgent: 600, high: 600, normal: 600, low: 600 }, resolution_minutes: { urgent: 6000, high: 6000, normal: 6000, low: 6000 } },
      })
      const c = await getConversation(db, agent, id)
      assert.equal(c.sla_state, 'ok', JSON.stringify([c.first_response_due_at, c.resolution_due_at]))
      const [old] = (await listInbox(db, agent, { view: 'breaching', sort: 'due', limit: 50 })).data
      assert.ok(old)
      await updateConversation(db, agent, old.id, { status: 'solved' })
      assert.deepEqual((await listInbox(db, agent, { view: 'breaching', sort: 'due', limit: 50 })).data, [])
      assert.equal((await getConversation(db, agent, old.id)).sla_state, null)
    })

    test('settings are checked: a window that ends before it starts names its path; viewers cannot write', async () => {
      const bad = await errorOf(() => setDeskSettings(db, systemActor(ws, 'cli'), {
        business_hours: { week: { mon: [['18:00', '09:00']] } },
        sla: { first_response_minutes: { urgent: 1, high: 1, normal: 1, low: 1 }, resolution_minutes: { urgent: 1, high: 1, normal: 1, low: 1 } },
      }))
      assert.equal(bad.details?.[0]?.path, 'body.business_hours.week.mon.0')
      assert.equal((await errorOf(() => setDeskSettings(db, agent, { business_hours: { week: { mon: [['09:00', '10:00']] } }, sla: { first_response_minutes: { urgent: 1, high: 1, normal: 1, low: 1 }, resolution_minutes: { urgent: 1, high: 1, normal: 1, low: 1 } } }))).code, 'forbidden')
    })
  })
}
