import type { Command } from 'commander'
import { ROLES } from '../../../domain/permissions.ts'
import { createUser, listUsers, memberByEmail, resetPassword, setRole } from '../../../services/auth/users.ts'
import { info, printJson, printTable } from '../../output.ts'
import { withDb } from '../../with-db.ts'
import { cliActor } from './cli-actor.ts'

/** rapport users create|list|set-role|reset-password */
export function registerUsers(program: Command): void {
  const users = program.command('users').description("people who sign in, and their role in a workspace")

  users
    .command('create')
    .description('add a person to a workspace (creates the account if the e-mail is new; prints a generated password)')
    .requiredOption('--email <email>', 'their e-mail address (the sign-in name)')
    .option('--name <name>', 'display name (default: the part before @)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--locale <locale>', 'en or zh-CN', 'en')
    .option('--password <password>', 'set this password instead of generating one (at least 10 characters)')
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--json', 'print the result as JSON')
    .action(async (o: { email: string; name?: string; role: string; locale: string; password?: string; workspace: string; json?: boolean }) => {
      const r = await withDb(async (db) =>
        createUser(db, await cliActor(db, o.workspace), {
          email: o.email, name: o.name ?? o.email.split('@')[0] ?? o.email, role: o.role as (typeof ROLES)[number], locale: o.locale as 'en', ...(o.password !== undefined && { password: o.password }),
        }),
      )
      if (o.json) return printJson(r)
      info(`${r.user.email} is ${r.user.role} of workspace "${o.workspace}"`)
      if (r.password) info(`password (shown once): ${r.password}`)
    })

  users
    .command('list')
    .description("a workspace's members")
    .option('--workspace <slug>', 'workspace', 'default')
    .option('--json', 'print as JSON')
    .action(async (o: { workspace: string; json?: boolean }) => {
      const rows = await withDb(async (db) => listUsers(db, await cliActor(db, o.workspace)))
      if (o.json) return printJson({ users: rows })
      printTable(['id', 'email', 'name', 'role', 'locale', 'created_at'], rows.map((u) => [u.id, u.email, u.name, u.role, u.locale, u.created_at]))
    })

  users
    .command('set-role')
    .description("change a member's role")
    .requiredOption('--email <email>', 'the member')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--workspace <slug>', 'workspace', 'default')
    .action(async (o: { email: string; role: string; workspace: string }) => {
      const u = await withDb(async (db) => {
        const actor = await cliActor(db, o.workspace)
        return setRole(db, actor, (await memberByEmail(db, actor, o.email)).id, o.role)
      })
      info(`${u.email} is now ${u.role} of workspace "${o.workspace}"`)
    })

  users
    .command('reset-password')
    .description("set a new password for a member (generated unless --password) and end their sessions")
    .requiredOption('--email <email>', 'the member')
    .option('--password <password>', 'the new password (at least 10 characters)')
    .option('--workspace <slug>', 'a workspace they belong to', 'default')
    .action(async (o: { email: string; password?: string; workspace: string }) => {
      const r = await withDb(async (db) => {
        const actor = await cliActor(db, o.workspace)
        return resetPassword(db, actor, (await memberByEmail(db, actor, o.email)).id, o.password)
      })
      info(r.password ? `new password for ${o.email} (shown once): ${r.password}` : `password of ${o.email} changed`)
    })
}
