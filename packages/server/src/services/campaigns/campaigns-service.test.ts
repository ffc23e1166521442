import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { backends } from '../../../test/backends.ts'
import type { Mailer } from '../../adapters/mailer/mailer.ts'
import { StoreFixture } from '../../features/store/store-fixture.ts'
import type { Db } from '../../store/db.ts'
import { campaignWorld, SENDER, simpleCampaign, type CampaignWorld } from './campaign-fixture.ts'
import { updateCampaignSettings } from './campaign-settings-service.ts'
import { cancelCampaign, createCampaign, estimateAudience, getCampaign, startCampaign, updateCampaign } from './campaigns-service.ts'
import type { Channels } from './channels.ts'
import { createSegment } from '../segments/segments-service.ts'

const errorOf = (p: Promise<unknown>) => p.then(() => assert.fail('expected an error'), (e: unknown) => e as { code: string; message: string; details?: Array<{ path: string; message: string }> })
const unusedMailer: Mailer = { verify: async () => {}, send: async () => assert.fail('nothing is sent by these tests'), close: async () => {} }
const channels: Channels = { email: { mailer: unusedMailer, label: 'test' }, sms: null, publicUrl: 'http://rapport.test' }

for (const backend of backends()) {
  describe(`campaigns service on ${backend.name}`, () => {
    let db: Db
    let w: CampaignWorld
    before(async () => {
      db = await backend.open()
      w = await campaignWorld(db, 'camp', 400)
    })
    after(() => db.close())

    test('a template with a syntax error or an unknown merge field is refused when saved, with the field path, line and column', async () => {
      const bad = simpleCampaign(w.segment, { name: 'bad' })
      const t = (bad.variants[0] as (typeof bad.variants)[number]).template
      t.en.html = '<p>Hi</p>\n<p>{% if %}</p><a href="{{ unsubscribe_url }}">x</a>'
      t.en.text = 'Hi {{ customer.nickname }}'
      const e = await errorOf(createCampaign(db, w.actor, bad))
      assert.equal(e.code, 'validation_failed')
      const byPath = new Map((e.details ?? []).map((d) => [d.path, d.message]))
      assert.match(byPath.get('body.variants.0.template.en.html') ?? '', /^line 2, column \d+: /, JSON.stringify(e.details))
      assert.match(byPath.get('body.variants.0.template.en.text') ?? '', /^line 1, column 7: unknown merge field "customer.nickname"/, JSON.stringify(e.details))
    })

    test('the audience is split by a stable hash: about 10 % holdout, the same split on every estimate', async () => {
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'split' }))
      const first = await estimateAudience(db, w.actor, c.id)
      const second = await estimateAudience(db, w.actor, c.id)
      assert.deepEqual(first, second)
      assert.equal(first.audience, 400)
      assert.equal(first.treated + first.holdout, 400)
      assert.ok(first.holdout >= 20 && first.holdout <= 60, `holdout ${first.holdout} of 400 at 10 %`)
      const rows = await db.query('SELECT 1 FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2', [w.ws, c.id])
      assert.equal(rows.length, 0, 'an estimate keeps nothing')
    })

    test('A/B variants get the treated group split by their weights', async () => {
      const base = simpleCampaign(w.segment, { name: 'ab' })
      const v = base.variants[0] as (typeof base.variants)[number]
      const c = await createCampaign(db, w.actor, { ...base, holdout_pct: 0, variants: [{ ...v, name: 'A', weight: 3 }, { ...v, name: 'B', weight: 1 }] })
      const counts = await estimateAudience(db, w.actor, c.id)
      assert.equal(counts.holdout, 0)
      assert.equal((counts.variants.A ?? 0) + (counts.variants.B ?? 0), 400)
      assert.ok((counts.variants.A ?? 0) > 250 && (counts.variants.A ?? 0) < 350, `A got ${counts.variants.A} of 400 at weight 3:1`)
    })

    test('exclusions are counted by reason: no address, suppressed, no consent, open negative ticket, frequency cap', async () => {
      const ws = await campaignWorld(db, 'excl', 10)
      const [c1, c2, c3, c4, c5] = ws.customers as [number, number, number, number, number]
      await db.query(`UPDATE customers SET email = NULL WHERE workspace_id = $1 AND id = $2`, [ws.ws, c1])
      await db.query(`INSERT INTO suppressions (workspace_id, channel, address, reason) SELECT $1, 'email', lower(email), 'hard_bounce' FROM customers WHERE workspace_id = $1 AND id = $2`, [ws.ws, c2])
      await db.query(`INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at) VALUES ($1, 'rev3', $2, 'email', 'marketing', 'revoked', now() - interval '1 day')`, [ws.ws, c3])
      const f = new StoreFixture(db, ws.ws, 'x-')
      const ticket = await f.ticket(c4, new Date(Date.now() - 86_400_000).toISOString(), 'open', 'high')
      const [mv] = await db.query<{ id: number }>(`INSERT INTO model_versions (workspace_id, kind, version, status, actor_label) VALUES ($1, 'sentiment', 1, 'active', 'test') RETURNING id`, [ws.ws])
      await db.query(`INSERT INTO text_sentiments (workspace_id, entity, entity_id, customer_id, sentiment, confidence, model_version_id) VALUES ($1, 'tickets', $2, $3, 'negative', 0.9, $4)`, [ws.ws, ticket, c4, mv?.id])
      // c5 got three marketing messages in the last week (the default cap).
      const [old] = await db.query<{ id: number }>(`INSERT INTO campaigns (workspace_id, name, channel, status, variants, created_by) VALUES ($1, 'old', 'email', 'done', '[]', 'test') RETURNING id`, [ws.ws])
      await db.query(`INSERT INTO campaign_recipients (workspace_id, campaign_id, customer_id, grp, state, sent_at) SELECT $1, $2, $3, 'treated', 'sent', now() - interval '1 day' FROM generate_series(1, 1)`, [ws.ws, old?.id, c5])
      const [old2] = await db.query<{ id: number }>(`INSERT INTO campaigns (workspace_id, name, channel, status, variants, created_by) VALUES ($1, 'old2', 'email', 'done', '[]', 'test'), ($1, 'old3', 'email', 'done', '[]', 'test') RETURNING id`, [ws.ws])
      for (const id of [old2?.id, Number(old2?.id) + 1]) await db.query(`INSERT INTO campaign_recipients (workspace_id, campaign_id, customer_id, grp, state, sent_at) VALUES ($1, $2, $3, 'treated', 'sent', now() - interval '2 days')`, [ws.ws, id, c5])
      // A segment that does not itself ask for consent: the planner's own consent check must leave c3 out.
      const everyone = await createSegment(db, null, ws.actor, { name: 'everyone', kind: 'dynamic', tree: { type: 'profile', field: 'country', op: 'in', value: ['GB', 'CN'] } })
      const c = await createCampaign(db, ws.actor, simpleCampaign(everyone.id, { name: 'excl', holdout_pct: 0 }))
      const counts = await estimateAudience(db, ws.actor, c.id)
      assert.deepEqual(counts.excluded, { no_address: 1, suppressed: 1, no_consent: 1, unconfirmed_consent: 0, negative_ticket: 1, frequency_cap: 1, global_control: 0, uplift_targeting: 0 })
      assert.equal(counts.treated, 5)
      const off = await updateCampaign(db, ws.actor, c.id, { settings: { exclude_negative_tickets: false } })
      assert.equal(off.settings.exclude_negative_tickets, false)
      assert.equal((await estimateAudience(db, ws.actor, c.id)).excluded.negative_ticket, 0)
    })

    test('targeting by predicted uplift keeps the top share or leaves out the sleeping dogs, and is refused before any model scored', async () => {
      const ws = await campaignWorld(db, 'uplift', 100)
      const c = await createCampaign(db, ws.actor, simpleCampaign(ws.segment, { name: 'top', holdout_pct: 0, settings: { targeting: { mode: 'top_uplift', top_pct: 30 } } }))
      const refused = await errorOf(startCampaign(db, null, channels, ws.actor, c.id))
      assert.match(refused.message, /no uplift model has scored this workspace/)
      const [mv] = await db.query<{ id: number }>(`INSERT INTO model_versions (workspace_id, kind, version, status, actor_label) VALUES ($1, 'uplift', 1, 'active', 'test') RETURNING id`, [ws.ws])
      // Uplift rises with the customer number, negative for the first 20; the last 10 have no score.
      await db.query(`INSERT INTO customer_scores (workspace_id, kind, customer_id, model_version_id, score) SELECT $1, 'uplift', id, $2, (o - 20) / 100.0 FROM unnest($3::bigint[]) WITH ORDINALITY AS x(id, o) WHERE o <= 90`, [ws.ws, mv?.id, ws.customers])
      const top = await estimateAudience(db, ws.actor, c.id)
      assert.equal(top.treated, 30)
      assert.equal(top.excluded.uplift_targeting, 70)
      const dogs = await updateCampaign(db, ws.actor, c.id, { settings: { targeting: { mode: 'no_sleeping_dogs' } } })
      assert.equal(dogs.settings.targeting.mode, 'no_sleeping_dogs')
      const counts = await estimateAudience(db, ws.actor, c.id)
      assert.equal(counts.excluded.uplift_targeting, 19, 'scores (1 - 20) … (19 - 20) / 100 are negative')
      assert.equal(counts.treated, 81)
      const started = await startCampaign(db, null, channels, ws.actor, c.id)
      const sent = await db.query<{ customer_id: string }>(`SELECT customer_id FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND grp = 'treated'`, [ws.ws, c.id])
      assert.equal(sent.length, started.plan?.treated)
      assert.ok(!sent.some((r) => ws.customers.indexOf(Number(r.customer_id)) < 19), 'no sleeping dog is treated')
    })

    test('a global control group keeps its share out of every campaign', async () => {
      const ws = await campaignWorld(db, 'glob', 300)
      await updateCampaignSettings(db, ws.actor, { global_control_pct: 20 })
      const a = await createCampaign(db, ws.actor, simpleCampaign(ws.segment, { name: 'g1' }))
      const b = await createCampaign(db, ws.actor, simpleCampaign(ws.segment, { name: 'g2' }))
      const ca = await estimateAudience(db, ws.actor, a.id)
      const cb = await estimateAudience(db, ws.actor, b.id)
      assert.ok(ca.excluded.global_control > 30 && ca.excluded.global_control < 90, `${ca.excluded.global_control} of 300 at 20 %`)
      assert.equal(ca.excluded.global_control, cb.excluded.global_control, 'the same customers in both campaigns')
      const e = await errorOf(updateCampaignSettings(db, ws.actor, { global_control_pct: 5 }))
      assert.match(e.details?.[0]?.message ?? '', /re-drawn 30 days after/)
    })

    test('a start is refused, with the reason and nothing written, without an SMTP server, from an unverified sender, or with nobody to send to', async () => {
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'refusals' }))
      const noSmtp = await errorOf(startCampaign(db, null, { ...channels, email: null }, w.actor, c.id))
      assert.equal(noSmtp.code, 'precondition_failed')
      assert.match(noSmtp.message, /no SMTP server is configured/)
      await updateCampaign(db, w.actor, c.id, { from_address: 'someone@else.example' })
      const unverified = await errorOf(startCampaign(db, null, channels, w.actor, c.id))
      assert.match(unverified.message, /someone@else\.example is not a verified sender/)
      const empty = await campaignWorld(db, 'empty', 3)
      await db.query(`INSERT INTO suppressions (workspace_id, channel, address, reason) SELECT $1, 'email', lower(email), 'complaint' FROM customers WHERE workspace_id = $1`, [empty.ws])
      const e = await createCampaign(db, empty.actor, simpleCampaign(empty.segment, { name: 'nobody' }))
      const nobody = await errorOf(startCampaign(db, null, channels, empty.actor, e.id))
      assert.match(nobody.message, /nobody is left to send to \(audience 3, holdout \d+, excluded: suppressed \d+\)/)
      assert.equal((await getCampaign(db, w.actor, c.id)).status, 'draft')
      assert.equal((await getCampaign(db, empty.actor, e.id)).status, 'draft')
      const ledger = await db.query('SELECT 1 FROM campaign_recipients WHERE campaign_id = ANY($1::bigint[]) AND workspace_id = ANY($2::bigint[])', [[c.id, e.id], [w.ws, empty.ws]])
      assert.equal(ledger.length, 0)
    })

    test('a start freezes the audience into the ledger; a frozen campaign cannot be changed; cancelling skips what was not sent', async () => {
      const c = await createCampaign(db, w.actor, simpleCampaign(w.segment, { name: 'frozen' }))
      const started = await startCampaign(db, null, channels, w.actor, c.id)
      assert.equal(started.status, 'sending')
      assert.equal(started.plan?.audience, 400)
      assert.equal(started.progress?.planned, started.plan?.treated)
      const zh = await db.query<{ n: string }>(`SELECT count(*) AS n FROM campaign_recipients WHERE workspace_id = $1 AND campaign_id = $2 AND lang = 'zh'`, [w.ws, c.id])
      assert.ok(Number(zh[0]?.n) > 100, 'CN customers get the Chinese version')
      assert.equal((await errorOf(updateCampaign(db, w.actor, c.id, { name: 'renamed' }))).code, 'conflict')
      assert.equal((await errorOf(startCampaign(db, null, channels, w.actor, c.id))).code, 'conflict')
      const cancelled = await cancelCampaign(db, w.actor, c.id)
      assert.equal(cancelled.status, 'cancelled')
      assert.equal(cancelled.progress?.planned, 0)
      const audit = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE workspace_id = $1 AND entity = 'campaigns' AND entity_id = $2 ORDER BY id`, [w.ws, String(c.id)])
      assert.deepEqual(audit.map((a) => a.action), ['create', 'start', 'cancel'])
      assert.equal(SENDER, started.from_address)
    })
  })
}
