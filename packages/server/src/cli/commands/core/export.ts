import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Command } from 'commander'
import { ENTITIES, entitySchemas, type EntityName } from '../../../domain/entities.ts'
import { exportEntity } from '../../../services/export/export-entity.ts'
import { systemActor } from '../../../domain/actor.ts'
import { workspaceIdOf } from '../../../services/workspaces/workspaces.ts'
import { writeRecords } from '../../../io/write-records.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { info } from '../../output.ts'
import { withDb } from '../../with-db.ts'

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(`export an entity in its import shape; entity is one of: ${ENTITIES.join(', ')}`)
    .argument('<entity>', 'what to export')
    .option('--format <format>', 'csv or jsonl', 'csv')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--workspace <slug>', 'workspace to export from', 'default')
    .action(async (entity: string, opts: { format: string; out?: string; workspace: string }) => {
      if (!(ENTITIES as readonly string[]).includes(entity)) throw new UsageError(`unknown entity "${entity}"; expected one of ${ENTITIES.join(', ')}`)
      if (opts.format !== 'csv' && opts.format !== 'jsonl') throw new UsageError(`--format must be csv or jsonl, got "${opts.format}"`)
      const fields = Object.keys(entitySchemas[entity as EntityName].shape)
      const out = opts.out ? createWriteStream(opts.out) : process.stdout
      const n = await withDb(async (db) => {
        const ws = await workspaceIdOf(db, opts.workspace)
        return writeRecords(exportEntity(db, systemActor(ws, 'cli'), entity as EntityName), fields, opts.format as 'csv' | 'jsonl', out)
      })
      if (opts.out) {
        out.end()
        await once(out, 'finish')
      }
      info(`${entity}: exported ${n} rows${opts.out ? ` to ${opts.out}` : ''}`)
    })
}
