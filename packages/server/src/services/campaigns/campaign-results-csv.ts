import { stringify } from 'csv-stringify/sync'
import type { CampaignResults, GroupStats } from './campaign-results.ts'

const STAT_COLUMNS = [
  'recipients', 'sent', 'failed', 'uncertain', 'delivered', 'bounced', 'opened', 'clicked', 'unsubscribed',
  'conversions', 'revenue', 'open_rate', 'click_rate', 'conversion_rate', 'revenue_per_recipient',
] as const satisfies ReadonlyArray<keyof GroupStats>

export const CAMPAIGN_RESULTS_CSV_COLUMNS = ['scope', 'key', 'group', ...STAT_COLUMNS] as const

type Scope = 'all' | 'variant' | 'rfm' | 'persona'

/**
 * The results as a flat table for a spreadsheet: one row per (scope, key, group) with the counts and rates.
 * scope all has key '' and both groups; variant rows are treated only (each variant is compared with the whole
 * holdout, the `all` holdout row); rfm and persona rows come in the results' order, treated then holdout.
 * Rates that are undefined (nothing sent, nobody in the group) are empty cells.
 */
export function campaignResultsCsv(results: CampaignResults): string {
  const rows: Array<Record<string, unknown>> = []
  const add = (scope: Scope, key: string, group: 'treated' | 'holdout', s: GroupStats) => {
    rows.push({ scope, key, group, ...Object.fromEntries(STAT_COLUMNS.map((c) => [c, s[c]])) })
  }
  add('all', '', 'treated', results.treated)
  add('all', '', 'holdout', results.holdout)
  for (const v of results.variants) add('variant', v.name, 'treated', v.treated)
  for (const scope of ['rfm', 'persona'] as const) {
    for (const b of results.breakdown[scope]) {
      add(scope, b.key, 'treated', b.treated)
      add(scope, b.key, 'holdout', b.holdout)
    }
  }
  return stringify(rows, { header: true, columns: [...CAMPAIGN_RESULTS_CSV_COLUMNS] })
}
