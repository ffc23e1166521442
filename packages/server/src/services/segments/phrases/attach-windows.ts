import type { SegmentLeaf } from '../../../domain/segment-tree.ts'
import { onlyFiller } from './leftovers.ts'
import type { Candidate, PhraseLang } from './phrase-types.ts'

type LeafReading = Extract<Candidate, { kind: 'leaf' }>
type WindowReading = Extract<Candidate, { kind: 'window' }>

export interface WindowedLeaf {
  reading: LeafReading
  leaf: SegmentLeaf
  /** The windows written apart from the condition that it took. */
  windows: WindowReading[]
}

/**
 * Gives order, spend and product conditions the windows written apart from them, and says which windows went
 * unused (reported as unknown).
 *
 * 1. A window next to a condition (only filler between) belongs to it: in English the one before it
 *    ("ordered twice in the last 30 days"), else the one after; in Chinese the one after it
 *    ("过去30天下单至少2次"), else the one before.
 * 2. An order or spend condition still without one takes the nearest window before it ("in the last 90
 *    days, ordered twice and spent over 500"); in Chinese, failing that, the nearest after it.
 */
export function attachWindows(readings: readonly Candidate[], text: string, lang: PhraseLang): { leaves: WindowedLeaf[]; unusedWindows: WindowReading[] } {
  const leaves: WindowedLeaf[] = []
  const windowOf = new Map<LeafReading, WindowReading>()
  const used = new Set<WindowReading>()
  const takes = (r: Candidate): r is LeafReading => r.kind === 'leaf' && r.windowUse !== 'none' && !windowOf.has(r)

  readings.forEach((r, i) => {
    if (r.kind !== 'window') return
    const before = readings[i - 1]
    const after = readings[i + 1]
    const near = (n: Candidate | undefined): n is LeafReading =>
      n !== undefined && takes(n) && onlyFiller(text, Math.min(n.end, r.end), Math.max(n.start, r.start), lang)
    const order = lang === 'en' ? [before, after] : [after, before]
    const target = order.find(near)
    if (target !== undefined && near(target)) {
      windowOf.set(target, r)
      used.add(r)
    }
  })

  const windows = readings.filter((r): r is WindowReading => r.kind === 'window')
  for (const r of readings) {
    if (r.kind !== 'leaf' || r.windowUse !== 'carry' || windowOf.has(r)) continue
    const earlier = windows.filter((w) => w.end <= r.start).at(-1)
    const later = lang === 'zh' ? windows.find((w) => w.start >= r.end) : undefined
    const chosen = earlier ?? later
    if (chosen !== undefined) {
      windowOf.set(r, chosen)
      used.add(chosen)
    }
  }

  for (const r of readings) {
    if (r.kind !== 'leaf') continue
    const w = windowOf.get(r)
    const leaf = w !== undefined && (r.leaf.type === 'behaviour' || r.leaf.type === 'product') ? { ...r.leaf, window: { last_days: w.days } } : r.leaf
    leaves.push({ reading: r, leaf, windows: w === undefined ? [] : [w] })
  }
  return { leaves, unusedWindows: windows.filter((w) => !used.has(w)) }
}
