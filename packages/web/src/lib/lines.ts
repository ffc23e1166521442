/**
 * A textarea that holds a list, one entry a line (allowed origins, an article's other questions). Blank lines are
 * dropped before sending, so the API's `field.<i>` errors name an index of the sent list, not a line: `lines`
 * keeps the textarea line (from 1) of each entry, to say where the refused one is.
 */
export interface ListLines {
  items: string[]
  lines: number[]
}

export function listLines(text: string): ListLines {
  const items: string[] = []
  const lines: number[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const item = raw.trim()
    if (item === '') return
    items.push(item)
    lines.push(i + 1)
  })
  return { items, lines }
}

/** The entries as textarea text, one a line. */
export const linesText = (items: readonly string[]): string => items.join('\n')

/**
 * The field errors about the list `field` (`field` itself, or `field.<i>` for one entry), as the line each one is
 * on (null for the whole list), in line order.
 */
export function lineIssues(errors: Record<string, string>, field: string, lines: number[]): Array<{ line: number | null; message: string }> {
  const out: Array<{ line: number | null; message: string }> = []
  for (const [key, message] of Object.entries(errors)) {
    if (key === field) out.push({ line: null, message })
    const m = new RegExp(`^${field}\\.(\\d+)(?:\\.|$)`).exec(key)
    if (m) out.push({ line: lines[Number(m[1])] ?? Number(m[1]) + 1, message })
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}
