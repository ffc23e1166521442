import { openSync, readSync, closeSync } from 'node:fs'
import iconv from 'iconv-lite'
import { UsageError } from '../errors/rapport-error.ts'

/** The generic file options every table-reading command shares (CLI contract in design.md). */
export interface TableOptions {
  /** A single character, or `tab`, `comma`, `semicolon`, `pipe`, `whitespace`; sniffed from the first line when absent. */
  sep?: string | undefined
  /** false: no header row, columns are named c1..cN. Default true. */
  header?: boolean | undefined
  /** Quote character, or `none`. Default `"`. */
  quote?: string | undefined
  /** Any encoding iconv-lite knows (utf8, gbk, gb18030, latin1, utf16le …). Default utf8. */
  encoding?: string | undefined
}

export type Separator = { kind: 'char'; char: string } | { kind: 'whitespace' }

const NAMED: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' }

/** Resolves `--sep`, sniffing the first line of the file when the option is absent. */
export function resolveSeparator(file: string, opts: TableOptions): Separator {
  const raw = opts.sep
  if (raw === undefined || raw === '' || raw === 'auto') return sniffSeparator(firstLine(file, opts.encoding))
  if (raw === 'whitespace' || raw === 'ws') return { kind: 'whitespace' }
  const named = NAMED[raw]
  if (named !== undefined) return { kind: 'char', char: named }
  if ([...raw].length !== 1) throw new UsageError(`--sep must be one character, tab, comma, semicolon, pipe or whitespace; got "${raw}"`)
  return { kind: 'char', char: raw }
}

export function resolveQuote(opts: TableOptions): string | false {
  const q = opts.quote
  if (q === undefined || q === '') return '"'
  if (q === 'none') return false
  if ([...q].length !== 1) throw new UsageError(`--quote must be one character or none; got "${q}"`)
  return q
}

export function resolveEncoding(opts: TableOptions): string {
  const enc = opts.encoding ?? 'utf8'
  if (!iconv.encodingExists(enc)) throw new UsageError(`unknown --encoding "${enc}"`)
  return enc
}

/** Tab if the line has tabs, else the most frequent of , ; | outside quotes, else whitespace runs. */
export function sniffSeparator(line: string): Separator {
  if (line.includes('\t')) return { kind: 'char', char: '\t' }
  const counts = new Map<string, number>([[',', 0], [';', 0], ['|', 0]])
  let inQuote = false
  for (const ch of line) {
    if (ch === '"') inQuote = !inQuote
    else if (!inQuote && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best = ''
  let bestCount = 0
  for (const [ch, n] of counts) if (n > bestCount) [best, bestCount] = [ch, n]
  if (bestCount > 0) return { kind: 'char', char: best }
  if (/\S\s+\S/.test(line.trim())) return { kind: 'whitespace' }
  return { kind: 'char', char: ',' }
}

function firstLine(file: string, encoding: string | undefined): string {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(64 * 1024)
    const n = readSync(fd, buf, 0, buf.length, 0)
    const text = iconv.decode(buf.subarray(0, n), encoding ?? 'utf8')
    const end = text.search(/\r?\n/)
    return (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '')
  } finally {
    closeSync(fd)
  }
}
