import { convert } from 'html-to-text'

/**
 * An article's answer as plain text for the chat: articles are stored as written, HTML included, and the widget
 * shows text only (textContent), so markup is turned into its readable text here rather than sent as tags.
 * html-to-text (already under mailparser) does this properly: entities, lists, links as "text [url]".
 */
export function articleText(body: string): string {
  if (!/[<&]/.test(body)) return body
  return convert(body, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] }).trim()
}
