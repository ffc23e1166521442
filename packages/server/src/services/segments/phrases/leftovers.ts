import { EDGE_FILLER_ZH, isFiller, SPLITTERS_ZH } from './filler-words.ts'
import type { PhraseLang } from './phrase-types.ts'

/** A stretch of the input [start, end) that no rule understood and that is not filler. */
export interface Leftover {
  start: number
  end: number
}

/** Separators inside a leftover stretch; a full stop only when it is not a decimal point. */
const SEPARATOR = /[,;:!?()"[\]{}、。，；：！？（）]|\.(?!\d)|\s/u

/**
 * The unknown parts of text[from, to): in English, runs of consecutive non-filler words ("love jazz"); in
 * Chinese, the pieces between punctuation and connectors (的, 和, …) with filler trimmed from their edges.
 */
export function leftoversIn(text: string, from: number, to: number, lang: PhraseLang): Leftover[] {
  const out: Leftover[] = []
  let run: Leftover | undefined
  const close = () => { if (run !== undefined) out.push(run); run = undefined }
  let i = from
  while (i < to) {
    if (SEPARATOR.test(text.charAt(i))) {
      // Whitespace between two unknown English words keeps the run going; anything else ends it.
      if (!(lang === 'en' && /\s/u.test(text.charAt(i)))) close()
      i++
      continue
    }
    let j = i
    while (j < to && !SEPARATOR.test(text.charAt(j))) j++
    for (const piece of lang === 'en' ? [{ start: i, end: j }] : splitChinese(text, i, j)) {
      if (isFiller(text.slice(piece.start, piece.end), lang)) close()
      else if (lang === 'en') run = run === undefined ? { ...piece } : { start: run.start, end: piece.end }
      else out.push(piece)
    }
    i = j
  }
  close()
  return out
}

/** A Chinese piece split at connectors, each part with edge filler ("客户", "在", …) trimmed off. */
function splitChinese(text: string, start: number, end: number): Leftover[] {
  const parts: Leftover[] = []
  let partStart = start
  let k = start
  while (k < end) {
    const splitter = SPLITTERS_ZH.find((s) => text.startsWith(s, k) && k + s.length <= end)
    if (splitter === undefined) { k++; continue }
    parts.push({ start: partStart, end: k })
    k += splitter.length
    partStart = k
  }
  parts.push({ start: partStart, end })
  return parts.map((p) => trimEdges(text, p)).filter((p) => p.end > p.start)
}

function trimEdges(text: string, p: Leftover): Leftover {
  let { start, end } = p
  for (let changed = true; changed && end > start;) {
    changed = false
    const slice = text.slice(start, end)
    if (isFiller(slice, 'zh')) return { start, end: start }
    const head = EDGE_FILLER_ZH.find((f) => slice.startsWith(f) && f.length < slice.length)
    if (head !== undefined) { start += head.length; changed = true; continue }
    const tail = EDGE_FILLER_ZH.find((f) => slice.endsWith(f) && f.length < slice.length)
    if (tail !== undefined) { end -= tail.length; changed = true }
  }
  return { start, end }
}

/** True when text[from, to) holds nothing but filler and punctuation. */
export const onlyFiller = (text: string, from: number, to: number, lang: PhraseLang): boolean =>
  from >= to || leftoversIn(text, from, to, lang).length === 0
