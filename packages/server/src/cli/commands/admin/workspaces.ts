import type { Command } from 'commander'
import { systemActor } from '../../../domain/actor.ts'
import { createWorkspace, listWorkspaces } from '../../../services/workspaces/workspaces.ts'
import { info, printJson, printTable } from '../../output.ts'
import { withDb } from '../../with-db.ts'

/** rapport workspaces create|list */
export function registerWorkspaces(program: Command): void {
  const ws = program.command('workspaces').description('workspaces: separate sets of customers, each with its own members and keys')

  ws.command('create')
    .description('create a workspace (add people with "rapport users create --workspace <slug>")')
    .argument('<slug>', '2-40 lowercase letters, digits and hyphens')
    .option('--name <name>', 'display name (default: the slug)')
    .option('--json', 'print as JSON')
    .action(async (slug: string, o: { name?: string; json?: boolean }) => {
      const w = await withDb((db) => createWorkspace(db, systemActor(0, 'cli'), { slug, ...(o.name !== undefined && { name: o.name }) }))
      if (o.json) return printJson(w)
      info(`workspace "${w.slug}" created`)
    })

  ws.command('list')
    .description('every workspace in the database')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const rows = await withDb((db) => listWorkspaces(db, systemActor(0, 'cli')))
      if (o.json) return printJson({ workspaces: rows })
      printTable(['id', 'slug', 'name', 'created_at'], rows.map((w) => [w.id, w.slug, w.name, w.created_at]))
    })
}
