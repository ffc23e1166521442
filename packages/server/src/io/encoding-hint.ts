import iconv from 'iconv-lite'

/**
 * What to tell a user whose file is not UTF-8: if a sample of it decodes cleanly as GBK (or, failing that,
 * GB18030) and is mostly CJK ideographs outside ASCII, say so and name the option; otherwise list the
 * usual candidates. A heuristic on a sample of whole lines, never a silent choice: the user confirms with
 * --encoding.
 */
export function encodingHint(sample: Uint8Array): string {
  for (const enc of ['gbk', 'gb18030'] as const) {
    if (looksLike(sample, enc)) return `it looks like ${enc === 'gbk' ? 'GBK' : 'GB18030'} (Chinese) text: import it again with --encoding ${enc}`
  }
  return 'name the encoding it was saved in with --encoding (for example --encoding gbk, gb18030, latin1 or utf16le)'
}

function looksLike(sample: Uint8Array, enc: 'gbk' | 'gb18030'): boolean {
  const text = iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), enc)
  let nonAscii = 0
  let cjk = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    if (c === 0xfffd) return false
    nonAscii++
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++
  }
  return nonAscii > 0 && cjk / nonAscii >= 0.8
}
