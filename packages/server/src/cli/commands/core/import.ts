import type { Command } from 'commander'
import { ENTITIES, type EntityName } from '../../../domain/entities.ts'
import { importFile } from '../../../services/import/import-file.ts'
import { formatRowError } from '../../../services/import/row-error.ts'
import { systemActor } from '../../../domain/actor.ts'
import { workspaceIdOf } from '../../../services/workspaces/workspaces.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { info, printJson } from '../../output.ts'
import { progressBar } from '../../progress.ts'
import { tableOptions, withTableOptions } from '../../table-flags.ts'
import { withDb } from '../../with-db.ts'

const SHOWN_ERRORS = 20

export function registerImport(program: Command): void {
  withTableOptions(
    program
      .command('import')
      .description(`import a CSV or JSON Lines file; entity is one of: ${ENTITIES.join(', ')}`)
      .argument('<entity>', 'what the file holds')
      .argument('<file>', 'CSV or JSON Lines (.jsonl) file'),
  )
    .option('--format <format>', 'csv or jsonl (default: from the file extension)')
    .option('--map <source=field>', 'read column "source" as field (repeatable; field may be attributes.x)', collectMap, {})
    .option('--skip-invalid', 'import the good rows and write the rejects to <file>.rejects.csv')
    .option('--workspace <slug>', 'workspace to import into', 'default')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (entity: string, file: string, opts: Record<string, unknown>) => {
      if (!(ENTITIES as readonly string[]).includes(entity)) throw new UsageError(`unknown entity "${entity}"; expected one of ${ENTITIES.join(', ')}`)
      const summary = await withDb(async (db) => {
        const workspaceId = await workspaceIdOf(db, opts.workspace as string)
        const bar = progressBar(`import ${entity}`)
        try {
          return await importFile(db, file, {
            ...tableOptions(opts),
            entity: entity as EntityName,
            actor: systemActor(workspaceId, 'cli'),
            format: opts.format as 'csv' | 'jsonl' | undefined,
            map: opts.map as Record<string, string>,
            skipInvalid: Boolean(opts.skipInvalid),
            onProgress: (read, fraction) => bar.update(fraction, `${read.toLocaleString('en')} rows`),
          })
        } finally {
          bar.stop()
        }
      })
      if (summary.ignoredColumns.length > 0) {
        info(`${file}: ignored columns with no matching field: ${summary.ignoredColumns.join(', ')} (use --map source=field)`)
      }
      for (const e of summary.errors.slice(0, SHOWN_ERRORS)) info(formatRowError(file, e))
      if (summary.errorCount > SHOWN_ERRORS) info(`... and ${summary.errorCount - SHOWN_ERRORS} more errors`)
      const written = summary.inserted + summary.updated
      info(
        `${entity}: read ${summary.read}, written ${written} (${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged), ` +
          `rejected ${summary.rejected}, ${Math.round(summary.rowsPerSecond).toLocaleString('en')} rows/s` +
          (summary.committed ? '' : ' — nothing was written: fix the rows above or use --skip-invalid') +
          (summary.rejectsFile ? `; rejects in ${summary.rejectsFile}` : ''),
      )
      if (opts.json) printJson({ ...summary, written, errors: summary.errors.slice(0, 100) })
      if (!summary.committed) process.exitCode = 1
    })
}

function collectMap(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=')
  if (eq <= 0) throw new UsageError(`--map expects source=field, got "${value}"`)
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1).trim() }
}
