import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Command } from 'commander'
import { entitySchemas } from '../../../domain/entities.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { writeRecords } from '../../../io/write-records.ts'
import { exportEntity } from '../../../services/export/export-entity.ts'
import { previewSegment } from '../../../services/segments/preview-segment.ts'
import { refreshSegment } from '../../../services/segments/refresh-segment.ts'
import { assertSegment, memberFilter } from '../../../services/segments/segment-members.ts'
import { createSegment, listSegments } from '../../../services/segments/segments-service.ts'
import { cliActor } from '../admin/cli-actor.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { numberOption } from '../../table-flags.ts'
import { withDb } from '../../with-db.ts'
import { readTreeFile } from './read-tree-file.ts'

/** `rapport segments …`: audiences by condition tree on the local database. */
export function registerSegmentCommands(program: Command): void {
  const segments = program.command('segments').description('list, create, preview and export segments (audiences defined by a condition tree)')

  segments.command('list').description('list the segments with their sizes')
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--json', 'print { segments } as JSON on stdout')
    .action(async (flags: { workspace: string; json?: boolean }) => {
      const page = await withDb(async (db) => listSegments(db, await cliActor(db, flags.workspace), { limit: 500 }))
      if (flags.json) return printJson({ segments: page.data })
      printTable(['id', 'name', 'kind', 'version', 'members', 'refreshed'], page.data.map((s) => [s.id, s.name, s.kind, s.version, s.member_count ?? '', s.refreshed_at?.slice(0, 19) ?? '']))
    })

  segments.command('preview').description('count the customers a tree selects, with each condition\'s own count and a sample')
    .requiredOption('--file <tree.json>', 'the tree (or a segment { name, kind, tree })')
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--sql', 'also print the SQL with its values written in')
    .option('--json', 'print the preview as JSON on stdout')
    .action(async (flags: { file: string; workspace: string; sql?: boolean; json?: boolean }) => {
      const { tree } = readTreeFile(flags.file)
      const p = await withDb(async (db) => previewSegment(db, await cliActor(db, flags.workspace), tree))
      if (flags.json) return printJson(p)
      printLine(`${p.total} customers (${p.elapsed_ms} ms)`)
      printTable(['condition', 'customers'], p.conditions.map((c) => [c.path, c.count]))
      if (p.sample.length) printTable(['id', 'external_id', 'name', 'city'], p.sample.map((s) => [s.id, s.external_id, s.name ?? '', s.city ?? '']))
      if (flags.sql) printLine(p.sql_inline)
    })

  segments.command('create').description('save a segment from a file and compute its members')
    .requiredOption('--file <tree.json>', 'a segment { name, kind, tree } or a bare tree (then give --name)')
    .option('--name <name>', 'name (when the file holds a bare tree)')
    .option('--kind <kind>', 'dynamic or static (when the file holds a bare tree)', 'dynamic')
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--json', 'print { segment, refresh } as JSON on stdout')
    .action(async (flags: { file: string; name?: string; kind: string; workspace: string; json?: boolean }) => {
      const { tree, segment } = readTreeFile(flags.file)
      if (!segment && !flags.name) throw new UsageError('--name is needed when the file holds a bare tree')
      if (flags.kind !== 'dynamic' && flags.kind !== 'static') throw new UsageError(`--kind must be dynamic or static, got "${flags.kind}"`)
      const input = segment ?? { name: flags.name as string, kind: flags.kind as 'dynamic' | 'static', tree }
      const out = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        const created = await createSegment(db, null, actor, input)
        return { segment: created, refresh: await refreshSegment(db, actor, created.id) }
      })
      if (flags.json) return printJson(out)
      info(`segment ${out.segment.id} "${out.segment.name}": ${out.refresh.members} members`)
    })

  segments.command('refresh <id>').description('recompute a segment\'s members now')
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--json', 'print the counts as JSON on stdout')
    .action(async (id: string, flags: { workspace: string; json?: boolean }) => {
      const r = await withDb(async (db) => refreshSegment(db, await cliActor(db, flags.workspace), numberOption('id')(id)))
      if (flags.json) return printJson(r)
      info(`segment ${r.segment_id}: ${r.members} members (${r.added} added, ${r.dropped} dropped)`)
    })

  segments.command('export <id>').description('export the current members as CSV (the customer import shape)')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--workspace <slug>', 'workspace', 'default')
    .action(async (id: string, flags: { out?: string; workspace: string }) => {
      const segmentId = numberOption('id')(id)
      const out = flags.out ? createWriteStream(flags.out) : process.stdout
      const n = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        await assertSegment(db, actor.workspaceId, segmentId)
        return writeRecords(exportEntity(db, actor, 'customers', 2000, memberFilter(actor.workspaceId, segmentId)), Object.keys(entitySchemas.customers.shape), 'csv', out)
      })
      if (flags.out) {
        out.end()
        await once(out, 'finish')
      }
      info(`segment ${segmentId}: exported ${n} members${flags.out ? ` to ${flags.out}` : ''}`)
    })
}
