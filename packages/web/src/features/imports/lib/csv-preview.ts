/**
 * A small RFC 4180 reader for the preview: quoted fields may hold the separator, doubled quotes and line
 * breaks. It reads the start of a file only, so a record cut off by the end of the slice is dropped
 * (unless the slice is the whole file). The separator is sniffed like the server does (io/table-options.ts):
 * tab if the first line has one, else the most frequent of , ; | outside quotes.
 */
export interface TablePreview {
  header: string[]
  rows: string[][]
}

export function sniffSeparator(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t'
  const counts = new Map<string, number>([[',', 0], [';', 0], ['|', 0]])
  let inQuote = false
  for (const ch of firstLine) {
    if (ch === '"') inQuote = !inQuote
    else if (!inQuote && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best = ','
  let bestCount = 0
  for (const [ch, n] of counts) if (n > bestCount) [best, bestCount] = [ch, n]
  return best
}

/** Records of `text`; `complete` says the text is the whole file (else the last, maybe cut, record is dropped). */
export function csvRecords(text: string, complete: boolean, sep = sniffSeparator(text.split(/\r?\n/, 1)[0] ?? '')): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endRecord = () => {
    record.push(field)
    field = ''
    // A blank line is no record (the server skips them too).
    if (!(record.length === 1 && record[0] === '')) records.push(record)
    record = []
  }
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') quoted = true
    else if (ch === sep) {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      endRecord()
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else field += ch
    i++
  }
  // What is left has no line end: a whole last record only when the file ends here.
  if (complete && !quoted && (field !== '' || record.length > 0)) endRecord()
  return records
}

/** Header (trimmed, as the server trims it) and the first `maxRows` rows of a CSV text. */
export function parseCsvPreview(text: string, complete: boolean, maxRows = 10): TablePreview {
  const [header = [], ...rows] = csvRecords(stripBom(text), complete)
  return { header: header.map((h) => h.trim()), rows: rows.slice(0, maxRows) }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
