import { invalid } from '../../../errors/rapport-error.ts'

/**
 * Click and open tracking in rendered campaign HTML. Only the href of `<a>` tags is touched and everything
 * else is left byte for byte as it was (a parse-and-serialise round trip would reformat the markup that
 * mail clients are picky about). The tag pattern takes quoted attribute values whole, so a `>` or an
 * `href=` inside another attribute's value is not mistaken for the end of the tag or for the link.
 */

// `<a`, then attributes: unquoted characters or whole quoted strings, up to the closing `>`.
const A_TAG = /(<a)(?=[\s>/])((?:[^>"']|"[^"]*"|'[^']*')*)>/gi
// One attribute: name, and optionally `=` and a double-quoted, single-quoted or unquoted value.
const ATTRIBUTE = /([^\s"'<>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g
const HTTP_URL = /^https?:\/\//i

export interface RewriteOptions {
  /** Links starting with this (e.g. Rapport's own unsubscribe and view-online URLs) are left as they are. */
  skipPrefix?: string | undefined
}

/**
 * Replaces each http(s) href of an `<a>` tag by `makeClickUrl(original)`. mailto:, tel:, `#` anchors, relative
 * links and links under `skipPrefix` stay. The URL handed over is the decoded one (`&amp;` → `&`).
 */
export function rewriteLinks(html: string, makeClickUrl: (url: string) => string, options: RewriteOptions = {}): string {
  const { skipPrefix } = options
  return html.replace(A_TAG, (tag: string, open: string, attributes: string) => {
    let done = false
    const rewritten = attributes.replace(ATTRIBUTE, (attr: string, name: string, eq: string | undefined, raw: string | undefined) => {
      if (done || name.toLowerCase() !== 'href' || eq === undefined || raw === undefined) return attr
      done = true // browsers use the first href only
      const url = decodeEntities(unquote(raw)).trim()
      if (!HTTP_URL.test(url) || (skipPrefix && url.startsWith(skipPrefix))) return attr
      return `${name}${eq}"${escapeAttribute(makeClickUrl(url))}"`
    })
    return rewritten === attributes ? tag : `${open}${rewritten}>`
  })
}

/** The open-tracking pixel: a 1×1 image with empty alt text so screen readers skip it. */
export function openPixel(url: string): string {
  return `<img src="${escapeAttribute(url)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0" />`
}

/**
 * The URL a click may be redirected to: absolute http or https only (no javascript:, data:, protocol-relative
 * `//host` or relative targets), without user:password@ (which can disguise the real host), normalised by
 * the WHATWG parser so no control character reaches the Location header.
 */
export function safeRedirectTarget(url: string): string {
  const reject = (why: string): never => {
    throw invalid([{ path: 'url', message: why }], 'the link target is not allowed')
  }
  if (typeof url !== 'string' || !HTTP_URL.test(url) || /[\u0000-\u001f\u007f]/.test(url)) return reject('only http and https links can be followed')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return reject('not a valid URL')
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return reject('only http and https links can be followed')
  if (parsed.username !== '' || parsed.password !== '') return reject('links with credentials are not followed')
  if (parsed.hostname === '') return reject('the link has no host')
  return parsed.href
}

const unquote = (v: string): string => (v.startsWith('"') || v.startsWith("'") ? v.slice(1, -1) : v)

const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }

// The entities that occur in URLs; anything else is left as written.
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|quot|apos|lt|gt);/gi, (m: string, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? m
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
  })
}

export function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
