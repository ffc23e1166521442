/**
 * Where a byte sequence stops being well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF), or -1. Used only once a strict decoder has refused a file, to say
 * where; a plain loop, so it need not be fast.
 */
export function firstInvalidUtf8(bytes: Uint8Array, final = true): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) lo = 0xa0
      if (b === 0xed) hi = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) lo = 0x90
      if (b === 0xf4) hi = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return final ? i : -1
      const c = bytes[i + k] as number
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i
    }
    i += need + 1
  }
  return -1
}
