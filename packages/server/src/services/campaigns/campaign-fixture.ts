import { systemActor, type Actor } from '../../domain/actor.ts'
import { StoreFixture } from '../../features/store/store-fixture.ts'
import type { Db } from '../../store/db.ts'
import { refreshSegment } from '../segments/refresh-segment.ts'
import { createSegment } from '../segments/segments-service.ts'
import type { CampaignInput } from './campaign-input.ts'
import { updateCampaignSettings } from './campaign-settings-service.ts'

export const SENDER = 'news@shop.example'

export interface CampaignWorld {
  ws: number
  actor: Actor
  customers: number[]
  segment: number
}

/**
 * A workspace of `n` customers c1…cn with e-mail addresses (every third one Chinese-speaking), each with
 * marketing e-mail consent granted, a segment "everyone with consent" refreshed, and a verified sender.
 */
export async function campaignWorld(db: Db, slug: string, n: number): Promise<CampaignWorld> {
  const ws = await new StoreFixture(db).workspace(slug)
  const actor = systemActor(ws)
  const rows = await db.query<{ id: string }>(
    `INSERT INTO customers (workspace_id, external_id, name, email, country, attributes)
     SELECT $1, 'c' || g, 'Customer ' || g, 'c' || g || '@' || $2 || '.example', CASE WHEN g % 3 = 0 THEN 'CN' ELSE 'GB' END, '{}'::jsonb
       FROM generate_series(1, $3::int) g ORDER BY g RETURNING id`, [ws, slug, n])
  const customers = rows.map((r) => Number(r.id)).sort((a, b) => a - b)
  await db.query(
    `INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at)
     SELECT $1, 'k' || id, id, 'email', 'marketing', 'granted', now() - interval '30 days' FROM unnest($2::bigint[]) id`, [ws, customers])
  const seg = await createSegment(db, null, actor, { name: 'consented', kind: 'dynamic', tree: { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' } })
  await refreshSegment(db, actor, seg.id)
  await updateCampaignSettings(db, actor, { verified_senders: [SENDER] })
  return { ws, actor, customers, segment: seg.id }
}

export const simpleCampaign = (segment: number, over: Partial<CampaignInput> = {}): CampaignInput => ({
  name: 'Spring sale', channel: 'email', segment_id: segment, from_address: SENDER, holdout_pct: 10,
  variants: [{
    name: 'A', weight: 1,
    template: {
      en: { subject: 'Hello {{ customer.first_name }}', html: '<p>Hi {{ customer.first_name }}, <a href="https://shop.example/sale?x=1&amp;y=2">see the sale</a></p><a href="{{ unsubscribe_url }}">Unsubscribe</a>', text: 'Sale! {{ unsubscribe_url }}' },
      zh: { subject: '您好 {{ customer.name }}', html: '<p>促销 <a href="https://shop.example/sale">看看</a></p><a href="{{ unsubscribe_url }}">退订</a>', text: '促销 {{ unsubscribe_url }}' },
    },
  }],
  ...over,
})
