/**
 * The matching form of a phrase: lower case, full-width letters, digits and signs folded to ASCII, curly
 * quotes straightened, every kind of space a plain space. Each character maps to exactly one character, so
 * an offset in the matching form is the same offset in what the user typed (recognised and unknown parts
 * are quoted from the original).
 */
export function matchingForm(original: string): string {
  let out = ''
  for (let i = 0; i < original.length; i++) out += foldChar(original.charAt(i))
  return out
}

const SPECIAL: Record<string, string> = {
  '\u3000': ' ', '\u00a0': ' ', '\u2009': ' ', '\t': ' ', '\n': ' ', '\r': ' ',
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"',
  '\uffe5': '¥', '\uffe1': '£', '\u2013': '-', '\u2014': '-',
}

function foldChar(c: string): string {
  const special = SPECIAL[c]
  if (special !== undefined) return special
  const code = c.charCodeAt(0)
  // Full-width ASCII (！ to ～) sits at a fixed offset from ASCII; ， and ： become , and : this way too.
  const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c
  const lower = half.toLowerCase()
  return lower.length === 1 ? lower : half
}

/** Any Han character makes a phrase Chinese. */
export function detectLang(text: string): 'en' | 'zh' {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en'
}
