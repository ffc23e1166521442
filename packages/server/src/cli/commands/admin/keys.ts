import type { Command } from 'commander'
import { ROLES } from '../../../domain/permissions.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { createApiKey, listApiKeys, revokeApiKey } from '../../../services/auth/api-keys.ts'
import { info, printJson, printLine, printTable } from '../../output.ts'
import { withDb } from '../../with-db.ts'
import { cliActor } from './cli-actor.ts'

/** rapport keys create|list|revoke */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys of a workspace (sent as "Authorization: Bearer <key>")')

  keys
    .command('create')
    .description('create a key bound to a role; prints the key once on stdout')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'what it is for', 'api key')
    .option('--expires-in-days <n>', 'stop working after this many days (default: until revoked)')
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--json', 'print as JSON')
    .action(async (o: { role: string; name: string; expiresInDays?: string; workspace: string; json?: boolean }) => {
      const days = o.expiresInDays === undefined ? undefined : Number(o.expiresInDays)
      if (days !== undefined && !(Number.isInteger(days) && days > 0)) throw new UsageError('--expires-in-days must be a positive whole number')
      if (!(ROLES as readonly string[]).includes(o.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`)
      const r = await withDb(async (db) => createApiKey(db, await cliActor(db, o.workspace), { name: o.name, role: o.role as (typeof ROLES)[number], ...(days !== undefined && { expiresInDays: days }) }))
      if (o.json) return printJson({ key: r.key, ...r.apiKey })
      printLine(r.key)
      info(`API key ${r.apiKey.prefix} (${r.apiKey.role}) for workspace "${o.workspace}": shown once, store it now`)
    })

  keys
    .command('list')
    .description("a workspace's keys (never the keys themselves)")
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--json', 'print as JSON')
    .action(async (o: { workspace: string; json?: boolean }) => {
      const rows = await withDb(async (db) => listApiKeys(db, await cliActor(db, o.workspace)))
      if (o.json) return printJson({ keys: rows })
      printTable(['id', 'prefix', 'name', 'role', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'], rows.map((k) => [k.id, k.prefix, k.name, k.role, k.created_at, k.expires_at ?? '', k.revoked_at ?? '', k.last_used_at ?? '']))
    })

  keys
    .command('revoke')
    .description('revoke a key by id or prefix; it stops working at once')
    .argument('<key>', 'the id or prefix shown by "rapport keys list"')
    .option('--workspace <slug>', 'workspace', 'default')
    .action(async (key: string, o: { workspace: string }) => {
      const id = /^[0-9]+$/.test(key) ? Number(key) : key
      const k = await withDb(async (db) => revokeApiKey(db, await cliActor(db, o.workspace), id))
      info(`API key ${k.prefix} revoked`)
    })
}
