/**
 * The synthetic shop a campaign goes out from, built with INSERT … SELECT over generate_series (fast at 100k,
 * and the same rows for a size every time): customers with Western or Chinese names (every third in China,
 * who get the Chinese template), each with e-mail marketing consent; 200 products with links and images and 3
 * stored recommendations per customer (the template's loop); 0.5 % of addresses suppressed; and three earlier
 * campaigns that each sent to the same 1 % of customers in the last days, so the frequency cap (3 in 7 days)
 * has someone to exclude. Then the segment "e-mail marketing consent granted" and a verified sender.
 */
import { systemActor, type Actor } from '../../packages/server/src/domain/actor.ts'
import type { Db } from '../../packages/server/src/store/db.ts'
import { SENDER } from '../../packages/server/src/services/campaigns/campaign-fixture.ts'
import { updateCampaignSettings } from '../../packages/server/src/services/campaigns/campaign-settings-service.ts'
import { refreshSegment } from '../../packages/server/src/services/segments/refresh-segment.ts'
import { createSegment } from '../../packages/server/src/services/segments/segments-service.ts'
import { must } from '../lib/must.ts'

export interface CampaignShop {
  ws: number
  actor: Actor
  segment: number
  customers: number
  suppressed: number
  cappedCustomers: number
  seconds: number
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'Dennis']
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen', 'Ritchie']
const CHINESE = ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨磊', '赵丽', '黄强', '周杰', '吴霞']
const CITIES = ['London', 'Manchester', 'Leeds', 'Bristol', 'Glasgow']
const CN_CITIES = ['上海', '北京', '深圳', '杭州', '成都']

export async function buildCampaignShop(db: Db, slug: string, n: number): Promise<CampaignShop> {
  const t0 = performance.now()
  const [w] = await db.query<{ id: number }>('INSERT INTO workspaces (slug, name) VALUES ($1, $2) RETURNING id', [slug, 'Bench Shop'])
  const ws = Number(must(w, 'workspace').id)
  const actor = systemActor(ws)
  await db.query(
    `INSERT INTO customers (workspace_id, external_id, name, email, city, country, attributes)
     SELECT $1, 'c' || g,
            CASE WHEN g % 3 = 0 THEN ($4::text[])[1 + g % 10] ELSE ($2::text[])[1 + g % 10] || ' ' || ($3::text[])[1 + (g / 10) % 10] END,
            'c' || g || '@' || $7 || '.example',
            CASE WHEN g % 3 = 0 THEN ($6::text[])[1 + g % 5] ELSE ($5::text[])[1 + g % 5] END,
            CASE WHEN g % 3 = 0 THEN 'CN' ELSE 'GB' END, '{}'::jsonb
       FROM generate_series(1, $8::int) g`,
    [ws, FIRST, LAST, CHINESE, CITIES, CN_CITIES, slug, n])
  await db.query(
    `INSERT INTO consents (workspace_id, external_id, customer_id, channel, purpose, status, recorded_at, source)
     SELECT $1, 'k' || id, id, 'email', 'marketing', 'granted', now() - interval '30 days', 'signup form' FROM customers WHERE workspace_id = $1`, [ws])
  const [suppressed] = await db.query<{ n: number }>(
    `WITH s AS (INSERT INTO suppressions (workspace_id, channel, address, reason, source)
       SELECT $1, 'email', lower(email), 'hard_bounce', 'bench' FROM customers WHERE workspace_id = $1 AND id % 200 = 7 RETURNING 1)
     SELECT count(*)::int AS n FROM s`, [ws])
  await seedRecommendations(db, ws)
  const capped = await seedEarlierSends(db, ws, actor)
  const seg = await createSegment(db, null, actor, { name: 'e-mail consent', kind: 'dynamic', tree: { type: 'consent', channel: 'email', purpose: 'marketing', op: 'is', value: 'granted' } })
  await refreshSegment(db, actor, seg.id)
  await updateCampaignSettings(db, actor, { verified_senders: [SENDER] })
  await db.exec('ANALYZE')
  return { ws, actor, segment: seg.id, customers: n, suppressed: Number(suppressed?.n ?? 0), cappedCustomers: capped, seconds: (performance.now() - t0) / 1000 }
}

/** 200 products (currency, url and image in attributes, as an import stores them) and 3 recommendations per customer. */
async function seedRecommendations(db: Db, ws: number): Promise<void> {
  await db.query(
    `INSERT INTO products (workspace_id, sku, name, category, price, attributes)
     SELECT $1, 'SKU-' || g, 'Product ' || g, (ARRAY['Accessories', 'Hats', 'Shoes', 'Bags'])[1 + g % 4], 5 + (g * 37 % 200) + 0.99,
            jsonb_build_object('currency', 'GBP', 'url', 'https://shop.example/p/' || g, 'image_url', 'https://shop.example/img/' || g || '.jpg')
       FROM generate_series(1, 200) g`, [ws])
  const [mv] = await db.query<{ id: number }>(`INSERT INTO model_versions (workspace_id, kind, version, status, actor_label) VALUES ($1, 'recommender', 1, 'active', 'bench') RETURNING id`, [ws])
  await db.query(
    `INSERT INTO customer_recommendations (workspace_id, customer_id, rank, product_id, score, source, model_version_id)
     SELECT $1, c.id, k, p.id, 1.0 / k, 'model', $2
       FROM customers c CROSS JOIN generate_series(1, 3) k
       JOIN products p ON p.workspace_id = $1 AND p.sku = 'SKU-' || (1 + (c.id * 7 + k * 53) % 200)
      WHERE c.workspace_id = $1`, [ws, must(mv, 'model version').id])
}

/** Three finished campaigns that each sent to every 100th customer two days ago: those customers are at the cap. */
async function seedEarlierSends(db: Db, ws: number, actor: Actor): Promise<number> {
  let capped = 0
  for (const name of ['Winter sale', 'New arrivals', 'Last chance']) {
    const [c] = await db.query<{ id: number }>(
      `INSERT INTO campaigns (workspace_id, name, channel, status, from_address, variants, settings, planned_at, finished_at, created_by)
       VALUES ($1, $2, 'email', 'done', $3, '[]'::jsonb, '{}'::jsonb, now() - interval '2 days', now() - interval '2 days', $4) RETURNING id`,
      [ws, name, SENDER, actor.label])
    const rows = await db.query<{ n: number }>(
      `WITH r AS (INSERT INTO campaign_recipients (workspace_id, campaign_id, customer_id, address, grp, variant, state, attempts, sent_at)
         SELECT $1, $2, id, email, 'treated', 'A', 'sent', 1, now() - interval '2 days' FROM customers WHERE workspace_id = $1 AND id % 100 = 3 RETURNING 1)
       SELECT count(*)::int AS n FROM r`, [ws, must(c, 'earlier campaign').id])
    capped = Number(rows[0]?.n ?? 0)
  }
  return capped
}
