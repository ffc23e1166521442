import type { Command } from 'commander'
import type { Baskets } from '@rapport/ml'
import { readBasketLines, readLongBaskets } from '../../../features/baskets.ts'
import { associationRuleAnalysis } from '../../../services/analytics/association-rules.ts'
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
      baskets = await readBasketLines(flags.file, tableOptions(flags))
    } else if (flags.format === 'long') {
      if (!flags.txCol || !flags.itemCol) throw new UsageError('--format long needs --tx-col and --item-col')
      baskets = await readLongBaskets(flags.file, tableOptions(flags), flags.txCol, flags.itemCol)
    } else {
      throw new UsageError(`--format must be basket or long, got "${flags.format}"`)
    }
    const result = associationRuleAnalysis(baskets, {
      minSupport: flags.minSupport,
      minConfidence: flags.minConfidence,
      maxLength: flags.maxLen,
      top: flags.top,
      allSplits: flags.allSplits === true,
      includeEmptyLhs: flags.emptyLhs === true,
    })
    if (flags.json) {
      printJson({ file: flags.file, ...result })
      return
    }
    info(`${result.baskets} baskets, ${result.items} items: ${result.itemsets} frequent itemsets, ${result.rules} rules in ${result.seconds.total.toFixed(3)} s`)
    printTable(
      ['lhs', 'rhs', 'support', 'confidence', 'lift', 'leverage', 'conviction'],
      result.topRules.map((r) => [`{${r.lhs.join(', ')}}`, `{${r.rhs.join(', ')}}`, r.support, r.confidence, r.lift, r.leverage, r.conviction]),
    )
  })
}
