import type { Command } from 'commander'
import { associationRules, basketsFromLong, encodeBaskets, fpGrowth, sortRules, type Baskets } from '@rapport/ml'
import { readRecords } from '../../../io/records.ts'
import { readTable, stringColumn } from '../../../io/read-table.ts'
import { UsageError } from '../../../errors/rapport-error.ts'
import { numberOption, tableOptions, withTableOptions } from '../../table-flags.ts'
import { info, printJson, printTable } from '../../output.ts'

interface RulesFlags {
  file: string
  format: string
  txCol?: string
  itemCol?: string
  minSupport: number
  minConfidence: number
  maxLen?: number
  top: number
  allSplits?: boolean
  emptyLhs?: boolean
  json?: boolean
}

/** `rapport analyze rules`: FP-growth frequent itemsets and association rules with arules' conventions. */
export function registerRules(analyze: Command): void {
  withTableOptions(
    analyze
      .command('rules')
      .description('frequent itemsets (FP-growth) and association rules: support, confidence, lift, leverage, conviction')
      .requiredOption('--file <file>', 'baskets (one per line) or long format (transaction, item)')
      .option('--format <basket|long>', 'basket: one basket per line, items separated by --sep (default comma), no header; long: one row per item', 'basket')
      .option('--tx-col <name>', 'transaction column (long format)')
      .option('--item-col <name>', 'item column (long format)')
      .requiredOption('--min-support <x>', 'minimum support, a fraction of baskets (support ≥ x)', numberOption('--min-support'))
      .requiredOption('--min-confidence <x>', 'minimum confidence (≥ x)', numberOption('--min-confidence'))
      .option('--max-len <n>', 'longest itemset', numberOption('--max-len'))
      .option('--top <n>', 'rules to show, by lift', numberOption('--top'), 10)
      .option('--all-splits', 'right-hand sides of any size (default: single item, as arules)')
      .option('--empty-lhs', 'also emit {} => {item} rules for items with support ≥ confidence (arules minlen = 1)')
      .option('--json', 'print one JSON object'),
  ).action(async (flags: RulesFlags & Record<string, unknown>) => {
    if (!(flags.minSupport > 0 && flags.minSupport <= 1)) throw new UsageError(`--min-support must be in (0, 1], got ${flags.minSupport}`)
    if (!(flags.minConfidence >= 0 && flags.minConfidence <= 1)) throw new UsageError(`--min-confidence must be in [0, 1], got ${flags.minConfidence}`)
    let baskets: Baskets
    if (flags.format === 'basket') {
      const opts = { ...tableOptions(flags), sep: (flags.sep as string | undefined) ?? ',', header: false }
      const rows: string[][] = []
      for await (const rec of readRecords(flags.file, opts)) rows.push(rec.values.map((v) => v.trim()))
      baskets = encodeBaskets(rows)
    } else if (flags.format === 'long') {
      if (!flags.txCol || !flags.itemCol) throw new UsageError('--format long needs --tx-col and --item-col')
      const table = await readTable(flags.file, tableOptions(flags))
      baskets = basketsFromLong(stringColumn(table, flags.txCol).map((s) => s.trim()), stringColumn(table, flags.itemCol).map((s) => s.trim()))
    } else {
      throw new UsageError(`--format must be basket or long, got "${flags.format}"`)
    }
    const t0 = performance.now()
    const itemsets = fpGrowth(baskets, { minSupport: flags.minSupport, ...(flags.maxLen !== undefined ? { maxLength: flags.maxLen } : {}) })
    const t1 = performance.now()
    const rules = sortRules(
      associationRules(itemsets, { minConfidence: flags.minConfidence, allSplits: flags.allSplits === true, includeEmptyLhs: flags.emptyLhs === true }),
    )
    const t2 = performance.now()
    const names = (ids: number[]): string[] => ids.map((i) => baskets.names[i] as string)
    const top = rules.slice(0, flags.top).map((r) => ({
      lhs: names(r.lhs),
      rhs: names(r.rhs),
      support: r.support,
      confidence: r.confidence,
      lift: r.lift,
      leverage: r.leverage,
      conviction: r.conviction,
      count: r.count,
    }))
    const nBaskets = baskets.offsets.length - 1
    if (flags.json) {
      printJson({
        file: flags.file,
        baskets: nBaskets,
        items: baskets.names.length,
        minSupport: flags.minSupport,
        minConfidence: flags.minConfidence,
        itemsets: itemsets.length,
        rules: rules.length,
        seconds: { itemsets: (t1 - t0) / 1000, rules: (t2 - t1) / 1000, total: (t2 - t0) / 1000 },
        topRules: top,
      })
      return
    }
    info(`${nBaskets} baskets, ${baskets.names.length} items: ${itemsets.length} frequent itemsets, ${rules.length} rules in ${((t2 - t0) / 1000).toFixed(3)} s`)
    printTable(
      ['lhs', 'rhs', 'support', 'confidence', 'lift', 'leverage', 'conviction'],
      top.map((r) => [`{${r.lhs.join(', ')}}`, `{${r.rhs.join(', ')}}`, r.support, r.confidence, r.lift, r.leverage, r.conviction]),
    )
  })
}
