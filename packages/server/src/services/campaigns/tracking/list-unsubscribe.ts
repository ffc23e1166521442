import { invalid } from '../../../errors/rapport-error.ts'

/**
 * The unsubscribe headers of a marketing message. RFC 2369 gives List-Unsubscribe (URIs in angle
 * brackets); RFC 8058 adds one-click: with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` the mail
 * client POSTs that body to the HTTPS URI and the recipient is unsubscribed without visiting a page.
 * RFC 8058 §3.1 requires an HTTPS URI for one-click, so a plain-http URL (a local install) gets the
 * List-Unsubscribe header only. The headers must be covered by the DKIM signature (RFC 8058 §4).
 */
export interface ListUnsubscribeHeaders {
  'List-Unsubscribe': string
  'List-Unsubscribe-Post'?: string
}

export function listUnsubscribeHeaders(unsubscribeUrl: string, mailto?: string): ListUnsubscribeHeaders {
  let url: URL
  try {
    url = new URL(unsubscribeUrl)
  } catch {
    throw invalid([{ path: 'unsubscribe_url', message: 'not a valid URL' }], 'the unsubscribe link is not valid')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid([{ path: 'unsubscribe_url', message: 'must be an http or https URL' }], 'the unsubscribe link is not valid')
  }
  // The parser percent-encodes spaces and angle brackets and drops CR/LF, so href cannot break the header.
  const uris = [`<${url.href}>`]
  if (mailto !== undefined) {
    if (!/^[^\s<>,@"?]+@[^\s<>,@"?]+$/.test(mailto)) {
      throw invalid([{ path: 'mailto', message: 'not an e-mail address' }], 'the unsubscribe address is not valid')
    }
    uris.push(`<mailto:${mailto}?subject=unsubscribe>`)
  }
  const headers: ListUnsubscribeHeaders = { 'List-Unsubscribe': uris.join(', ') }
  if (url.protocol === 'https:') headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  return headers
}
