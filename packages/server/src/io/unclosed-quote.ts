import type { Readable } from 'node:stream'

/**
 * The line on which a quoted field opens and is never closed, or undefined. The CSV parser only notices at
 * the end of the file and reports that line; this re-reads the text with the same quoting rules (a quote
 * opens a field only at its start, a doubled quote inside is a literal quote), on the error path only.
 */
export async function unclosedQuoteLine(text: Readable, sep: string, quote: string): Promise<number | undefined> {
  let line = 1
  let inQuote = false
  let quoteSeen = false // inside a quoted field, the previous character was a quote
  let fieldStart = true
  let openedOn = 0
  for await (const chunk of text) {
    // Chunks end on character boundaries (see decodedStream), so each decodes on its own.
    const s = typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8')
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]
      if (inQuote) {
        if (!quoteSeen) {
          if (ch === quote) quoteSeen = true
          else if (ch === '\n') line++
          continue
        }
        quoteSeen = false
        if (ch === quote) continue // "" is a literal quote
        inQuote = false // the quote closed the field; read this character outside it
      }
      if (ch === '\n') {
        line++
        fieldStart = true
      } else if (ch === sep) fieldStart = true
      else if (fieldStart && ch === quote) {
        inQuote = true
        openedOn = line
        fieldStart = false
      } else fieldStart = false
    }
  }
  return inQuote && !quoteSeen ? openedOn : undefined
}
