import { parse } from 'csv-parse/sync'
import { InputError } from '../../errors/rapport-error.ts'

/** One CSV record and the (1-based) line it ends on. */
export interface KbCsvRecord {
  line: number
  values: string[]
}

/**
 * A small CSV file (a knowledge base: at most a few MB) parsed whole with csv-parse. Line numbers are counted
 * from each record's raw text as io/records.ts does (csv-parse's own `info.lines` miscounts CRLF inside quoted
 * fields); empty lines are kept by the parser so they are counted, then dropped. Bytes that are not UTF-8 are
 * refused rather than imported as U+FFFD.
 */
export function parseKbCsv(file: string, data: Buffer | string): KbCsvRecord[] {
  let text: string
  try {
    text = typeof data === 'string' ? data : new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    throw new InputError(`${file}: is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel) and import it again`)
  }
  let parsed: Array<{ record: string[]; raw: string }>
  try {
    // With raw: true each record comes as { record, raw }; the typings only know the plain form.
    parsed = parse(text, { bom: true, raw: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof parsed
  } catch (err) {
    const e = err as { message?: string; lines?: number }
    throw new InputError(`${file}:${e.lines ?? 1}: ${e.message ?? String(err)}`)
  }
  const out: KbCsvRecord[] = []
  let linesBefore = 0
  for (const { record, raw } of parsed) {
    let newlines = 0
    for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) newlines++
    if (raw.endsWith('\n')) newlines--
    const line = linesBefore + 1 + newlines
    linesBefore = line
    if (record.length === 1 && record[0] === '') continue
    out.push({ line, values: record })
  }
  return out
}
