import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { InputError, UsageError } from '../../../errors/rapport-error.ts'
import { KB_LANGS, type KbLang } from '../../../services/knowledge/kb-article-input.ts'
import { listKbArticles, type KbArticleView } from '../../../services/knowledge/kb-articles-service.ts'
import { importKbCsv, KB_IMPORT_MAX_BYTES } from '../../../services/knowledge/kb-import.ts'
import { cliActor } from '../admin/cli-actor.ts'
import { info, printJson, printTable } from '../../output.ts'
import { withDb } from '../../with-db.ts'

interface Common { workspace: string; json?: boolean }

function readCsvFile(file: string): Buffer {
  let data: Buffer
  try {
    data = readFileSync(file)
  } catch (e) {
    throw new InputError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`)
  }
  if (data.length > KB_IMPORT_MAX_BYTES) throw new InputError(`${file}: is larger than the ${KB_IMPORT_MAX_BYTES / 2 ** 20} MiB one import takes; split it`)
  return data
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** Every article of the filter, page by page (the CLI prints them all). */
async function allArticles(list: (cursor: string | undefined) => Promise<{ data: KbArticleView[]; next_cursor: string | null }>): Promise<KbArticleView[]> {
  const out: KbArticleView[] = []
  let cursor: string | undefined
  do {
    const page = await list(cursor)
    out.push(...page.data)
    cursor = page.next_cursor ?? undefined
  } while (cursor !== undefined)
  return out
}

/** `rapport kb …`: the knowledge base of the local database (articles in en and zh, CSV import). */
export function registerKbCommands(program: Command): void {
  const kb = program.command('kb').description('the knowledge base: import articles from CSV, list them')
  const common = (cmd: Command) => cmd.option('--workspace <slug>', 'workspace', 'default').option('--json', 'print JSON on stdout')

  common(kb.command('import <file.csv>').description('import articles from a CSV with header question,answer,language[,category,external_id,status], all or nothing'))
    .action(async (file: string, flags: Common) => {
      const data = readCsvFile(file)
      // Errors name the file as the user typed it (file:line: column: reason).
      const summary = await withDb(async (db) => importKbCsv(db, await cliActor(db, flags.workspace), { file, data }))
      if (flags.json) return printJson(summary)
      info(`${basename(file)}: read ${summary.read}, ${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged`)
    })

  common(kb.command('list').description('list the articles, most recently changed first'))
    .option('--lang <lang>', `only this language (${KB_LANGS.join(', ')})`)
    .option('--category <name>', 'only this category')
    .action(async (flags: Common & { lang?: string; category?: string }) => {
      if (flags.lang !== undefined && !(KB_LANGS as readonly string[]).includes(flags.lang)) throw new UsageError(`--lang must be one of ${KB_LANGS.join(', ')}, got "${flags.lang}"`)
      const articles = await withDb(async (db) => {
        const actor = await cliActor(db, flags.workspace)
        return allArticles((cursor) => listKbArticles(db, actor, { limit: 500, cursor, sort: '-updated_at', lang: flags.lang as KbLang | undefined, category: flags.category }))
      })
      if (flags.json) return printJson({ articles })
      printTable(['id', 'lang', 'status', 'category', 'question'], articles.map((a) => [a.id, a.lang, a.status, a.category ?? '', short(a.title, 60)]))
    })
}
