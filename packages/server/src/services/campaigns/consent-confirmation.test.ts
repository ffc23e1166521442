import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import { smtpMailer } from '../../adapters/mailer/smtp-mailer.ts'
import { startSmtpRecorder, type SmtpRecorder } from '../../adapters/mailer/smtp-recorder.ts'
import { consentInput } from '../../domain/entities.ts'
import type { Db } from '../../store/db.ts'
import { campaignWorld, simpleCampaign, type CampaignWorld } from './campaign-fixture.ts'
import { updateCampaignSettings } from './campaign-settings-service.ts'
import { createCampaign, estimateAudience } from './campaigns-service.ts'
import type { Channels } from './channels.ts'
import { confirmationStatus, confirmationTarget, confirmByLink, confirmBySmsReply, isConfirmReply, sendConsentConfirmations } from './consent-confirmation.ts'
import { signToken } from './tracking/tracking-token.ts'

const PUBLIC = 'http://rapport.test'
const errorOf = (p: Promise<unknown>) => p.then(() => assert.fail('expected an error'), (e: unknown) => e as { code: string; message: string })
const linkIn = (text: string | undefined): string => {
  const m = /http:\/\/rapport\.test\/t\/k\/([A-Za-z0-9_.-]+)/.exec(text ?? '')
  assert.ok(m, `no confirmation link in: ${text}`)
  return m[1] as string
}

for (const backend of backends()) {
  describe(`double opt-in on ${backend.name}`, () => {
    let db: Db
    let smtp: SmtpRecorder
    let ch: Channels
    before(async () => {
      db = await backend.open()
      smtp = await startSmtpRecorder()
      ch = { email: { mailer: smtpMailer({ servers: [{ host: '127.0.0.1', port: smtp.port }], maxConnections: 2 }), label: 'recorder' }, sms: null, publicUrl: PUBLIC }
    })
    after(async () => {
      await ch.email?.mailer.close()
      await smtp.close()
      await db.close()
    })

    const audience = async (w: CampaignWorld, name: string) => estimateAudience(db, w.actor, (await createCampaign(db, w.actor, simpleCampaign(w.segment, { name, holdout_pct: 0 }))).id)

    test('with double opt-in on, unconfirmed grants are excluded as unconfirmed_consent; off, they are sent', async () => {
      const w = await campaignWorld(db, 'doi-plan', 12)
      const off = await audience(w, 'off')
      assert.equal(off.treated, 12)
      assert.equal(off.excluded.unconfirmed_consent, 0)
      await updateCampaignSettings(db, w.actor, { double_opt_in: { email: true } })
      const on = await audience(w, 'on')
      assert.equal(on.treated, 0)
      assert.equal(on.excluded.unconfirmed_consent, 12)
      // SMS is a separate switch, left off.
      const s = await confirmationStatus(db, w.actor, 'sms', 'marketing')
      assert.equal(s.required, false)
    })

    test('confirmation e-mails go to every unconfirmed customer in their language, once a week at most; the link confirms and the customer becomes sendable', async () => {
      const w = await campaignWorld(db, 'doi-send', 9)
      await updateCampaignSettings(db, w.actor, { double_opt_in: { email: true } })
      smtp.messages.length = 0
      const first = await sendConsentConfirmations(db, w.ws, { channel: 'email', purpose: 'marketing', channels: ch })
      assert.deepEqual(first, { asked: 9, failed: 0, skipped_recent: 0, last_error: null })
      const mine = smtp.messages.filter((m) => m.to[0]?.endsWith('@doi-send.example'))
      assert.equal(mine.length, 9)
      assert.equal(new Set(mine.map((m) => m.to[0])).size, 9, 'nobody twice')
      // campaignWorld makes every third customer Chinese-speaking (country CN).
      const c3 = mine.find((m) => m.to[0] === 'c3@doi-send.example')
      const c1 = mine.find((m) => m.to[0] === 'c1@doi-send.example')
      assert.match(c3?.subject ?? '', /请确认订阅/)
      assert.match(c1?.subject ?? '', /Please confirm/)
      assert.equal(c1?.headers['x-rapport-workspace'], String(w.ws), 'the catcher files it under the workspace (the Outbox shows it)')

      const again = await sendConsentConfirmations(db, w.ws, { channel: 'email', purpose: 'marketing', channels: ch })
      assert.deepEqual(again, { asked: 0, failed: 0, skipped_recent: 9, last_error: null })

      const token = linkIn(c1?.text)
      const before = await confirmationTarget(db, token)
      assert.equal(before.state, 'ask', 'opening the page records nothing')
      assert.equal((await confirmationStatus(db, w.actor, 'email', 'marketing')).confirmed, 0)
      const done = await confirmByLink(db, token)
      assert.equal(done.state, 'done')
      await confirmByLink(db, token)
      const rows = await db.query<{ status: string; source: string; confirmed: boolean }>(
        `SELECT status, source, confirmed_at IS NOT NULL AS confirmed FROM consents WHERE workspace_id = $1 AND customer_id = $2 ORDER BY id`, [w.ws, w.customers[0]])
      assert.deepEqual(rows.map((r) => [r.status, r.confirmed, r.source]), [['granted', false, null], ['granted', true, 'double opt-in (link)']], 'one confirmed row, however often the button is pressed')
      const st = await confirmationStatus(db, w.actor, 'email', 'marketing')
      assert.deepEqual([st.confirmed, st.unconfirmed, st.requested_recently], [1, 8, 8])
      const a = await audience(w, 'after one confirmed')
      assert.deepEqual([a.treated, a.excluded.unconfirmed_consent], [1, 8])
    })

    test('a revocation undoes a confirmation; a later re-grant needs confirming again', async () => {
      const w = await campaignWorld(db, 'doi-revoke', 1)
      await updateCampaignSettings(db, w.actor, { double_opt_in: { email: true } })
      const cu = w.customers[0] as number
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at, confirmed_at) VALUES ($1, 'imported-confirmed', $2, 'email', 'marketing', 'granted', now() - interval '20 days', now() - interval '20 days')`, [w.ws, cu])
      assert.equal((await audience(w, 'confirmed by import')).treated, 1)
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES ($1, 'rev', $2, 'email', 'marketing', 'revoked', now() - interval '10 days')`, [w.ws, cu])
      // The fixture's segment is "e-mail consent granted": a revoked customer is not even in the audience.
      const revoked = await audience(w, 'revoked')
      assert.deepEqual([revoked.audience, revoked.treated], [0, 0])
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES ($1, 'regrant', $2, 'email', 'marketing', 'granted', now() - interval '5 days')`, [w.ws, cu])
      assert.equal((await audience(w, 're-granted')).excluded.unconfirmed_consent, 1)
    })

    test('a confirmation link for a customer who revoked since records nothing', async () => {
      const w = await campaignWorld(db, 'doi-late', 1)
      smtp.messages.length = 0
      await sendConsentConfirmations(db, w.ws, { channel: 'email', purpose: 'marketing', channels: ch })
      const token = linkIn(smtp.messages.find((m) => m.to[0] === 'c1@doi-late.example')?.text)
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES ($1, 'rev', $2, 'email', 'marketing', 'revoked', now())`, [w.ws, w.customers[0]])
      assert.equal((await confirmByLink(db, token)).state, 'withdrawn')
      const [n] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM consents WHERE workspace_id = $1 AND confirmed_at IS NOT NULL`, [w.ws])
      assert.equal(Number(n?.n), 0)
    })

    test('an edited confirmation token, or a tracking token passed off as one, is rejected as invalid', async () => {
      const w = await campaignWorld(db, 'doi-forge', 1)
      smtp.messages.length = 0
      await sendConsentConfirmations(db, w.ws, { channel: 'email', purpose: 'marketing', channels: ch })
      const token = linkIn(smtp.messages.find((m) => m.to[0] === 'c1@doi-forge.example')?.text)
      const [body, sig] = token.split('.') as [string, string]
      const edited = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>
      edited.cu = Number(edited.cu) + 1
      const forged = `${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${sig}`
      assert.equal((await errorOf(confirmByLink(db, forged))).code, 'validation_failed')
      const [ws] = await db.query<{ tracking_secret: string }>('SELECT tracking_secret FROM workspaces WHERE id = $1', [w.ws])
      const unsub = signToken(ws?.tracking_secret ?? '', { k: 'unsub', w: w.ws, c: 1, r: 1 })
      assert.equal((await errorOf(confirmByLink(db, unsub))).code, 'validation_failed')
    })

    test('an SMS "YES" / "是" reply confirms the pending SMS request of that number only', async () => {
      const w = await campaignWorld(db, 'doi-sms', 2)
      const [a, b] = w.customers as [number, number]
      await db.query(`UPDATE customers SET phone = '+44 7700 900' || id WHERE workspace_id = $1`, [w.ws])
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) SELECT $1, 'sms' || id, id, 'sms', 'marketing', 'granted', now() - interval '3 days' FROM unnest($2::bigint[]) id`, [w.ws, [a, b]])
      await db.query(`INSERT INTO consent_confirmations (workspace_id, customer_id, channel, purpose, address, requested_at) SELECT $1, id, 'sms', 'marketing', phone, now() - interval '1 day' FROM customers WHERE workspace_id = $1`, [w.ws])
      assert.ok(isConfirmReply(' YES ') && isConfirmReply('是') && isConfirmReply('确认。') && !isConfirmReply('yes please stop') && !isConfirmReply('stop'))
      const n = await db.transaction((tx) => confirmBySmsReply(tx, w.ws, `+447700900${a}`))
      assert.equal(n, 1)
      const st = await confirmationStatus(db, w.actor, 'sms', 'marketing')
      assert.deepEqual([st.confirmed, st.unconfirmed], [1, 1])
    })

    test('sending confirmations without a verified sender is refused with the reason', async () => {
      const w = await campaignWorld(db, 'doi-nosender', 1)
      await updateCampaignSettings(db, w.actor, { verified_senders: [] })
      const e = await errorOf(sendConsentConfirmations(db, w.ws, { channel: 'email', purpose: 'marketing', channels: ch }))
      assert.equal(e.code, 'precondition_failed')
      assert.match(e.message, /verified sender/)
    })

    test('the consent import shape accepts confirmed_at and refuses a malformed one', () => {
      const ok = consentInput.safeParse({ customer_id: 'c1', channel: 'email', status: 'granted', recorded_at: '2026-01-01T00:00:00Z', confirmed_at: '2026-01-02T00:00:00Z' })
      assert.equal(ok.success, true)
      const bad = consentInput.safeParse({ customer_id: 'c1', channel: 'email', status: 'granted', recorded_at: '2026-01-01T00:00:00Z', confirmed_at: 'yesterday' })
      assert.equal(bad.success, false)
    })
  })
}
