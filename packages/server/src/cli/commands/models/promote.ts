import type { Command } from 'commander'
import { promoteVersion } from '../../../services/intelligence/run-model.ts'
import { cliActor } from '../admin/cli-actor.ts'
import { info, printJson } from '../../output.ts'
import { numberOption } from '../../table-flags.ts'
import { withDb } from '../../with-db.ts'

/** `rapport models promote <id>`: make a trained or retired version active (or roll back to it), rescoring with it. */
export function registerModelsPromote(models: Command): void {
  models
    .command('promote <id>')
    .description('make a model version active (promote, or roll back to an earlier one), rescoring with it')
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--json', 'print { versionId, rows } as JSON on stdout')
    .action(async (id: string, flags: { workspace: string; json?: boolean }) => {
      const versionId = numberOption('id')(id)
      const r = await withDb(async (db) => promoteVersion({ db, actor: await cliActor(db, flags.workspace) }, versionId))
      if (flags.json) printJson(r)
      else info(`version ${r.versionId} is active; ${r.rows} rows scored`)
    })
}
