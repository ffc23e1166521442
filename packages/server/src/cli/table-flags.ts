import { InvalidArgumentError, type Command } from 'commander'
import type { TableOptions } from '../io/table-options.ts'

/** Adds the generic file options of the CLI contract (design.md) to a command. */
export function withTableOptions(cmd: Command): Command {
  return cmd
    .option('--sep <char>', 'field separator: a character, tab, comma, semicolon, pipe or whitespace (default: sniffed)')
    .option('--no-header', 'the file has no header row; columns are named c1..cN')
    .option('--quote <char>', 'quote character, or none', '"')
    .option('--encoding <name>', 'file encoding (utf8, gbk, gb18030, latin1, utf16le, ...)', 'utf8')
}

/** Picks the table options out of a command's parsed options. */
export function tableOptions(opts: Record<string, unknown>): TableOptions {
  return {
    sep: opts.sep as string | undefined,
    header: opts.header as boolean | undefined,
    quote: opts.quote as string | undefined,
    encoding: opts.encoding as string | undefined,
  }
}

/** Collects repeated `--param name=value` options into an object of numbers (or strings when not numeric). */
export function collectParam(value: string, previous: Record<string, number | string> = {}): Record<string, number | string> {
  const eq = value.indexOf('=')
  if (eq <= 0) throw new InvalidArgumentError(`--param expects name=value, got "${value}"`)
  const key = value.slice(0, eq).trim()
  const raw = value.slice(eq + 1).trim()
  const num = Number(raw)
  return { ...previous, [key]: raw !== '' && Number.isFinite(num) ? num : raw }
}

/** Parses a number option with a usage error naming the flag. */
export function numberOption(flag: string) {
  return (value: string): number => {
    const n = Number(value)
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} expects a number, got "${value}"`)
    return n
  }
}
