/** The start of an answer for a list cell: whitespace folded to single spaces, cut at a word where it can be. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  // Chinese has no spaces: cut at the length then; a word boundary only when it keeps most of the text.
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
