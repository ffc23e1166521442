import type { Command } from 'commander'
import { systemActor } from '../../../domain/actor.ts'
import { listModelVersions } from '../../../services/intelligence/models-service.ts'
import { workspaceIdOf } from '../../../services/workspaces/workspaces.ts'
import { formatNumber, printJson, printTable } from '../../output.ts'
import { withDb } from '../../with-db.ts'

/** The metric shown per version: the first of these the kind reports (jsonb does not keep key order). */
const HEADLINE = ['roc_auc', 'ndcg_at_10', 'mae_12m_value', 'silhouette', 'macro_f1', 'customers']

/** `rapport models list`: the registry's versions, newest first, with their headline metric. */
export function registerModelsList(models: Command): void {
  models
    .command('list')
    .description('list model versions, newest first')
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--kind <kind>', 'only this kind')
    .option('--json', 'print { versions } as JSON on stdout')
    .action(async (flags: { workspace: string; kind?: string; json?: boolean }) => {
      const versions = await withDb(async (db) => listModelVersions(db, systemActor(await workspaceIdOf(db, flags.workspace), 'cli'), { kind: flags.kind, limit: 200 }))
      if (flags.json) return printJson({ versions })
      printTable(
        ['id', 'kind', 'version', 'status', 'created', 'headline', 'reason'],
        versions.map((v) => {
          const name = HEADLINE.find((m) => typeof v.metrics[m] === 'number') ?? ''
          const value = name ? (v.metrics[name] as number) : null
          return [v.id, v.kind, v.version, v.status, v.created_at.slice(0, 19), value === null ? '' : `${name} ${formatNumber(value)}`, v.reason ?? '']
        }),
      )
    })
}
