import { Option, type Command } from 'commander'
import { createAnalyzer, defaultAnalyzerConfig, distinctiveKeywords, textRankKeywords, tfidfKeywords, type Keyword } from '@rapport/ml'
import { UsageError } from '../../../errors/rapport-error.ts'
import { printJson, printTable } from '../../output.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { stringColumn } from '../../../io/read-table.ts'
import { readTexts } from './read-texts.ts'

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
  const contrastable = new Set(groups).size > 1
  const method = o.method === 'auto' ? (o.groupCol !== undefined && contrastable ? 'distinctive' : 'tfidf') : o.method
  if (method === 'distinctive' && !contrastable) {
    throw new UsageError('--method distinctive contrasts groups: give --group-col (with two values or more) or --per-row')
  }
  const analyzer = createAnalyzer({ ...defaultAnalyzerConfig(o.lang), negation: false, clauseMarks: true })
  const tokens = data.texts.map((t) => analyzer.tokens(t))
  const result = new Map<string, Keyword[]>()
  if (method === 'distinctive') {
    for (const [g, k] of distinctiveKeywords(tokens, groups, { top: o.top })) result.set(g, k)
  } else if (method === 'tfidf') {
    for (const [g, k] of tfidfKeywords(tokens, groups, o.top)) result.set(g, k)
  } else {
    const byGroup = new Map<string, string[][]>()
    tokens.forEach((t, i) => {
      const g = groups[i]!
      const list = byGroup.get(g) ?? []
      list.push(t)
      byGroup.set(g, list)
    })
    for (const [g, docs] of byGroup) result.set(g, textRankKeywords(docs, { top: o.top }))
  }
  const sizes = new Map<string, number>()
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1)
  // Rows keep file order; named groups are listed alphabetically.
  const first = new Map(groups.map((g, i) => [g, i] as const).reverse())
  const byName = (a: string, b: string): number => (o.perRow ? (first.get(a) ?? 0) - (first.get(b) ?? 0) : a < b ? -1 : a > b ? 1 : 0)
  const out = [...result]
    .sort((a, b) => byName(a[0], b[0]))
    .map(([group, keywords]) => ({ group, documents: sizes.get(group) ?? 0, keywords }))
  if (o.json) return printJson({ file: o.file, method, groups: out })
  printTable(['group', 'docs', 'keywords'], out.map((g) => [g.group, g.documents, g.keywords.map((k) => k.term).join(', ')]))
}
