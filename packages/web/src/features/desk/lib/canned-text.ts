/** Text helpers for saved replies: putting text in a box at the cursor, spotting a typed shortcut, merge-field tags. */

export interface Inserted {
  value: string
  /** Where the cursor goes afterwards: just after the inserted text. */
  caret: number
}

/**
 * `insert` put into `text` in place of the selection `start`–`end` (the cursor when they are equal). A box holding
 * nothing but blank space is replaced whole, so a reply does not start with stray newlines.
 */
export function insertText(text: string, start: number, end: number, insert: string): Inserted {
  if (text.trim() === '') return { value: insert, caret: insert.length }
  const s = Math.min(Math.max(0, start), text.length)
  const e = Math.min(Math.max(s, end), text.length)
  return { value: text.slice(0, s) + insert + text.slice(e), caret: s + insert.length }
}

/** A box that holds only the start of a shortcut (`/`, then the characters a shortcut may have): what was typed, else null. */
export function shortcutPrefix(text: string): string | null {
  return /^\/[a-z0-9_-]{1,39}$/.test(text) ? text : null
}

/** How a merge field is written in a body: `{{ customer.first_name }}`. */
export const mergeTag = (path: string, fallback?: string): string => (fallback === undefined ? `{{ ${path} }}` : `{{ ${path} | default: ${JSON.stringify(fallback)} }}`)

/** The start of a body for a list: whitespace folded to single spaces, cut at a word where it can be. */
export function preview(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  // Chinese has no spaces: cut at the length then; a word boundary only when it keeps most of the text.
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
