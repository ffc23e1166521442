import type { Command } from 'commander'
import { loadDemo } from '../../../services/demo/load-demo.ts'
import { loadDemoCampaignHistory } from '../../../services/demo/demo-campaign-history.ts'
import { systemActor } from '../../../domain/actor.ts'
import { ensureWorkspace } from '../../../services/workspaces/workspaces.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { info, printJson } from '../../output.ts'
import { numberOption } from '../../table-flags.ts'
import { withDb } from '../../with-db.ts'

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('generate a seeded retail dataset and import it (same seed, same data)')
    .option('--customers <n>', 'number of customers', numberOption('--customers'), 5000)
    .option('--seed <s>', 'random seed', numberOption('--seed'), 1)
    .option('--reset', "delete the workspace's records first")
    .option('--workspace <slug>', 'workspace to load into', 'default')
    .option('--json', 'print the per-entity summary as JSON on stdout')
    .action(async (opts: { customers: number; seed: number; reset?: boolean; workspace: string; json?: boolean }) => {
      if (!Number.isInteger(opts.customers) || opts.customers < 1) throw new UsageError('--customers must be a positive integer')
      if (!Number.isInteger(opts.seed)) throw new UsageError('--seed must be an integer')
      const t0 = performance.now()
      const summaries = await withDb(async (db) => {
        const workspaceId = await ensureWorkspace(db, opts.workspace, (slug) => info(`created workspace "${slug}"`))
        const actor = systemActor(workspaceId, 'cli')
        const loaded = await loadDemo(db, {
          actor,
          customers: opts.customers,
          seed: opts.seed,
          reset: Boolean(opts.reset),
          onEntity: (s) => info(`${s.entity}: ${s.read} rows (${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged) in ${s.seconds.toFixed(1)} s`),
        })
        // The past campaigns with a holdout and the orders they caused (demo/campaign-history.ts).
        const history = await loadDemoCampaignHistory(db, actor, { customers: opts.customers, seed: opts.seed })
        info(`campaign history: ${history.campaigns} past campaigns, ${history.recipients} new recipient rows, ${history.plantedOrders} campaign orders`)
        return loaded
      })
      info(`demo data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
      if (opts.json) printJson({ seed: opts.seed, customers: opts.customers, entities: summaries.map(({ errors: _e, ...s }) => s) })
    })
}
