import type { Command } from 'commander'
import { describeColumns } from '@rapport/ml'
import { columnIndex, readTable } from '../../../io/read-table.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { formatNumber, info, printJson, printTable } from '../../output.ts'

interface DescribeFlags {
  file: string
  columns?: string
  top: number
  bins: number
  json?: boolean
}

/** `rapport analyze describe`: profile every (or the chosen) column of a table. */
export function registerDescribe(analyze: Command): void {
  withTableOptions(
    analyze
      .command('describe')
      .description('profile the columns of a table: counts, missing, distinct, top values, numeric summaries and histograms')
      .requiredOption('--file <file>', 'input table')
      .option('--columns <list>', 'comma-separated columns to profile (default: all)')
      .option('--top <n>', 'top values per column', numberOption('--top'), 5)
      .option('--bins <n>', 'histogram bins for numeric columns', numberOption('--bins'), 10)
      .option('--json', 'print one JSON object'),
  ).action(async (flags: DescribeFlags & Record<string, unknown>) => {
    const table = await readTable(flags.file, tableOptions(flags))
    const wanted = flags.columns ? flags.columns.split(',').map((c) => c.trim()) : table.columns
    const inputs = wanted.map((name) => {
      const i = columnIndex(table, name)
      return { name: table.columns[i] ?? name, values: table.rows.map((r) => r[i] ?? '') }
    })
    const profiles = describeColumns(inputs, { top: flags.top, bins: flags.bins })
    if (flags.json) {
      printJson({ file: flags.file, rows: table.rows.length, columns: profiles })
      return
    }
    info(`${flags.file}: ${table.rows.length} rows, ${profiles.length} columns`)
    printTable(
      ['column', 'kind', 'count', 'missing', 'distinct', 'mean', 'std', 'min', 'median', 'max', 'top'],
      profiles.map((p) => [
        p.name,
        p.kind,
        p.count,
        p.missing,
        p.distinct,
        p.numeric ? p.numeric.mean : '',
        p.numeric ? p.numeric.std : '',
        p.numeric ? p.numeric.min : '',
        p.numeric ? p.numeric.median : '',
        p.numeric ? p.numeric.max : '',
        p.top.map((t) => `${t.value} (${formatNumber(t.count)})`).join(', '),
      ]),
    )
  })
}
