import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { closedPort } from '../../../test/closed-port.ts'
import { backends } from '../../../test/backends.ts'
import { httpSmsGateway } from '../../adapters/sms/sms-gateway.ts'
import { startTestSmsGateway } from '../../adapters/sms/test-sms-gateway.ts'
import { smtpMailer } from '../../adapters/mailer/smtp-mailer.ts'
import { startSmtpRecorder, type SmtpRecorder } from '../../adapters/mailer/smtp-recorder.ts'
import type { Db } from '../../store/db.ts'
import { campaignDelivery, workspaceIdentity } from './campaign-delivery.ts'
import { campaignWorld, simpleCampaign, type CampaignWorld } from './campaign-fixture.ts'
import { loadCampaign } from './campaign-row.ts'
import { runCampaignSender } from './campaign-sender.ts'
import { createCampaign, getCampaign, resendUncertain, resumeCampaign, startCampaign } from './campaigns-service.ts'
import type { Channels } from './channels.ts'
import { pickCampaignWinner } from './pick-winner.ts'
import { claimRecipients, heartbeat, markOrphansUncertain, settleAndClaim } from './send-ledger.ts'

const PUBLIC = 'http://rapport.test'
const opened: Channels[] = []
const channelsTo = (port: number, timeoutMs = 5000): Channels => {
  const ch: Channels = { email: { mailer: smtpMailer({ servers: [{ host: '127.0.0.1', port }], maxConnections: 5, timeoutMs }), label: 'recorder' }, sms: null, publicUrl: PUBLIC }
  opened.push(ch)
  return ch
}


async function send(db: Db, w: CampaignWorld, id: number, ch: Channels, opts: Parameters<typeof runCampaignSender>[4] = {}) {
  const c = await loadCampaign(db, w.ws, id)
  return runCampaignSender(db, w.ws, id, campaignDelivery(db, c, ch, await workspaceIdentity(db, w.ws)), { retryBaseMs: 20, ...opts })
}

const states = async (db: Db, ws: number, id: number) => Object.fromEntries((await db.query<{ state: string; n: string }>(
  `SELECT state, count(*) AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 GROUP BY state`, [ws, id])).map((r) => [r.state, Number(r.n)]))

for (const backend of backends()) {
  describe(`campaign sender on ${backend.name}`, () => {
    let db: Db
    let smtp: SmtpRecorder
    before(async () => {
      db = await backend.open()
      smtp = await startSmtpRecorder()
    })
    after(async () => {
      for (const ch of opened.splice(0)) await ch.email?.mailer.close()
      await smtp.close()
      await db.close()
    })

    test('every treated recipient gets one personalised message with tracking, List-Unsubscribe and a stable Message-ID; the holdout gets none', async () => {
      const w = await campaignWorld(db, 'send', 120)
      const ch = channelsTo(smtp.port)
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'all' }))
      const started = await startCampaign(db, null, ch, w.actor, c.id)
      smtp.messages.length = 0
      assert.equal(await send(db, w, c.id, ch), 'done')
      const treated = started.plan?.treated ?? 0
      const got = smtp.messages.filter((m) => m.headers['x-rapport-campaign'] === String(c.id))
      assert.equal(got.length, treated)
      assert.equal(new Set(got.map((m) => m.to[0])).size, treated, 'nobody twice')
      const holdout = await db.query<{ address: string }>(`SELECT address FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND grp = 'holdout'`, [w.ws, c.id])
      const sentTo = new Set(got.map((m) => m.to[0]))
      assert.ok(holdout.length > 0 && holdout.every((h) => !sentTo.has(h.address)), 'no holdout member was sent')
      const [row] = await db.query<{ id: string; message_id: string; customer_id: string }>(`SELECT id, message_id, customer_id FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'sent' ORDER BY id LIMIT 1`, [w.ws, c.id])
      const m = got.find((x) => x.messageId === row?.message_id)
      assert.ok(m, 'the ledger row names the Message-ID the server received')
      assert.equal(row?.message_id, `<rapport.w${w.ws}.c${c.id}.r${row?.id}@rapport.invalid>`)
      assert.match(m.headers['list-unsubscribe'] ?? '', new RegExp(`^<${PUBLIC}/t/u/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>$`))
      assert.match(m.html ?? '', new RegExp(`href="${PUBLIC}/t/c/`), 'the sale link goes through the click redirect')
      assert.ok(!(m.html ?? '').includes('https://shop.example/sale'), 'no untracked copy of the link')
      assert.match(m.html ?? '', new RegExp(`<img src="${PUBLIC}/t/o/`))
      const zh = got.filter((x) => x.subject?.startsWith('您好'))
      assert.ok(zh.length > 20 && zh.length < got.length, `${zh.length} Chinese subjects of ${got.length}`)
      const view = await getCampaign(db, w.actor, c.id)
      assert.equal(view.status, 'done')
      assert.equal(view.progress?.sent, treated)
    })

    test('a temporary refusal is retried after a backoff and sent; a permanent one is marked failed', async () => {
      const w = await campaignWorld(db, 'retry', 30)
      const ch = channelsTo(smtp.port)
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'retry', holdout_pct: 0, settings: { concurrency: 1, error_pause_rate: 1 } }))
      await startCampaign(db, null, ch, w.actor, c.id)
      smtp.refuseNext(2, 451)
      assert.equal(await send(db, w, c.id, ch), 'done')
      assert.deepEqual(await states(db, w.ws, c.id), { sent: 30 })
      const [r] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND attempts = 2`, [w.ws, c.id])
      assert.equal(Number(r?.n), 2, 'the two refused messages took a second attempt')
      const p = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'permanent', holdout_pct: 0, settings: { concurrency: 1, error_pause_rate: 1 } }))
      await startCampaign(db, null, ch, w.actor, p.id)
      smtp.refuseNext(3, 550)
      assert.equal(await send(db, w, p.id, ch), 'done')
      assert.deepEqual(await states(db, w.ws, p.id), { sent: 27, failed: 3 })
    })

    test('the SMTP server going down pauses the campaign with the reason and loses nobody; resuming sends the rest', async () => {
      const w = await campaignWorld(db, 'down', 60)
      const down = channelsTo(await closedPort(), 1000)
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'down', holdout_pct: 0, settings: { concurrency: 10, max_attempts: 3 } }))
      await startCampaign(db, null, channelsTo(smtp.port), w.actor, c.id)
      assert.equal(await send(db, w, c.id, down), 'paused')
      const paused = await getCampaign(db, w.actor, c.id)
      assert.equal(paused.status, 'paused')
      assert.match(paused.pause_reason ?? '', /paused automatically: \d+ of the last \d+ attempts failed \(last error: .*ECONNREFUSED|connect/i)
      assert.equal((paused.progress?.planned ?? 0) + (paused.progress?.sent ?? 0), 60, 'every recipient is still planned (none failed or lost)')
      const up = channelsTo(smtp.port)
      await resumeCampaign(db, null, up, w.actor, c.id)
      assert.equal(await send(db, w, c.id, up), 'done')
      assert.deepEqual(await states(db, w.ws, c.id), { sent: 60 })
    })

    test('rows a dead sender left in flight become uncertain (at most its concurrency), are not resent, and go out again only on "resend uncertain"', async () => {
      const w = await campaignWorld(db, 'dead', 50)
      const ch = channelsTo(smtp.port)
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'dead', holdout_pct: 0, settings: { concurrency: 7 } }))
      await startCampaign(db, null, ch, w.actor, c.id)
      // A sender that claimed a batch and died before recording anything (its heartbeat stops).
      await heartbeat(db, w.ws, 'ghost', c.id)
      const claimed = await claimRecipients(db, w.ws, c.id, 'ghost', 7)
      assert.equal(claimed.length, 7)
      await db.query(`UPDATE campaign_senders SET heartbeat_at = now() - interval '1 hour' WHERE workspace_id = $1 AND sender_id = 'ghost'`, [w.ws])
      smtp.messages.length = 0
      assert.equal(await send(db, w, c.id, ch, { leaseSeconds: 30 }), 'done')
      assert.deepEqual(await states(db, w.ws, c.id), { sent: 43, uncertain: 7 })
      const ghostAddresses = new Set(claimed.map((r) => r.address))
      assert.ok(smtp.messages.every((m) => !ghostAddresses.has(m.to[0] ?? '')), 'no uncertain row was sent')
      assert.equal((await getCampaign(db, w.actor, c.id)).status, 'done')
      const again = await resendUncertain(db, null, w.actor, c.id)
      assert.equal(again.requeued, 7)
      assert.equal(again.campaign.status, 'sending')
      assert.equal(await send(db, w, c.id, ch), 'done')
      assert.deepEqual(await states(db, w.ws, c.id), { sent: 50 })
      assert.equal(await markOrphansUncertain(db, w.ws, c.id, { leaseSeconds: 30 }), 0)
    })

    test('an SMS campaign texts each treated customer through the gateway inside the sending hours, and waits outside them', async () => {
      const w = await campaignWorld(db, 'sms', 20)
      await db.query(`UPDATE customers SET phone = '+44 7700 9000' || lpad(id::text, 2, '0') WHERE workspace_id = $1`, [w.ws])
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) SELECT $1, 'sms' || id, id, 'sms', 'marketing', 'granted', now() - interval '1 day' FROM unnest($2::bigint[]) id`, [w.ws, w.customers])
      const gateway = await startTestSmsGateway()
      try {
        const sms: Channels = { email: null, sms: { gateway: httpSmsGateway({ url: gateway.url }), label: gateway.url }, publicUrl: PUBLIC }
        const c = await createCampaign(db, w.actor, { ...simpleCampaign(w.segment, { name: 'sms', holdout_pct: 0 }), channel: 'sms', from_address: undefined,
          variants: [{ name: 'A', weight: 1, template: { en: { text: 'Sale today. Reply STOP to opt out.' }, zh: { text: '今日促销。回复退订 TD' } } }] })
        await startCampaign(db, null, sms, w.actor, c.id)
        const row = await loadCampaign(db, w.ws, c.id)
        const ident = await workspaceIdentity(db, w.ws)
        // 03:00 in the workspace's zone (UTC) is outside 9–21: nothing is sent, the sender says when to come back.
        const night = campaignDelivery(db, row, sms, ident)
        assert.deepEqual(night.holdUntil?.(new Date('2026-12-03T03:00:00Z')), new Date('2026-12-03T09:00:00Z'))
        let until: Date | null = null
        const held = await runCampaignSender(db, w.ws, c.id, { ...night, holdUntil: () => new Date('2026-12-03T09:00:00Z') }, { onDeferred: (d) => { until = d } })
        assert.equal(held, 'deferred')
        assert.deepEqual(until, new Date('2026-12-03T09:00:00Z'))
        assert.equal(gateway.received.length, 0)
        assert.equal(await runCampaignSender(db, w.ws, c.id, { ...night, holdUntil: () => null }), 'done')
        assert.equal(gateway.received.length, 20)
        assert.equal(new Set(gateway.received.map((r) => r.reference)).size, 20)
        assert.ok(gateway.received.some((r) => r.text.startsWith('今日促销')))
      } finally {
        await gateway.close()
      }
    })

    test('test, then send the winner: the sample gets the variants, the rest is held, then gets the variant with more clicks', async () => {
      const w = await campaignWorld(db, 'winner', 300)
      const ch = channelsTo(smtp.port)
      const base = simpleCampaign(w.segment, { name: 'winner', holdout_pct: 0, settings: { winner_test: { sample_pct: 40, wait_hours: 0, metric: 'clicks' } } })
      const v = base.variants[0] as (typeof base.variants)[number]
      const c = await createCampaign(db, w.actor, { ...base, variants: [{ ...v, name: 'A' }, { ...v, name: 'B' }] })
      const started = await startCampaign(db, null, ch, w.actor, c.id)
      const plan = started.plan
      assert.ok(plan && plan.held > 130 && plan.held < 230, `held ${plan?.held} of 300 with a 40 % sample`)
      assert.equal((plan.variants.A ?? 0) + (plan.variants.B ?? 0) + plan.held, 300)
      assert.equal(await send(db, w, c.id, ch), 'waiting_for_winner')
      assert.equal((await getCampaign(db, w.actor, c.id)).status, 'sending')
      // B's recipients click three times as often.
      await db.query(`UPDATE campaign_recipients SET clicked_at = now() WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'sent'
                        AND ((variant = 'B' AND id % 3 <> 0) OR (variant = 'A' AND id % 4 = 0))`, [w.ws, c.id])
      const win = await pickCampaignWinner(db, w.ws, c.id)
      assert.equal(win.winner, 'B')
      assert.ok(win.significant && (win.p_value ?? 1) < 0.05, `p = ${win.p_value}`)
      assert.deepEqual(await pickCampaignWinner(db, w.ws, c.id), win, 'picking again changes nothing')
      assert.equal(await send(db, w, c.id, ch), 'done')
      const rows = await db.query<{ variant: string; n: string }>(`SELECT variant, count(*) AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'sent' GROUP BY variant`, [w.ws, c.id])
      const byVariant = Object.fromEntries(rows.map((r) => [r.variant, Number(r.n)]))
      assert.equal(byVariant.A, plan.variants.A)
      assert.equal(byVariant.B, (plan.variants.B ?? 0) + plan.held)
      assert.equal((await getCampaign(db, w.actor, c.id)).winner?.winner, 'B')
    })

    test('one statement per turn of the window records and claims, the merge data is read ahead, and sending rows never exceed the concurrency', async () => {
      const w = await campaignWorld(db, 'turns', 400)
      const ch = channelsTo(smtp.port)
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'turns', holdout_pct: 0, settings: { concurrency: 8 } }))
      await startCampaign(db, null, ch, w.actor, c.id)
      let settles = 0
      let merges = 0
      let maxSending = 0
      const counting: Db = {
        ...db, kind: db.kind,
        async query(sql, params) {
          if (sql.includes('FROM customers c')) merges++
          const rows = await db.query(sql, params)
          if (sql.includes('WITH recorded AS')) {
            settles++
            const [n] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND state = 'sending'`, [w.ws, c.id])
            maxSending = Math.max(maxSending, Number(n?.n))
          }
          return rows as never
        },
      }
      assert.equal(await send(counting, w, c.id, ch), 'done')
      assert.deepEqual(await states(db, w.ws, c.id), { sent: 400 })
      assert.ok(maxSending > 0 && maxSending <= 8, `${maxSending} rows sending at once with a concurrency of 8`)
      // One merge query per 200 rows read ahead (a few more when a claim outruns the read-ahead), and answers
      // recorded by the statements that claim: fewer ledger statements than messages (it was a claim per batch
      // and a record per batch).
      assert.ok(merges <= 6, `${merges} merge-data queries for 400 messages`)
      assert.ok(settles < 400, `${settles} ledger statements for 400 messages`)
    })

    test('a claim after a cursor takes the rows after it first, then the planned rows behind it (none skipped)', async () => {
      const w = await campaignWorld(db, 'cursor', 20)
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'cursor', holdout_pct: 0 }))
      await startCampaign(db, null, channelsTo(smtp.port), w.actor, c.id)
      const ids = (await db.query<{ id: string }>(`SELECT id FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 ORDER BY id`, [w.ws, c.id])).map((r) => Number(r.id))
      assert.equal(ids.length, 20)
      const at = (i: number) => ids[i] as number
      // After the 15th row: the 5 after it, then 3 from the start.
      const first = await settleAndClaim(db, w.ws, c.id, 's', [], 8, at(14))
      assert.deepEqual(first.map((r) => r.id), [...ids.slice(0, 3), ...ids.slice(15)])
      // After every row: only rows behind are left.
      const second = await settleAndClaim(db, w.ws, c.id, 's', [], 4, at(19) + 1000)
      assert.deepEqual(second.map((r) => r.id), ids.slice(3, 7))
      // A row put back to planned (a retry, due) behind the cursor is claimed again; one not due yet is not.
      const retry = (id: number, ms: number) => ({ id, outcome: 'retry' as const, error: 'greylisted', retryAt: new Date(Date.now() + ms) })
      assert.deepEqual(await settleAndClaim(db, w.ws, c.id, 's', [retry(at(0), -60_000), retry(at(1), 600_000)], 0, at(19)), [])
      const third = await settleAndClaim(db, w.ws, c.id, 's', [], 20, at(19))
      assert.deepEqual(third.map((r) => r.id), [at(0), ...ids.slice(7, 15)])
      assert.equal(third[0]?.attempts, 2)
      assert.deepEqual(await states(db, w.ws, c.id), { sending: 19, planned: 1 })
    })

    test('rows put back to planned behind the sender\'s cursor while it runs are still sent, each exactly once', async () => {
      const w = await campaignWorld(db, 'behind', 60)
      const ch = channelsTo(smtp.port)
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'behind', holdout_pct: 0, settings: { concurrency: 4 } }))
      await startCampaign(db, null, ch, w.actor, c.id)
      // The first three rows are not claimable when the sender starts, and become planned once it is well past them.
      const early = (await db.query<{ id: string }>(`SELECT id FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 ORDER BY id LIMIT 3`, [w.ws, c.id])).map((r) => Number(r.id))
      await db.query(`UPDATE campaign_recipients SET state = 'held' WHERE workspace_id = $1 AND id = ANY($2::bigint[])`, [w.ws, early])
      smtp.messages.length = 0
      const row = await loadCampaign(db, w.ws, c.id)
      const inner = campaignDelivery(db, row, ch, await workspaceIdentity(db, w.ws))
      let sends = 0
      const delivery = {
        async prepare(batch: Parameters<typeof inner.prepare>[0]) {
          const send = await inner.prepare(batch)
          return async (r: Parameters<Awaited<ReturnType<typeof inner.prepare>>>[0], messageId: string) => {
            if (++sends === 20) await db.query(`UPDATE campaign_recipients SET state = 'planned' WHERE workspace_id = $1 AND id = ANY($2::bigint[])`, [w.ws, early])
            return send(r, messageId)
          }
        },
      }
      assert.equal(await runCampaignSender(db, w.ws, c.id, delivery, { retryBaseMs: 20 }), 'done')
      const got = smtp.messages.filter((m) => m.headers['x-rapport-campaign'] === String(c.id))
      assert.equal(got.length, 60)
      assert.equal(new Set(got.map((m) => m.messageId)).size, 60, 'nobody twice')
      for (const id of early) assert.ok(got.some((m) => m.headers['x-rapport-recipient'] === String(id)), `row ${id} was sent`)
      assert.deepEqual(await states(db, w.ws, c.id), { sent: 60 })
    })

    test('two senders working one campaign at once never send anyone twice', async () => {
      const w = await campaignWorld(db, 'two', 300)
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'two', holdout_pct: 0, settings: { concurrency: 5 } }))
      const a = channelsTo(smtp.port)
      const b = channelsTo(smtp.port)
      await startCampaign(db, null, a, w.actor, c.id)
      smtp.messages.length = 0
      // On PGlite both share one connection (the embedded database serialises them); on PostgreSQL each claim races the other's.
      const [ra, rb] = await Promise.all([send(db, w, c.id, a, { senderId: 'a' }), send(db, w, c.id, b, { senderId: 'b' })])
      assert.deepEqual([ra, rb], ['done', 'done'])
      const got = smtp.messages.filter((m) => m.headers['x-rapport-campaign'] === String(c.id))
      assert.equal(got.length, 300)
      assert.equal(new Set(got.map((m) => m.messageId)).size, 300)
      assert.deepEqual(await states(db, w.ws, c.id), { sent: 300 })
    })
  })
}
