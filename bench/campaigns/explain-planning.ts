/**
 * `npm run bench -- campaigns --explain-planning [--recipients N]`: where planning's time goes, printed (no
 * results file is written). Builds the benchmark's shop on a fresh PostgreSQL database, then starts the campaign
 * with the database wrapped so that the planning INSERT … SELECT runs as EXPLAIN (ANALYZE, BUFFERS) (it still
 * inserts the ledger) and every statement of startCampaign is timed.
 */
import { channelsFromConfig } from '../../packages/server/src/services/campaigns/channels.ts'
import { createCampaign, startCampaign } from '../../packages/server/src/services/campaigns/campaigns-service.ts'
import type { Db } from '../../packages/server/src/store/db.ts'
import { migrate } from '../../packages/server/src/store/migrate.ts'
import { openPostgresDb } from '../../packages/server/src/store/postgres-db.ts'
import { freshPostgres } from '../lib/fresh-postgres.ts'
import { buildCampaignShop } from './campaign-data.ts'
import { benchCampaign } from './campaign-template.ts'

type Statement = { ms: number; sql: string }

function explaining(db: Db, statements: Statement[], out: (s: string) => void): Db {
  const wrapped: Db = {
    ...db,
    async query<T>(text: string, params: unknown[] = []) {
      const isPlan = text.trimStart().startsWith('INSERT INTO campaign_recipients')
      const t0 = performance.now()
      const rows = await db.query<T>(isPlan ? `EXPLAIN (ANALYZE, BUFFERS) ${text}` : text, params)
      statements.push({ ms: performance.now() - t0, sql: text.replace(/\s+/g, ' ').slice(0, 90) })
      if (isPlan) out((rows as Array<Record<string, string>>).map((r) => r['QUERY PLAN']).join('\n'))
      return isPlan ? [] : rows
    },
    transaction: (fn) => db.transaction((tx) => fn(explaining(tx, statements, out))),
  }
  return wrapped
}

export async function explainPlanning(customers: number, out: (s: string) => void): Promise<void> {
  const statements: Statement[] = []
  const fresh = await freshPostgres('rapport_bench_campaigns_explain')
  if (!fresh) throw new Error('no PostgreSQL server answered (set BENCH_DATABASE_URL)')
  const db = await openPostgresDb(fresh.url)
  try {
    await migrate(db)
    const shop = await buildCampaignShop(db, 'bench-campaigns', customers)
    const channels = channelsFromConfig({ smtpServers: [{ host: '127.0.0.1', port: 25 }], sms: undefined, publicUrl: 'https://rapport.bench.example' })
    const draft = await createCampaign(db, shop.actor, benchCampaign(shop.segment))
    const t0 = performance.now()
    await startCampaign(explaining(db, statements, out), null, channels, shop.actor, draft.id)
    out(`\nstartCampaign ${((performance.now() - t0) / 1000).toFixed(2)} s; statements:`)
    for (const s of statements) out(`${s.ms.toFixed(0).padStart(7)} ms  ${s.sql}`)
    await channels.email?.mailer.close()
  } finally {
    await db.close()
    await fresh.drop()
  }
}
