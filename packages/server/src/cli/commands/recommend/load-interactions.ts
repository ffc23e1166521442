import type { Command } from 'commander'
import type { InteractionColumns } from '../../../features/interactions.ts'
import { readInteractions } from '../../../features/interactions.ts'
import { tableOptions } from '../../table-flags.ts'

export type ColumnFlags = InteractionColumns

/** Adds --user-col/--item-col/--rating-col (defaults: the first three columns). */
export function withColumnOptions(cmd: Command, ratingRequired: boolean): Command {
  return cmd
    .option('--user-col <name>', 'user column: a name, c1..cN or a 1-based number (default: first column)')
    .option('--item-col <name>', 'item column (default: second column)')
    .option(
      '--rating-col <name>',
      ratingRequired ? 'rating column (default: third column)' : 'rating/count column (default: third column when present; ignored by the binarising models)',
    )
}

/**
 * Reads interaction files through the features loader. Only an explicit --no-header turns header detection
 * off (commander's default for --header is true either way, so the option's source decides).
 */
export function readInteractionFiles(files: string[], flags: ColumnFlags & Record<string, unknown>, cmd: Command, ratingRequired: boolean) {
  const noHeader = cmd.getOptionValueSource('header') === 'cli' && flags.header === false
  const cols = { userCol: flags.userCol, itemCol: flags.itemCol, ratingCol: flags.ratingCol }
  return readInteractions(files, tableOptions(flags), cols, { noHeader, ratingRequired })
}
