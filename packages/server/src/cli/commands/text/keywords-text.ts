import { Option, type Command } from 'commander'
import { UsageError } from '../../../errors/rapport-error.ts'
import { printJson, printTable } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { stringColumn } from '../../../io/read-table.ts'
import { readTexts } from '../../../features/texts.ts'
import { textKeywords } from '../../../services/analytics/text-keywords.ts'

interface KeywordsOpts extends Record<string, unknown> {
  file: string
  textCol: string
  groupCol?: string
  perRow?: boolean
  top: number
  method: 'auto' | 'distinctive' | 'tfidf' | 'textrank'
  lang: 'zh' | 'en' | 'auto'
  json?: boolean
}

/** `rapport text keywords`: distinctive, TF-IDF or TextRank keywords for the whole file or per group (persona tags). */
export function addKeywordsTextCommand(parent: Command): void {
  const cmd = parent
    .command('keywords')
    .description('keywords of a text column, overall or per group (persona tags such as "delivery speed", "价格")')
    .requiredOption('--file <file>', 'texts')
    .requiredOption('--text-col <name>', 'column with the text')
    .option('--group-col <name>', 'one keyword list per value of this column (e.g. customer or segment)')
    .option('--per-row', 'one keyword list per row (grouped by file line)')
    .option('--top <n>', 'keywords per group', numberOption('--top'), 10)
    .addOption(
      new Option(
        '--method <m>',
        'distinctive (what sets a group apart from the others: weighted log-odds), tfidf (frequent and rare overall), textrank (central within the group); auto: distinctive with --group-col, else tfidf',
      )
        .choices(['auto', 'distinctive', 'tfidf', 'textrank'])
        .default('auto'),
    )
    .addOption(new Option('--lang <lang>', 'zh, en or auto').choices(['zh', 'en', 'auto']).default('auto'))
    .option('--json', 'print one JSON object')
  withTableOptions(cmd).action(async (o: KeywordsOpts) => runKeywords(o))
}

async function runKeywords(o: KeywordsOpts): Promise<void> {
  if (!Number.isInteger(o.top) || o.top < 1) throw new UsageError(`--top must be a positive integer, got ${o.top}`)
  const data = await readTexts(o.file, o.textCol, undefined, tableOptions(o))
  if (o.perRow && o.groupCol !== undefined) throw new UsageError('--per-row and --group-col exclude each other')
  const groups = o.perRow
    ? data.lines.map((l) => `line ${l}`)
    : o.groupCol !== undefined
      ? stringColumn(data.table, o.groupCol).map((g) => g.trim())
      : data.texts.map(() => 'all')
  const { method, groups: out } = textKeywords(data.texts, groups, { method: o.method, top: o.top, lang: o.lang, perRow: o.perRow === true, named: o.groupCol !== undefined })
  if (o.json) return printJson({ file: o.file, method, groups: out })
  printTable(['group', 'docs', 'keywords'], out.map((g) => [g.group, g.documents, g.keywords.map((k) => k.term).join(', ')]))
}
